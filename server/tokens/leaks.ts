import "server-only";
import { ApiError } from "@/lib/errors";
import { hashSecret } from "@/lib/tokens/format";
import { recordEvent } from "../audit/record";
import type { Actor } from "../auth/principal";
import { getDb, type Tx } from "../db";
import { type LimitPolicy, limiter } from "../limits/rate-limit";
import { emitEvent } from "../notifications/events";
import { PUBLIC_FIELDS, toTokenResponse } from "./tokens";

// The public revoke endpoint (POST /api/v1/tokens/revoke): anyone who finds a Tessera token
// somewhere it should not be — a scanner, a stranger — hands it in, and it stops working.
// It must not be an oracle: every string costs the same hashing, all of them are looked up in
// one query whatever they are, and the answer is `{ received: n }` whoever sent what
// (docs/security.md). A leaked current secret deletes its token; a leaked old secret still
// in its grace window ends the grace, so the token's new secret keeps working
// (docs/decisions.md). Each revocation is audited and sent as token.leaked (webhooks, email).

/** Revoke requests per address per minute (each carries up to 1,000 strings). */
export const REVOKE_LIMIT = 30;
export const REVOKE_REQUESTS: LimitPolicy = { name: "token-revoke:ip", limit: REVOKE_LIMIT, windowMs: 60_000 };

/** Counts a revoke request from `ip`; 429 past the limit. Runs before the body is read. */
export async function admitRevokeReport(ip: string): Promise<void> {
  const { allowed, retryAfter } = await limiter(REVOKE_REQUESTS).consume(ip);
  if (!allowed)
    throw new ApiError("rate_limited", `Too many revoke requests from your address. Try again in ${retryAfter} seconds.`, {
      retryAfter,
    });
}

type Match = { id: number; secretHash: string; previousHash: string | null; previousValidUntil: Date | null; deletedAt: Date | null };

/** Revokes every live secret among `strings`; returns how many strings were received, and nothing about them. */
export async function revokeReportedTokens(strings: readonly string[], reporterIp: string, now = new Date()) {
  // No shape or checksum check first: a malformed string costs the same hash as a real token.
  const hashes = new Set(strings.map(hashSecret));
  const reported = [...hashes];
  const db = await getDb();
  const actor: Actor = { type: "system", id: null, name: "leak report", ip: reporterIp };
  await db.$transaction(async (tx) => {
    const matches: Match[] = await tx.apiToken.findMany({
      where: { OR: [{ secretHash: { in: reported } }, { previousHash: { in: reported } }] },
      select: { id: true, secretHash: true, previousHash: true, previousValidUntil: true, deletedAt: true },
    });
    for (const match of matches) {
      if (match.deletedAt) continue;
      if (hashes.has(match.secretHash)) await revokeCurrent(tx, match, actor, now);
      else if (match.previousHash && match.previousValidUntil && match.previousValidUntil > now)
        await revokePrevious(tx, match, actor, now);
    }
  });
  return { received: strings.length };
}

/** The token's own secret leaked: the token is deleted, whatever state it was in (a disabled one could be enabled again). */
async function revokeCurrent(tx: Tx, match: Match, actor: Actor, now: Date): Promise<void> {
  // Compare-and-set: a regenerate or delete that got there first leaves nothing to revoke.
  const { count } = await tx.apiToken.updateMany({
    where: { id: match.id, secretHash: match.secretHash, deletedAt: null },
    data: { deletedAt: now, previousHash: null, previousValidUntil: null, graceQuietSeconds: null, updatedBy: actor.name },
  });
  if (count === 1) await recordLeak(tx, match.id, "current", actor, now);
}

/** An old secret in its grace window leaked: grace ends now; the new secret was never exposed and keeps working. */
async function revokePrevious(tx: Tx, match: Match, actor: Actor, now: Date): Promise<void> {
  const { count } = await tx.apiToken.updateMany({
    where: { id: match.id, previousHash: match.previousHash, deletedAt: null },
    data: { previousHash: null, previousValidUntil: null, graceQuietSeconds: null },
  });
  if (count === 1) await recordLeak(tx, match.id, "previous", actor, now);
}

async function recordLeak(tx: Tx, id: number, secret: "current" | "previous", actor: Actor, now: Date): Promise<void> {
  const token = await tx.apiToken.findUniqueOrThrow({ where: { id }, select: PUBLIC_FIELDS });
  await recordEvent(tx, {
    action: "token.leaked",
    actor,
    target: { type: "token", id },
    details: { name: token.name, secret, revoked: secret === "current" ? "token deleted" : "grace ended", reportedFrom: actor.ip },
  });
  await emitEvent(tx, "token.leaked", toTokenResponse(token, now), { secret }, now);
}
