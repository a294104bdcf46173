import { z } from "zod";
import { queryFromUrl, type RawParams } from "../list-query";
import { idNumber, pageQuery, type SortOf, sortParam } from "./common";

// Input, list and response shapes of the catalog (projects, environments, Devtron apps and
// their deployments, Helm apps, chart groups). Names are immutable once created, so
// the update schemas have no name; a body that tries to rename gets a clear 400. Each list
// is declared once: its API route parses it strictly, its page leniently (…QueryFromUrl).

const required = (what = "a string") => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined ? "is required" : `must be ${what}`),
});

/** A name rule with one message per broken rule, so the caller learns which one. */
function slug(opts: { min: number; max: number; first: RegExp; firstRule: string; last: RegExp; lastRule: string }) {
  return z
    .string(required())
    .trim()
    .min(opts.min, `must be at least ${opts.min} characters`)
    .max(opts.max, `must be at most ${opts.max} characters`)
    .regex(/^[a-z0-9-]*$/, "must use only lowercase letters, digits and hyphens")
    .regex(opts.first, opts.firstRule)
    .regex(opts.last, opts.lastRule);
}

/** Projects, environments, chart groups: DNS-label-like slugs. */
export const slugName = slug({
  min: 1,
  max: 50,
  first: /^[a-z0-9]/,
  firstRule: "must start with a lowercase letter or digit",
  last: /[a-z0-9]$/,
  lastRule: "must end with a lowercase letter or digit",
});

/** Devtron's app name rule: 2–30 characters, ^[a-z][a-z0-9-]*[a-z0-9]$. */
export const appName = slug({
  min: 2,
  max: 30,
  first: /^[a-z]/,
  firstRule: "must start with a lowercase letter",
  last: /[a-z0-9]$/,
  lastRule: "must end with a lowercase letter or digit",
});

/** Helm release names: at most 53 characters, a DNS label. */
export const helmReleaseName = slug({
  min: 1,
  max: 53,
  first: /^[a-z]/,
  firstRule: "must start with a lowercase letter",
  last: /[a-z0-9]$/,
  lastRule: "must end with a lowercase letter or digit",
});

export const DESCRIPTION_MAX = 350;
export const description = z.string(required()).max(DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX} characters`);

/** The name of an existing thing, referenced from a body; existence is checked by the service. */
export const reference = z.string(required()).trim().min(1, "is required").max(53, "must be at most 53 characters");

export const label = z.strictObject({
  key: z
    .string(required())
    .trim()
    .min(1, "is required")
    .max(63, "must be at most 63 characters")
    .regex(
      /^[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?$/,
      "must be letters, digits, '.', '_', '-' or '/', starting and ending with a letter or digit",
    ),
  value: z.string(required()).max(63, "must be at most 63 characters"),
  propagate: z.boolean({ error: "must be true or false" }).default(false),
});
export const labels = z.array(label, { error: "must be a list of { key, value, propagate }" }).max(50, "must have at most 50 labels");

const noRename = { name: z.never({ error: "cannot be changed; create a new one instead" }).optional() };

// ---- Projects --------------------------------------------------------------------------------

export const createProjectInput = z.strictObject({ name: slugName, description: description.default("") });
export const updateProjectInput = z.strictObject({ ...noRename, description: description.optional() });
const PROJECT_SORTS = ["name", "createdAt"] as const;
export const PROJECTS_DEFAULT_SORT: SortOf<typeof PROJECT_SORTS> = "name";
export const listProjectsQuery = pageQuery.extend({ sort: sortParam(PROJECT_SORTS) });
export const projectsQueryFromUrl = (params: RawParams) => queryFromUrl(listProjectsQuery, params);
export const projectResponse = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// ---- Environments ------------------------------------------------------------------------------

const namespace = z
  .string(required())
  .trim()
  .max(63, "must be at most 63 characters")
  .regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?)?$/, "must be a Kubernetes namespace: lowercase letters, digits and hyphens");
const cluster = z.string(required()).trim().min(1, "is required").max(100, "must be at most 100 characters");
const production = z.boolean({ error: "must be true or false" });

export const createEnvironmentInput = z.strictObject({
  name: slugName,
  cluster: cluster.default("default_cluster"),
  namespace: namespace.optional(),
  production: production.default(false),
  description: description.default(""),
});
export const updateEnvironmentInput = z.strictObject({
  ...noRename,
  description: description.optional(),
  cluster: cluster.optional(),
  namespace: namespace.optional(),
  production: production.optional(),
});
const ENVIRONMENT_SORTS = ["name", "createdAt"] as const;
export const ENVIRONMENTS_DEFAULT_SORT: SortOf<typeof ENVIRONMENT_SORTS> = "name";
export const listEnvironmentsQuery = pageQuery.extend({ sort: sortParam(ENVIRONMENT_SORTS) });
export const environmentsQueryFromUrl = (params: RawParams) => queryFromUrl(listEnvironmentsQuery, params);
export const environmentResponse = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  cluster: z.string(),
  namespace: z.string(),
  production: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// ---- Devtron apps and deployments --------------------------------------------------------------

export const createAppInput = z.strictObject({
  name: appName,
  project: reference,
  description: description.default(""),
  labels: labels.default([]),
});
export const updateAppInput = z.strictObject({
  ...noRename,
  project: z.never({ error: "cannot be changed; an app stays in the project it was created in" }).optional(),
  description: description.optional(),
  labels: labels.optional(),
});
const APP_SORTS = ["name", "createdAt", "updatedAt"] as const;
export const APPS_DEFAULT_SORT: SortOf<typeof APP_SORTS> = "name";
export const listAppsQuery = pageQuery.extend({ project: reference.optional(), sort: sortParam(APP_SORTS) });
export const appsQueryFromUrl = (params: RawParams) => queryFromUrl(listAppsQuery, params);
export const appResponse = z.object({
  id: z.number(),
  name: z.string(),
  project: z.string(),
  projectId: z.number(),
  description: z.string(),
  labels: z.array(z.object({ key: z.string(), value: z.string(), propagate: z.boolean() })),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const createDeploymentInput = z.strictObject({
  environment: reference,
  image: z.string(required()).trim().max(500, "must be at most 500 characters").default(""),
});
/** Always newest first. */
export const listDeploymentsQuery = pageQuery.pick({ page: true, pageSize: true });
export const deploymentsQueryFromUrl = (params: RawParams) => queryFromUrl(listDeploymentsQuery, params);
export const deploymentResponse = z.object({
  id: z.number(),
  appId: z.number(),
  app: z.string(),
  environment: z.string(),
  image: z.string(),
  status: z.string(),
  triggeredBy: z.string(),
  createdAt: z.string(),
});

// ---- Helm apps -------------------------------------------------------------------------------

export const HELM_VALUES_MAX_BYTES = 64 * 1024;
const helmValues = z.string(required()).refine((v) => new TextEncoder().encode(v).length <= HELM_VALUES_MAX_BYTES, "must be at most 64 kB");
const chartRef = z.string(required()).trim().min(1, "is required").max(200, "must be at most 200 characters");
const chartVersion = z
  .string(required())
  .trim()
  .min(1, "is required")
  .max(50, "must be at most 50 characters")
  .regex(/^[0-9A-Za-z.+-]+$/, "must be a version like 1.2.3");

export const createHelmAppInput = z.strictObject({
  name: helmReleaseName,
  project: reference,
  environment: reference,
  chart: chartRef,
  version: chartVersion,
  values: helmValues.default(""),
});
export const updateHelmAppInput = z.strictObject({
  ...noRename,
  project: z.never({ error: "cannot be changed" }).optional(),
  environment: z.never({ error: "cannot be changed" }).optional(),
  chart: chartRef.optional(),
  version: chartVersion.optional(),
  values: helmValues.optional(),
});
const HELM_APP_SORTS = ["name", "createdAt", "updatedAt"] as const;
export const HELM_APPS_DEFAULT_SORT: SortOf<typeof HELM_APP_SORTS> = "name";
export const listHelmAppsQuery = pageQuery.extend({
  project: reference.optional(),
  environment: reference.optional(),
  sort: sortParam(HELM_APP_SORTS),
});
export const helmAppsQueryFromUrl = (params: RawParams) => queryFromUrl(listHelmAppsQuery, params);
export const helmAppResponse = z.object({
  id: z.number(),
  name: z.string(),
  project: z.string(),
  environment: z.string(),
  chart: z.string(),
  version: z.string(),
  values: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// ---- Chart groups ----------------------------------------------------------------------------

const chartEntry = z.strictObject({ name: chartRef, version: chartVersion });
const charts = z.array(chartEntry, { error: "must be a list of { name, version }" }).max(50, "must have at most 50 charts");

export const createChartGroupInput = z.strictObject({ name: slugName, description: description.default(""), charts: charts.default([]) });
export const updateChartGroupInput = z.strictObject({ ...noRename, description: description.optional(), charts: charts.optional() });
const CHART_GROUP_SORTS = ["name", "createdAt"] as const;
export const CHART_GROUPS_DEFAULT_SORT: SortOf<typeof CHART_GROUP_SORTS> = "name";
export const listChartGroupsQuery = pageQuery.extend({ sort: sortParam(CHART_GROUP_SORTS) });
export const chartGroupsQueryFromUrl = (params: RawParams) => queryFromUrl(listChartGroupsQuery, params);
export const chartGroupResponse = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  charts: z.array(z.object({ name: z.string(), version: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// ---- Devtron's POST /orchestrator/app ----------------------------------------------------------

export const devtronCreateAppInput = z.object({
  appName,
  teamId: idNumber("the id of a project"),
  description: description.default(""),
  labels: labels.nullish().transform((l) => l ?? []),
});
export const devtronAppResponse = appResponse
  .pick({ id: true, description: true, labels: true, createdBy: true })
  .extend({ appName: z.string(), teamId: z.number(), active: z.boolean() });

export type Label = z.infer<typeof label>;
export type ProjectResponse = z.infer<typeof projectResponse>;
export type EnvironmentResponse = z.infer<typeof environmentResponse>;
export type AppResponse = z.infer<typeof appResponse>;
export type DeploymentResponse = z.infer<typeof deploymentResponse>;
export type HelmAppResponse = z.infer<typeof helmAppResponse>;
export type ChartGroupResponse = z.infer<typeof chartGroupResponse>;
export type DevtronCreateAppInput = z.output<typeof devtronCreateAppInput>;
export type DevtronAppResponse = z.infer<typeof devtronAppResponse>;
export type CreateAppInput = z.infer<typeof createAppInput>;
export type UpdateAppInput = z.infer<typeof updateAppInput>;
export type CreateHelmAppInput = z.infer<typeof createHelmAppInput>;
export type UpdateHelmAppInput = z.infer<typeof updateHelmAppInput>;
export type CreateChartGroupInput = z.infer<typeof createChartGroupInput>;
export type UpdateChartGroupInput = z.infer<typeof updateChartGroupInput>;
