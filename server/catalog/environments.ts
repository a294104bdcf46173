import "server-only";
import { ApiError } from "@/lib/errors";
import { ENVIRONMENTS_DEFAULT_SORT, type EnvironmentResponse } from "@/lib/schemas/catalog";
import { recordEvent } from "../audit/record";
import type { Actor } from "../auth/principal";
import { getDb } from "../db";
import { contains, orderBy, type Paging, pageOf, skipTake } from "../db/paging";
import { describeUses, duplicate, notFound } from "./common";
import { grantHolders } from "./grant-uses";

type Row = {
  id: number;
  name: string;
  description: string;
  cluster: string;
  namespace: string;
  production: boolean;
  createdAt: Date;
  updatedAt: Date;
};
const toEnvironmentResponse = (e: Row): EnvironmentResponse => ({
  id: e.id,
  name: e.name,
  description: e.description,
  cluster: e.cluster,
  namespace: e.namespace,
  production: e.production,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

export async function listEnvironments(p: Paging) {
  const db = await getDb();
  const where = { name: contains(p.q) };
  const [rows, total] = await Promise.all([
    db.environment.findMany({ where, orderBy: orderBy(p.sort, ENVIRONMENTS_DEFAULT_SORT), ...skipTake(p) }),
    db.environment.count({ where }),
  ]);
  return pageOf(rows.map(toEnvironmentResponse), total, p);
}

export async function getEnvironmentOrThrow(id: number) {
  const db = await getDb();
  const env = await db.environment.findUnique({ where: { id } });
  if (!env) throw notFound("environment", id);
  return toEnvironmentResponse(env);
}

type CreateInput = { name: string; description: string; cluster: string; namespace?: string; production: boolean };

export async function createEnvironment(input: CreateInput, actor: Actor) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (await tx.environment.findUnique({ where: { name: input.name } })) throw duplicate("environment", input.name);
    const data = {
      name: input.name,
      description: input.description,
      cluster: input.cluster,
      namespace: input.namespace || input.name,
      production: input.production,
    };
    const env = await tx.environment.create({ data });
    await recordEvent(tx, { action: "environment.created", actor, target: { type: "environment", id: env.id }, details: data });
    return toEnvironmentResponse(env);
  });
}

export async function updateEnvironment(id: number, input: Partial<Omit<CreateInput, "name">>, actor: Actor) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.environment.findUnique({ where: { id } });
    if (!before) throw notFound("environment", id);
    // An empty namespace means the default, the environment's name — as on create.
    const data = input.namespace === "" ? { ...input, namespace: before.name } : input;
    const env = await tx.environment.update({ where: { id }, data });
    await recordEvent(tx, {
      action: "environment.updated",
      actor,
      target: { type: "environment", id },
      details: { name: env.name, ...input },
    });
    return toEnvironmentResponse(env);
  });
}

export async function deleteEnvironment(id: number, actor: Actor) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const env = await tx.environment.findUnique({ where: { id } });
    if (!env) throw notFound("environment", id);
    const [deployedApps, deployedCount, helm, helmCount, holders] = await Promise.all([
      tx.app.findMany({
        where: { deployments: { some: { environmentId: id } } },
        select: { name: true },
        take: 3,
        orderBy: { name: "asc" },
      }),
      tx.app.count({ where: { deployments: { some: { environmentId: id } } } }),
      tx.helmApp.findMany({ where: { environmentId: id }, select: { name: true }, take: 3, orderBy: { name: "asc" } }),
      tx.helmApp.count({ where: { environmentId: id } }),
      grantHolders(tx, { environments: [env.name] }),
    ]);
    const uses = [
      describeUses(
        ["app deployed there", "apps deployed there"],
        deployedApps.map((a) => a.name),
        deployedCount,
      ),
      describeUses(
        ["Helm app", "Helm apps"],
        helm.map((h) => h.name),
        helmCount,
      ),
      describeUses(["grant", "grants"], holders.names, holders.total),
    ].filter(Boolean);
    if (uses.length) throw new ApiError("conflict", `Environment ${env.name} is still used by ${uses.join(" and ")}. Remove those first.`);
    await tx.environment.delete({ where: { id } });
    await recordEvent(tx, { action: "environment.deleted", actor, target: { type: "environment", id }, details: { name: env.name } });
  });
}
