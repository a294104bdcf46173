import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appReadFilter, canCreateApp, canDeleteApp, canReadApp, canTriggerDeployment, canUpdateApp } from "@/lib/permissions/policy";
import {
  APPS_DEFAULT_SORT,
  type AppResponse,
  type CreateAppInput,
  type DeploymentResponse,
  type Label,
  type UpdateAppInput,
} from "@/lib/schemas/catalog";
import { recordEvent } from "../audit/record";
import { actorOf, type Principal } from "../auth/principal";
import { getDb, type Tx } from "../db";
import { contains, orderBy, type Paging, pageOf, skipTake } from "../db/paging";
import { duplicate, environmentByNameOrThrow, forbidden, notFound, projectByNameOrThrow } from "./common";
import { pruneAppFromGrants } from "./grant-uses";

// Devtron apps and their deployments. Every function takes the principal and asks
// the policy layer; an app the principal may not read is answered as not found.

const withProject = { project: { select: { name: true } } } as const;
type Row = Prisma.AppGetPayload<{ include: typeof withProject }>;

const toAppResponse = (a: Row): AppResponse => ({
  id: a.id,
  name: a.name,
  project: a.project.name,
  projectId: a.projectId,
  description: a.description,
  labels: a.labels as Label[],
  createdBy: a.createdBy,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

const ref = (a: Row) => ({ project: a.project.name, name: a.name });

/** The apps a principal may read, as a where-clause built from the same policy. */
function readableApps(principal: Principal): Prisma.AppWhereInput {
  const scope = appReadFilter(principal.permissions);
  if (scope === "all") return {};
  // Nested in the list query's `AND: [...]`, Prisma drops an empty `OR: []` (matching everything), so "no readable scope" must match nothing explicitly.
  if (scope.length === 0) return { id: { in: [] } };
  return { OR: scope.map((s) => ({ project: { name: s.project }, ...(s.apps.length ? { name: { in: s.apps } } : {}) })) };
}

export async function listApps(principal: Principal, p: Paging & { project?: string }) {
  const db = await getDb();
  const where: Prisma.AppWhereInput = {
    AND: [readableApps(principal), { name: contains(p.q) }, p.project ? { project: { name: p.project } } : {}],
  };
  const [rows, total] = await Promise.all([
    db.app.findMany({ where, include: withProject, orderBy: orderBy(p.sort, APPS_DEFAULT_SORT), ...skipTake(p) }),
    db.app.count({ where }),
  ]);
  return pageOf(rows.map(toAppResponse), total, p);
}

async function readableAppOrThrow(tx: Tx, principal: Principal, id: number): Promise<Row> {
  const app = await tx.app.findUnique({ where: { id }, include: withProject });
  if (!app || !canReadApp(principal.permissions, ref(app))) throw notFound("app", id);
  return app;
}

export async function getAppOrThrow(principal: Principal, id: number) {
  return toAppResponse(await readableAppOrThrow(await getDb(), principal, id));
}

export async function createApp(principal: Principal, input: CreateAppInput, ip: string | null, via = "api") {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const project = await projectByNameOrThrow(tx, input.project);
    if (!canCreateApp(principal.permissions, project.name)) {
      throw forbidden(`Creating apps in project ${project.name} needs the admin or manager role on the whole project.`);
    }
    if (await tx.app.findUnique({ where: { name: input.name } })) throw duplicate("app", input.name);
    const app = await tx.app.create({
      data: { name: input.name, projectId: project.id, description: input.description, labels: input.labels, createdBy: principal.label },
      include: withProject,
    });
    await recordEvent(tx, {
      action: "app.created",
      actor: actorOf(principal, ip),
      target: { type: "app", id: app.id },
      details: { name: app.name, project: project.name, via },
    });
    return toAppResponse(app);
  });
}

export async function updateApp(principal: Principal, id: number, input: UpdateAppInput, ip: string | null) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await readableAppOrThrow(tx, principal, id);
    if (!canUpdateApp(principal.permissions, ref(before)))
      throw forbidden(`Changing app ${before.name} needs the admin or manager role on it.`);
    const app = await tx.app.update({
      where: { id },
      data: { description: input.description, labels: input.labels },
      include: withProject,
    });
    await recordEvent(tx, {
      action: "app.updated",
      actor: actorOf(principal, ip),
      target: { type: "app", id },
      details: { name: app.name, ...input },
    });
    return toAppResponse(app);
  });
}

export async function deleteApp(principal: Principal, id: number, ip: string | null) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const app = await readableAppOrThrow(tx, principal, id);
    if (!canDeleteApp(principal.permissions, ref(app))) throw forbidden(`Deleting app ${app.name} needs the admin or manager role on it.`);
    const prunedFrom = await pruneAppFromGrants(tx, { entity: "devtron-app", project: app.project.name, apps: [app.name] });
    await tx.app.delete({ where: { id } });
    await recordEvent(tx, {
      action: "app.deleted",
      actor: actorOf(principal, ip),
      target: { type: "app", id },
      details: { name: app.name, project: app.project.name, prunedFrom },
    });
  });
}

const deploymentInclude = { app: { select: { name: true } }, environment: { select: { name: true } } } as const;
type DeploymentRow = Prisma.DeploymentGetPayload<{ include: typeof deploymentInclude }>;
const toDeploymentResponse = (d: DeploymentRow): DeploymentResponse => ({
  id: d.id,
  appId: d.appId,
  app: d.app.name,
  environment: d.environment.name,
  image: d.image,
  status: d.status,
  triggeredBy: d.triggeredBy,
  createdAt: d.createdAt.toISOString(),
});

export async function listDeployments(principal: Principal, appId: number, p: Paging) {
  const db = await getDb();
  await readableAppOrThrow(db, principal, appId);
  const [rows, total] = await Promise.all([
    db.deployment.findMany({
      where: { appId },
      include: deploymentInclude,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...skipTake(p),
    }),
    db.deployment.count({ where: { appId } }),
  ]);
  return pageOf(rows.map(toDeploymentResponse), total, p);
}

export async function triggerDeployment(
  principal: Principal,
  appId: number,
  input: { environment: string; image: string },
  ip: string | null,
) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const app = await readableAppOrThrow(tx, principal, appId);
    const env = await environmentByNameOrThrow(tx, input.environment);
    if (!canTriggerDeployment(principal.permissions, ref(app), env.name)) {
      throw forbidden(`Deploying ${app.name} to ${env.name} needs the trigger role (or stronger) on that app and environment.`);
    }
    const deployment = await tx.deployment.create({
      data: { appId, environmentId: env.id, image: input.image, triggeredBy: principal.label, status: "Succeeded" },
      include: deploymentInclude,
    });
    await recordEvent(tx, {
      action: "deployment.triggered",
      actor: actorOf(principal, ip),
      target: { type: "app", id: appId },
      details: { app: app.name, environment: env.name, image: input.image },
    });
    return toDeploymentResponse(deployment);
  });
}
