import "server-only";
import { canCreateChartGroup, canDeleteChartGroup, canReadChartGroups, canUpdateChartGroup } from "@/lib/permissions/policy";
import {
  CHART_GROUPS_DEFAULT_SORT,
  type ChartGroupResponse,
  type CreateChartGroupInput,
  type UpdateChartGroupInput,
} from "@/lib/schemas/catalog";
import { recordEvent } from "../audit/record";
import { actorOf, type Principal } from "../auth/principal";
import { getDb, type Tx } from "../db";
import { contains, orderBy, type Paging, pageOf, skipTake } from "../db/paging";
import { duplicate, forbidden, notFound } from "./common";
import { assertNotGranted } from "./grant-uses";

type Row = { id: number; name: string; description: string; charts: unknown; createdAt: Date; updatedAt: Date };
const toChartGroupResponse = (g: Row): ChartGroupResponse => ({
  id: g.id,
  name: g.name,
  description: g.description,
  charts: g.charts as ChartGroupResponse["charts"],
  createdAt: g.createdAt.toISOString(),
  updatedAt: g.updatedAt.toISOString(),
});

export async function listChartGroups(principal: Principal, p: Paging) {
  if (!canReadChartGroups(principal.permissions)) return pageOf([], 0, p);
  const db = await getDb();
  const where = { name: contains(p.q) };
  const [rows, total] = await Promise.all([
    db.chartGroup.findMany({ where, orderBy: orderBy(p.sort, CHART_GROUPS_DEFAULT_SORT), ...skipTake(p) }),
    db.chartGroup.count({ where }),
  ]);
  return pageOf(rows.map(toChartGroupResponse), total, p);
}

async function readableGroupOrThrow(tx: Tx, principal: Principal, id: number) {
  const g = await tx.chartGroup.findUnique({ where: { id } });
  if (!g || !canReadChartGroups(principal.permissions)) throw notFound("chart group", id);
  return g;
}

export async function getChartGroupOrThrow(principal: Principal, id: number) {
  return toChartGroupResponse(await readableGroupOrThrow(await getDb(), principal, id));
}

export async function createChartGroup(principal: Principal, input: CreateChartGroupInput, ip: string | null) {
  if (!canCreateChartGroup(principal.permissions))
    throw forbidden("Creating chart groups needs the chart-group admin role for all groups.");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (await tx.chartGroup.findUnique({ where: { name: input.name } })) throw duplicate("chart group", input.name);
    const g = await tx.chartGroup.create({ data: input });
    await recordEvent(tx, {
      action: "chart-group.created",
      actor: actorOf(principal, ip),
      target: { type: "chart-group", id: g.id },
      details: { name: g.name },
    });
    return toChartGroupResponse(g);
  });
}

export async function updateChartGroup(principal: Principal, id: number, input: UpdateChartGroupInput, ip: string | null) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await readableGroupOrThrow(tx, principal, id);
    if (!canUpdateChartGroup(principal.permissions, before.name))
      throw forbidden(`Changing chart group ${before.name} needs the update role on it, or admin.`);
    const g = await tx.chartGroup.update({ where: { id }, data: { description: input.description, charts: input.charts } });
    await recordEvent(tx, {
      action: "chart-group.updated",
      actor: actorOf(principal, ip),
      target: { type: "chart-group", id },
      details: { name: g.name, ...input },
    });
    return toChartGroupResponse(g);
  });
}

export async function deleteChartGroup(principal: Principal, id: number, ip: string | null) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const g = await readableGroupOrThrow(tx, principal, id);
    if (!canDeleteChartGroup(principal.permissions, g.name))
      throw forbidden(`Deleting chart group ${g.name} needs the chart-group admin role on it.`);
    await assertNotGranted(tx, { entity: "chart-group", groups: [g.name] }, `Chart group ${g.name}`);
    await tx.chartGroup.delete({ where: { id } });
    await recordEvent(tx, {
      action: "chart-group.deleted",
      actor: actorOf(principal, ip),
      target: { type: "chart-group", id },
      details: { name: g.name },
    });
  });
}
