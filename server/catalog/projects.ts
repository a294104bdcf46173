import "server-only";
import { ApiError } from "@/lib/errors";
import { PROJECTS_DEFAULT_SORT, type ProjectResponse } from "@/lib/schemas/catalog";
import { recordEvent } from "../audit/record";
import type { Actor } from "../auth/principal";
import { getDb } from "../db";
import { contains, orderBy, type Paging, pageOf, skipTake } from "../db/paging";
import { describeUses, duplicate, notFound } from "./common";
import { grantHolders } from "./grant-uses";

// Projects (Devtron's "teams"). Any signed-in principal may read them — their names
// fill filters and forms — and only super admins change them (route layer).

type Row = { id: number; name: string; description: string; createdAt: Date; updatedAt: Date };
const toProjectResponse = (p: Row): ProjectResponse => ({
  id: p.id,
  name: p.name,
  description: p.description,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export async function listProjects(p: Paging) {
  const db = await getDb();
  const where = { name: contains(p.q) };
  const [rows, total] = await Promise.all([
    db.project.findMany({ where, orderBy: orderBy(p.sort, PROJECTS_DEFAULT_SORT), ...skipTake(p) }),
    db.project.count({ where }),
  ]);
  return pageOf(rows.map(toProjectResponse), total, p);
}

export async function getProjectOrThrow(id: number) {
  const db = await getDb();
  const project = await db.project.findUnique({ where: { id } });
  if (!project) throw notFound("project", id);
  return toProjectResponse(project);
}

export async function createProject(input: { name: string; description: string }, actor: Actor) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (await tx.project.findUnique({ where: { name: input.name } })) throw duplicate("project", input.name);
    const project = await tx.project.create({ data: input });
    await recordEvent(tx, { action: "project.created", actor, target: { type: "project", id: project.id }, details: input });
    return toProjectResponse(project);
  });
}

export async function updateProject(id: number, input: { description?: string }, actor: Actor) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (!(await tx.project.findUnique({ where: { id } }))) throw notFound("project", id);
    const project = await tx.project.update({ where: { id }, data: input });
    await recordEvent(tx, { action: "project.updated", actor, target: { type: "project", id }, details: { name: project.name, ...input } });
    return toProjectResponse(project);
  });
}

export async function deleteProject(id: number, actor: Actor) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const project = await tx.project.findUnique({ where: { id } });
    if (!project) throw notFound("project", id);
    const [apps, appCount, helm, helmCount, holders] = await Promise.all([
      tx.app.findMany({ where: { projectId: id }, select: { name: true }, take: 3, orderBy: { name: "asc" } }),
      tx.app.count({ where: { projectId: id } }),
      tx.helmApp.findMany({ where: { projectId: id }, select: { name: true }, take: 3, orderBy: { name: "asc" } }),
      tx.helmApp.count({ where: { projectId: id } }),
      grantHolders(tx, { project: project.name }),
    ]);
    const uses = [
      describeUses(
        ["app", "apps"],
        apps.map((a) => a.name),
        appCount,
      ),
      describeUses(
        ["Helm app", "Helm apps"],
        helm.map((h) => h.name),
        helmCount,
      ),
      describeUses(["grant", "grants"], holders.names, holders.total),
    ].filter(Boolean);
    if (uses.length) throw new ApiError("conflict", `Project ${project.name} is still used by ${uses.join(" and ")}. Remove those first.`);
    await tx.project.delete({ where: { id } });
    await recordEvent(tx, { action: "project.deleted", actor, target: { type: "project", id }, details: { name: project.name } });
  });
}
