import "server-only";
import { z } from "zod";
import { permissionsSchema } from "@/lib/permissions/schema";
import { auditEventResponse, listAuditEventsQuery } from "@/lib/schemas/audit";
import * as catalog from "@/lib/schemas/catalog";
import { devtronCreateTokenInput, devtronTokenResponse, devtronUpdateTokenInput } from "@/lib/schemas/devtron-token";
import { sessionsEndedResponse } from "@/lib/schemas/session";
import * as token from "@/lib/schemas/token";
import * as user from "@/lib/schemas/user";

// The API's table of contents: every endpoint with the very zod schemas its route
// parses and answers with. The OpenAPI document is generated from this list, so it
// cannot describe a body the route would not accept.

export type Access = "public" | "principal" | "superAdmin";
export type Endpoint = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success answer; `null` for 204. */
  response: z.ZodType | null;
  status?: number;
  /** HTTP statuses of problem answers beyond the ones every endpoint of its access level has. */
  errors?: number[];
  /** Devtron's envelope instead of problem+json. */
  devtron?: boolean;
};

const page = (item: z.ZodType) =>
  z.object({ data: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
const me = z.object({ type: z.enum(["user", "token"]), id: z.number().int(), name: z.string(), permissions: permissionsSchema });

function crud(
  tag: string,
  base: string,
  s: { list: z.ZodType; create: z.ZodType; update: z.ZodType; item: z.ZodType },
  writes: Access,
): Endpoint[] {
  const one = `${base}/{id}`;
  return [
    {
      method: "get",
      path: base,
      summary: `List ${tag.toLowerCase()}`,
      tag,
      access: "principal",
      query: s.list,
      response: page(s.item),
      errors: [400],
    },
    {
      method: "post",
      path: base,
      summary: `Create`,
      tag,
      access: writes,
      body: s.create,
      response: s.item,
      status: 201,
      errors: [400, 403, 409],
    },
    { method: "get", path: one, summary: `Read one`, tag, access: "principal", response: s.item, errors: [400, 404] },
    { method: "patch", path: one, summary: `Update`, tag, access: writes, body: s.update, response: s.item, errors: [400, 403, 404] },
    { method: "delete", path: one, summary: `Delete`, tag, access: writes, response: null, errors: [400, 403, 404, 409] },
  ];
}

export const ENDPOINTS: Endpoint[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Health: 200 when the database answers, 503 when not",
    tag: "Health",
    access: "public",
    response: z.object({ status: z.enum(["ok", "unavailable"]) }),
  },
  { method: "get", path: "/api/v1/me", summary: "Who the caller is", tag: "Me", access: "principal", response: me },
  {
    method: "delete",
    path: "/api/v1/me/sessions",
    summary: "Sign out everywhere: end every dashboard session of the signed-in user, this one included (not for tokens: 403)",
    tag: "Me",
    access: "principal",
    response: sessionsEndedResponse,
    errors: [403],
  },

  {
    method: "get",
    path: "/api/v1/tokens",
    summary: "List tokens",
    tag: "Tokens",
    access: "superAdmin",
    query: token.listTokensQuery,
    response: page(token.tokenResponse),
    errors: [400],
  },
  {
    method: "post",
    path: "/api/v1/tokens",
    summary: "Generate a token (the secret is in this answer only)",
    tag: "Tokens",
    access: "superAdmin",
    body: token.createTokenInput,
    response: token.tokenWithSecretResponse,
    status: 201,
    errors: [400, 409],
  },
  {
    method: "get",
    path: "/api/v1/tokens/{id}",
    summary: "Read a token",
    tag: "Tokens",
    access: "superAdmin",
    response: token.tokenResponse,
    errors: [400, 404],
  },
  {
    method: "patch",
    path: "/api/v1/tokens/{id}",
    summary: "Edit description and permissions",
    tag: "Tokens",
    access: "superAdmin",
    body: token.updateTokenInput,
    response: token.tokenResponse,
    errors: [400, 404],
  },
  {
    method: "post",
    path: "/api/v1/tokens/{id}/regenerate",
    summary: "New secret and expiry; the old secret stops now or after graceSeconds",
    tag: "Tokens",
    access: "superAdmin",
    body: token.regenerateTokenInput,
    response: token.tokenWithSecretResponse,
    errors: [400, 404],
  },
  {
    method: "delete",
    path: "/api/v1/tokens/{id}",
    summary: "Delete a token (it stops working at once)",
    tag: "Tokens",
    access: "superAdmin",
    response: null,
    errors: [400, 404],
  },

  ...crud(
    "Projects",
    "/api/v1/projects",
    {
      list: catalog.listProjectsQuery,
      create: catalog.createProjectInput,
      update: catalog.updateProjectInput,
      item: catalog.projectResponse,
    },
    "superAdmin",
  ),
  ...crud(
    "Environments",
    "/api/v1/environments",
    {
      list: catalog.listEnvironmentsQuery,
      create: catalog.createEnvironmentInput,
      update: catalog.updateEnvironmentInput,
      item: catalog.environmentResponse,
    },
    "superAdmin",
  ),
  ...crud(
    "Apps",
    "/api/v1/apps",
    { list: catalog.listAppsQuery, create: catalog.createAppInput, update: catalog.updateAppInput, item: catalog.appResponse },
    "principal",
  ),
  {
    method: "get",
    path: "/api/v1/apps/{id}/deployments",
    summary: "List an app's deployments, newest first",
    tag: "Apps",
    access: "principal",
    query: catalog.listDeploymentsQuery,
    response: page(catalog.deploymentResponse),
    errors: [400, 404],
  },
  {
    method: "post",
    path: "/api/v1/apps/{id}/deployments",
    summary: "Deploy an app to an environment (trigger role)",
    tag: "Apps",
    access: "principal",
    body: catalog.createDeploymentInput,
    response: catalog.deploymentResponse,
    status: 201,
    errors: [400, 403, 404],
  },
  ...crud(
    "Helm apps",
    "/api/v1/helm-apps",
    {
      list: catalog.listHelmAppsQuery,
      create: catalog.createHelmAppInput,
      update: catalog.updateHelmAppInput,
      item: catalog.helmAppResponse,
    },
    "principal",
  ),
  ...crud(
    "Chart groups",
    "/api/v1/chart-groups",
    {
      list: catalog.listChartGroupsQuery,
      create: catalog.createChartGroupInput,
      update: catalog.updateChartGroupInput,
      item: catalog.chartGroupResponse,
    },
    "principal",
  ),

  {
    method: "get",
    path: "/api/v1/users",
    summary: "List users",
    tag: "Users",
    access: "superAdmin",
    query: user.listUsersQuery,
    response: page(user.userResponse),
    errors: [400],
  },
  {
    method: "post",
    path: "/api/v1/users",
    summary: "Create a user",
    tag: "Users",
    access: "superAdmin",
    body: user.createUserInput,
    response: user.userResponse,
    status: 201,
    errors: [400, 409],
  },
  {
    method: "get",
    path: "/api/v1/users/{id}",
    summary: "Read a user",
    tag: "Users",
    access: "superAdmin",
    response: user.userResponse,
    errors: [400, 404],
  },
  {
    method: "patch",
    path: "/api/v1/users/{id}",
    summary: "Update, disable, reset password, set permissions",
    tag: "Users",
    access: "superAdmin",
    body: user.updateUserInput,
    response: user.userResponse,
    errors: [400, 404, 409],
  },
  {
    method: "delete",
    path: "/api/v1/users/{id}",
    summary: "Delete a user",
    tag: "Users",
    access: "superAdmin",
    response: null,
    errors: [400, 404, 409],
  },
  {
    method: "delete",
    path: "/api/v1/users/{id}/sessions",
    summary: "Sign a user out everywhere: end all of their dashboard sessions",
    tag: "Users",
    access: "superAdmin",
    response: sessionsEndedResponse,
    errors: [400, 404],
  },

  {
    method: "get",
    path: "/api/v1/audit-events",
    summary: "Audit events, newest first",
    tag: "Audit",
    access: "superAdmin",
    query: listAuditEventsQuery,
    response: page(auditEventResponse),
    errors: [400],
  },

  {
    method: "get",
    path: "/orchestrator/api-token",
    summary: "Devtron: list API tokens (never a secret)",
    tag: "Devtron-compatible",
    access: "superAdmin",
    response: z.array(devtronTokenResponse),
    devtron: true,
  },
  {
    method: "post",
    path: "/orchestrator/api-token",
    summary: "Devtron: create an API token (no roles until set)",
    tag: "Devtron-compatible",
    access: "superAdmin",
    body: devtronCreateTokenInput,
    response: z.object({ success: z.boolean(), token: z.string(), userId: z.number(), userIdentifier: z.string() }),
    devtron: true,
    errors: [400, 409],
  },
  {
    method: "put",
    path: "/orchestrator/api-token/{id}",
    summary: "Devtron: update; a new secret only when expireAtInMs changes",
    tag: "Devtron-compatible",
    access: "superAdmin",
    body: devtronUpdateTokenInput,
    response: z.object({ success: z.boolean(), token: z.string(), hideApiToken: z.boolean() }),
    devtron: true,
    errors: [400, 404],
  },
  {
    method: "delete",
    path: "/orchestrator/api-token/{id}",
    summary: "Devtron: delete an API token",
    tag: "Devtron-compatible",
    access: "superAdmin",
    response: z.object({ success: z.boolean() }),
    devtron: true,
    errors: [400, 404],
  },
  {
    method: "post",
    path: "/orchestrator/app",
    summary: "Devtron: create an application",
    tag: "Devtron-compatible",
    access: "principal",
    body: catalog.devtronCreateAppInput,
    response: catalog.appResponse.pick({ id: true, description: true, labels: true }).extend({ appName: z.string(), teamId: z.number() }),
    devtron: true,
    errors: [400, 403, 409],
  },
];
