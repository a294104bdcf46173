import "server-only";
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/errors";
import type { SessionEndReason, SessionsEnded } from "@/lib/schemas/session";
import { recordEvent } from "../audit/record";
import { getDb, getSql, type Tx } from "../db";
import { type Actor, type Principal, permissionsFrom } from "./principal";
import { recordSignInSucceeded, type SignInMethod } from "./sign-in-audit";

// Dashboard sessions live in the Session table; the cookie (a next-auth JWT) only names
// a row. Every request reads the row and its user in one query, so ending a session —
// here, in the database every instance shares — takes effect everywhere on the next
// request, and a session cannot outlive the expiresAt fixed when it started.

/** A session's absolute lifetime: refreshing the cookie never extends it. */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;

const USER_AGENT_MAX = 512;

export type SessionMeta = { ip: string | null; userAgent: string | null };

export type SessionStart = {
  /** How the user signed in: recorded on the user and in the audit log. A bare session (a test fixture) records nothing. */
  method?: SignInMethod;
  /** The SSO identity signed in with, whose last sign-in is recorded too. */
  identityId?: number;
  now?: Date;
};

/**
 * Starts a session for a user who just signed in and returns its id, the value the cookie
 * carries. With a method, the sign-in itself is recorded in the same transaction: the
 * user's last sign-in, and a `sign-in.succeeded` audit event. This is the sign-in, not the
 * request path, so it may write.
 */
export async function startSession(userId: number, meta: SessionMeta, options: SessionStart = {}): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const now = options.now ?? new Date();
  const db = await getDb();
  await db.$transaction(async (tx) => {
    // A row past its lifetime can no longer let anyone in; clearing the user's own on each
    // sign-in keeps the table about as small as the set of live sessions.
    await tx.session.deleteMany({ where: { userId, expiresAt: { lt: now } } });
    await tx.session.create({
      data: {
        id,
        userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000),
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      },
    });
    if (!options.method) return;
    // Raw, so that a sign-in does not move updatedAt, which tells when the user was last edited.
    const [user] = await tx.$queryRaw<{ id: number; email: string }[]>`
      UPDATE "User" SET "lastSignInAt" = ${now.toISOString()}::timestamp, "lastSignInMethod" = ${options.method}
      WHERE id = ${userId} RETURNING id, email`;
    if (!user) throw new ApiError("not_found", `No user with id ${userId}.`);
    if (options.identityId) await tx.ssoIdentity.update({ where: { id: options.identityId }, data: { lastSignInAt: now } });
    await recordSignInSucceeded(tx, user, options.method, meta.ip);
  });
  return id;
}

type Row = { id: number; email: string; name: string; superAdmin: boolean; grants: unknown };

// The one query on the request path. Timestamps are stored as UTC without a zone, and
// the database compares them itself (as the token check does, server/tokens/verify.ts).
const LOOKUP = `SELECT u.id, u.email, u.name, u."superAdmin", u.grants
  FROM "Session" s JOIN "User" u ON u.id = s."userId"
  WHERE s.id = $1 AND s."userId" = $2 AND s."endedAt" IS NULL AND s."expiresAt" > $3::timestamp AND u."disabledAt" IS NULL`;

/** The signed-in user behind a live session, or null when it ended, expired, or its user is disabled or gone. */
export async function loadSessionPrincipal(sessionId: string, userId: number, now: Date = new Date()): Promise<Principal | null> {
  const sql = await getSql();
  const [user] = await sql<Row>(LOOKUP, [sessionId, userId, now.toISOString()]);
  if (!user) return null;
  return {
    type: "user",
    id: user.id,
    name: user.name,
    label: user.email,
    permissions: permissionsFrom(user.superAdmin, user.grants),
    sessionId,
  };
}

async function recordEnded(tx: Tx, userId: number, email: string, reason: SessionEndReason, ended: number, actor: Actor) {
  await recordEvent(tx, { action: "session.ended", actor, target: { type: "user", id: userId }, details: { email, reason, ended } });
}

/** Sign-out: the session's user ends it. Ending one that already ended changes nothing and records nothing. */
export async function endSession(sessionId: string, ip: string | null, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, include: { user: { select: { email: true } } } });
    if (!session) return;
    const { count } = await tx.session.updateMany({
      where: { id: sessionId, endedAt: null },
      data: { endedAt: now, endReason: "signed-out" },
    });
    const actor: Actor = { type: "user", id: session.userId, name: session.user.email, ip };
    if (count > 0) await recordEnded(tx, session.userId, session.user.email, "signed-out", count, actor);
  });
}

/**
 * Ends every live session of a user, except `keep` (the session a user changed their own
 * password from). Runs inside the caller's transaction, so the change that caused it and
 * the ending land together. Records an event when any session ended, or always with `record`.
 */
export async function endUserSessions(
  tx: Tx,
  user: { id: number; email: string },
  reason: SessionEndReason,
  actor: Actor,
  options: { keep?: string; record?: boolean; now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const { count } = await tx.session.updateMany({
    where: { userId: user.id, endedAt: null, expiresAt: { gt: now }, ...(options.keep ? { id: { not: options.keep } } : {}) },
    data: { endedAt: now, endReason: reason },
  });
  if (count > 0 || options.record) await recordEnded(tx, user.id, user.email, reason, count, actor);
  return count;
}

/** "Sign out everywhere": ends all of a user's sessions, the caller's own included when it is theirs. */
export async function signOutEverywhere(userId: number, actor: Actor): Promise<SessionsEnded> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new ApiError("not_found", `No user with id ${userId}.`);
    return { ended: await endUserSessions(tx, user, "signed-out-everywhere", actor, { record: true }) };
  });
}
