import "server-only";
import { ApiError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canDeleteHelmApp, canInstallHelmApp, canReadHelmApp, canUpdateHelmApp, helmAppReadFilter } from "@/lib/permissions/policy";
import { type CreateHelmAppInput, HELM_APPS_DEFAULT_SORT, type HelmAppResponse, type UpdateHelmAppInput } from "@/lib/schemas/catalog";
import { recordEvent } from "../audit/record";
import { actorOf, type Principal } from "../auth/principal";
import { getDb, type Tx } from "../db";
import { contains, orderBy, type Paging, pageOf, skipTake } from "../db/paging";
import { environmentByNameOrThrow, forbidden, notFound, projectByNameOrThrow } from "./common";
import { pruneAppFromGrants } from "./grant-uses";

const include = { project: { select: { name: true } }, environment: { select: { name: true } } } as const;
type Row = Prisma.HelmAppGetPayload<{ include: typeof include }>;

const toHelmAppResponse = (h: Row): HelmAppResponse => ({
  id: h.id,
  name: h.name,
  project: h.project.name,
  environment: h.environment.name,
  chart: h.chart,
  version: h.version,
  values: h.values,
  createdAt: h.createdAt.toISOString(),
  updatedAt: h.updatedAt.toISOString(),
});

const ref = (h: Row) => ({ project: h.project.name, environment: h.environment.name, name: h.name });

function readableHelmApps(principal: Principal): Prisma.HelmAppWhereInput {
  const scope = helmAppReadFilter(principal.permissions);
  if (scope === "all") return {};
  // Nested in the list query's `AND: [...]`, Prisma drops an empty `OR: []` (matching everything), so "no readable scope" must match nothing explicitly.
  if (scope.length === 0) return { id: { in: [] } };
  return {
    OR: scope.map((s) => ({
      project: { name: s.project },
      ...(s.environments.length ? { environment: { name: { in: s.environments } } } : {}),
      ...(s.apps.length ? { name: { in: s.apps } } : {}),
    })),
  };
}

export async function listHelmApps(principal: Principal, p: Paging & { project?: string; environment?: string }) {
  const db = await getDb();
  const where: Prisma.HelmAppWhereInput = {
    AND: [
      readableHelmApps(principal),
      { name: contains(p.q) },
      p.project ? { project: { name: p.project } } : {},
      p.environment ? { environment: { name: p.environment } } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.helmApp.findMany({ where, include, orderBy: orderBy(p.sort, HELM_APPS_DEFAULT_SORT), ...skipTake(p) }),
    db.helmApp.count({ where }),
  ]);
  return pageOf(rows.map(toHelmAppResponse), total, p);
}

async function readableHelmAppOrThrow(tx: Tx, principal: Principal, id: number): Promise<Row> {
  const h = await tx.helmApp.findUnique({ where: { id }, include });
  if (!h || !canReadHelmApp(principal.permissions, ref(h))) throw notFound("Helm app", id);
  return h;
}

export async function getHelmAppOrThrow(principal: Principal, id: number) {
  return toHelmAppResponse(await readableHelmAppOrThrow(await getDb(), principal, id));
}

export async function installHelmApp(principal: Principal, input: CreateHelmAppInput, ip: string | null) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const project = await projectByNameOrThrow(tx, input.project);
    const env = await environmentByNameOrThrow(tx, input.environment);
    if (!canInstallHelmApp(principal.permissions, project.name, env.name)) {
      throw forbidden(`Installing Helm apps in ${project.name}/${env.name} needs the admin role there for all apps.`);
    }
    if (await tx.helmApp.findUnique({ where: { environmentId_name: { environmentId: env.id, name: input.name } } })) {
      throw new ApiError("conflict", `A Helm app named ${input.name} already exists in ${env.name}.`, {
        errors: [{ path: "name", message: "is already used in this environment" }],
      });
    }
    const h = await tx.helmApp.create({
      data: {
        name: input.name,
        projectId: project.id,
        environmentId: env.id,
        chart: input.chart,
        version: input.version,
        values: input.values,
      },
      include,
    });
    await recordEvent(tx, {
      action: "helm-app.installed",
      actor: actorOf(principal, ip),
      target: { type: "helm-app", id: h.id },
      details: { name: h.name, project: project.name, environment: env.name, chart: h.chart, version: h.version },
    });
    return toHelmAppResponse(h);
  });
}

export async function updateHelmApp(principal: Principal, id: number, input: UpdateHelmAppInput, ip: string | null) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await readableHelmAppOrThrow(tx, principal, id);
    if (!canUpdateHelmApp(principal.permissions, ref(before)))
      throw forbidden(`Changing Helm app ${before.name} needs the edit role (or stronger) on it.`);
    const h = await tx.helmApp.update({
      where: { id },
      data: { chart: input.chart, version: input.version, values: input.values },
      include,
    });
    await recordEvent(tx, {
      action: "helm-app.updated",
      actor: actorOf(principal, ip),
      target: { type: "helm-app", id },
      details: {
        name: h.name,
        chart: input.chart,
        version: input.version,
        valuesChanged: input.values !== undefined && input.values !== before.values,
      },
    });
    return toHelmAppResponse(h);
  });
}

export async function deleteHelmApp(principal: Principal, id: number, ip: string | null) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const h = await readableHelmAppOrThrow(tx, principal, id);
    if (!canDeleteHelmApp(principal.permissions, ref(h))) throw forbidden(`Deleting Helm app ${h.name} needs the admin role on it.`);
    // Another environment may hold a release of the same name, which the grant still names.
    const twins = await tx.helmApp.count({ where: { name: h.name, projectId: h.projectId, id: { not: id } } });
    const prunedFrom = twins ? [] : await pruneAppFromGrants(tx, { entity: "helm-app", project: h.project.name, apps: [h.name] });
    await tx.helmApp.delete({ where: { id } });
    await recordEvent(tx, {
      action: "helm-app.deleted",
      actor: actorOf(principal, ip),
      target: { type: "helm-app", id },
      details: { name: h.name, prunedFrom },
    });
  });
}
