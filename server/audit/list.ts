import "server-only";
import type { AuditEventResponse, ListAuditEventsQuery } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/common";
import { getDb } from "../db";

export async function listAuditEvents(query: ListAuditEventsQuery): Promise<Page<AuditEventResponse>> {
  const db = await getDb();
  const where = {
    ...(query.tokenId !== undefined ? { targetType: "token", targetId: query.tokenId } : {}),
    ...(query.action ? { action: query.action } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.auditEvent.count({ where }),
  ]);
  return {
    data: rows.map((e) => ({
      id: e.id,
      action: e.action,
      actor: { type: e.actorType as AuditEventResponse["actor"]["type"], id: e.actorId, name: e.actorName },
      target: { type: e.targetType, id: e.targetId },
      ip: e.ip,
      details: e.details as Record<string, unknown>,
      createdAt: e.createdAt.toISOString(),
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
