import "server-only";
import { ApiError } from "@/lib/errors";
import type { GraceResponse } from "@/lib/schemas/token-leaks";
import { recordEvent } from "../audit/record";
import { type Actor, SYSTEM_ACTOR } from "../auth/principal";
import { getDb } from "../db";
import { flushUsage } from "./usage";

// The grace window after a regenerate, when the old secret still works: who still uses it
// (counted per secret, address and user agent off the request path, ./usage.ts), ending it
// by hand (POST /api/v1/tokens/{id}/end-grace), and ending it on its own once the old secret
// has gone unused for the quiet period chosen at regenerate (the scheduler calls
// endQuietGraces). Ending grace is what the window's end would have done anyway: the old
// secret stops working, the new one is untouched.

const USES_LISTED = 50;

/** The grace window of a token and the clients seen with each of its secrets. */
export async function getGraceOrThrow(id: number, now = new Date()): Promise<GraceResponse> {
  const db = await getDb();
  const token = await db.apiToken.findFirst({
    where: { id, deletedAt: null },
    select: { version: true, previousHash: true, previousValidUntil: true, graceQuietSeconds: true },
  });
  if (!token) throw new ApiError("not_found", `No token with id ${id}.`);
  const open = token.previousHash !== null && token.previousValidUntil !== null && token.previousValidUntil > now;
  const uses = await db.apiTokenSecretUse.findMany({
    where: { tokenId: id, secretVersion: { in: [token.version - 1, token.version] } },
    orderBy: [{ lastAt: "desc" }, { ip: "asc" }],
    take: USES_LISTED * 2,
  });
  const of = (version: number) =>
    uses
      .filter((u) => u.secretVersion === version)
      .slice(0, USES_LISTED)
      .map((u) => ({ ip: u.ip, userAgent: u.userAgent, requests: u.requests, lastAt: u.lastAt.toISOString() }));
  return {
    graceUntil: open ? token.previousValidUntil!.toISOString() : null,
    quietSeconds: open ? token.graceQuietSeconds : null,
    oldSecret: of(token.version - 1),
    currentSecret: of(token.version),
  };
}

/** Ends a token's grace window now; 409 when it has none open. */
export async function endGrace(id: number, actor: Actor, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id, deletedAt: null }, select: { name: true } });
    if (!token) throw new ApiError("not_found", `No token with id ${id}.`);
    const { count } = await tx.apiToken.updateMany({
      where: { id, deletedAt: null, previousHash: { not: null }, previousValidUntil: { gt: now } },
      data: { previousHash: null, previousValidUntil: null, graceQuietSeconds: null },
    });
    if (count === 0) throw new ApiError("conflict", "This token has no old secret in a grace window: there is nothing to end.");
    await recordEvent(tx, {
      action: "token.grace_ended",
      actor,
      target: { type: "token", id },
      details: { name: token.name, reason: "manual" },
    });
  });
}

type Ended = { id: number; name: string; quiet: number; last: Date };

/**
 * Ends, as of `now`, up to `batchSize` grace windows whose old secret has gone unused for their
 * quiet period (counted from the regenerate when it was never used). One statement picks and
 * ends them under their row locks, skipping rows another instance holds, so none is ended twice.
 */
export async function endQuietGraces(now: Date, batchSize: number): Promise<number> {
  // Uses this process has seen but not yet written must count; other instances' are at most seconds old.
  await flushUsage();
  const db = await getDb();
  const at = now.toISOString();
  return db.$transaction(async (tx) => {
    const ended = await tx.$queryRaw<Ended[]>`
      WITH due AS (
        SELECT t.id, t."graceQuietSeconds" AS quiet, COALESCE(
          (SELECT max(u."lastAt") FROM "ApiTokenSecretUse" u WHERE u."tokenId" = t.id AND u."secretVersion" = t.version - 1),
          t."renewedAt", t."updatedAt") AS last
        FROM "ApiToken" t
        WHERE t."deletedAt" IS NULL AND t."previousHash" IS NOT NULL AND t."graceQuietSeconds" IS NOT NULL
          AND t."previousValidUntil" > ${at}::timestamp
        ORDER BY t.id
        FOR UPDATE OF t SKIP LOCKED
      ), quiet AS (
        SELECT * FROM due WHERE last + quiet * interval '1 second' <= ${at}::timestamp LIMIT ${batchSize}
      )
      UPDATE "ApiToken" a SET "previousHash" = NULL, "previousValidUntil" = NULL, "graceQuietSeconds" = NULL
      FROM quiet WHERE a.id = quiet.id
      RETURNING a.id, a.name, quiet.quiet, quiet.last`;
    for (const token of ended) {
      await recordEvent(tx, {
        action: "token.grace_ended",
        actor: SYSTEM_ACTOR,
        target: { type: "token", id: token.id },
        details: { name: token.name, reason: "quiet", quietSeconds: token.quiet, oldSecretLastUsedAt: token.last.toISOString() },
      });
    }
    return ended.length;
  });
}
