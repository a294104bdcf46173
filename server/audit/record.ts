import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "../auth/principal";
import type { Tx } from "../db";

export type AuditInput = {
  action: string;
  actor: Actor;
  target: { type: string; id: number | null };
  details?: Prisma.InputJsonValue;
};

/** Writes one audit event inside the caller's transaction, so the change and its record land together. */
export async function recordEvent(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      action: event.action,
      actorType: event.actor.type,
      actorId: event.actor.id,
      actorName: event.actor.name,
      ip: event.actor.ip,
      targetType: event.target.type,
      targetId: event.target.id,
      details: event.details ?? {},
    },
  });
}
