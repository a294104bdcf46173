import "server-only";
import { ApiError, fieldError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Permissions } from "@/lib/permissions/schema";
import type { CreateTokenInput, RegenerateTokenInput, TokenResponse, UpdateTokenInput } from "@/lib/schemas/token";
import { type ExpiryInput, resolveExpiry } from "@/lib/tokens/expiry";
import { generateToken, hashSecret, previewOf } from "@/lib/tokens/format";
import { recordEvent } from "../audit/record";
import { type Actor, permissionsFrom } from "../auth/principal";
import { assertGrantNamesExist } from "../catalog/check-grants";
import { getDb, type Tx } from "../db";
import { emitEvent } from "../notifications/events";
import { processState } from "../process-state";
import { type LifetimeLimit, lifetimeLimit } from "../settings/settings";

// Tokens: generate, list, read, edit, regenerate, delete. Every write runs in one
// transaction with its audit event. Secrets leave this module exactly once (create,
// regenerate) and are never stored, logged or audited — only their SHA-256.

export const PUBLIC_FIELDS = {
  id: true,
  name: true,
  description: true,
  preview: true,
  superAdmin: true,
  grants: true,
  expiresAt: true,
  version: true,
  createdAt: true,
  createdBy: true,
  updatedAt: true,
  updatedBy: true,
  lastUsedAt: true,
  lastUsedIp: true,
  recentIps: true,
  notifyEmails: true,
  disabledAt: true,
  disabledReason: true,
  allowedIps: true,
  deletedAt: true,
} as const satisfies Prisma.ApiTokenSelect;
export type TokenRow = Prisma.ApiTokenGetPayload<{ select: typeof PUBLIC_FIELDS }>;
type Row = TokenRow;

export function toTokenResponse(t: Row, now = new Date()): TokenResponse {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    preview: t.preview,
    permissions: permissionsFrom(t.superAdmin, t.grants),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    status: t.expiresAt && t.expiresAt <= now ? "expired" : "active",
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy,
    updatedAt: t.updatedAt.toISOString(),
    updatedBy: t.updatedBy,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: t.lastUsedIp,
    recentIps: Array.isArray(t.recentIps) ? (t.recentIps as string[]) : [],
    notifyEmails: t.notifyEmails,
    disabled: t.disabledAt !== null,
    disabledAt: t.disabledAt?.toISOString() ?? null,
    disabledReason: t.disabledReason === "manual" || t.disabledReason === "idle" ? t.disabledReason : null,
    allowedIps: t.allowedIps,
    version: t.version,
  };
}

/** The expiry a create or regenerate asks for (null: never); a 400 at its field when it is not allowed. */
function expiresAtFor(input: ExpiryInput, now: Date, limit: LifetimeLimit | null): Date | null {
  const result = resolveExpiry(input, now, limit?.days ?? null, limit?.setBy);
  if (!result.ok) throw fieldError(result.path, result.message);
  return result.expiresAt;
}

const permissionColumns = (p: Permissions) => ({ superAdmin: p.superAdmin, grants: p.superAdmin ? [] : p.grants });

async function liveTokenOrThrow(tx: Tx, id: number): Promise<Row> {
  const token = await tx.apiToken.findFirst({ where: { id, deletedAt: null }, select: PUBLIC_FIELDS });
  if (!token) throw new ApiError("not_found", `No token with id ${id}.`);
  return token;
}

export async function getTokenOrThrow(id: number) {
  return toTokenResponse(await liveTokenOrThrow(await getDb(), id));
}

async function assertNameFree(tx: Tx, name: string): Promise<void> {
  if (await tx.apiToken.findFirst({ where: { name, deletedAt: null }, select: { id: true } })) {
    throw new ApiError("conflict", `A token named ${name} already exists.`, {
      errors: [{ path: "name", message: "is already used by another token" }],
    });
  }
}

export type CreateTokenArgs = Omit<CreateTokenInput, "permissions" | "allowedIps"> & { permissions: Permissions; allowedIps?: string[] };

export async function createToken(input: CreateTokenArgs, actor: Actor, now = new Date()) {
  const expiresAt = expiresAtFor(input, now, await lifetimeLimit());
  const secret = generateToken();
  const db = await getDb();
  const token = await db.$transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    await assertGrantNamesExist(tx, input.permissions);
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        description: input.description,
        ...permissionColumns(input.permissions),
        expiresAt,
        notifyEmails: input.notifyEmails ?? [],
        allowedIps: input.allowedIps ?? [],
        secretHash: hashSecret(secret),
        preview: previewOf(secret),
        createdBy: actor.name,
        updatedBy: actor.name,
      },
      select: PUBLIC_FIELDS,
    });
    await recordEvent(tx, {
      action: "token.created",
      actor,
      target: { type: "token", id: created.id },
      details: {
        name: created.name,
        expiresAt: expiresAt?.toISOString() ?? null,
        permissions: input.permissions,
        ...(created.allowedIps.length ? { allowedIps: created.allowedIps } : {}),
      },
    });
    await emitEvent(tx, "token.created", toTokenResponse(created, now), {}, now);
    return created;
  });
  return { token: toTokenResponse(token, now), secret };
}

export async function updateToken(id: number, input: UpdateTokenInput, actor: Actor, now = new Date()) {
  const db = await getDb();
  const token = await db.$transaction(async (tx) => {
    const before = await liveTokenOrThrow(tx, id);
    const changes = editsOf(before, input);
    const switched = input.disabled === undefined || input.disabled === (before.disabledAt !== null) ? null : input.disabled;
    // Nothing to change: no write, no audit event, no new updatedAt.
    if (Object.keys(changes).length === 0 && switched === null) return before;
    if (input.permissions && changes.permissions) await assertGrantNamesExist(tx, input.permissions);
    const after = await tx.apiToken.update({
      where: { id },
      data: {
        description: input.description,
        ...(input.permissions ? permissionColumns(input.permissions) : {}),
        notifyEmails: input.notifyEmails,
        allowedIps: input.allowedIps,
        ...(switched === null ? {} : switchedColumns(switched, "manual", now)),
        updatedBy: actor.name,
      },
      select: PUBLIC_FIELDS,
    });
    if (Object.keys(changes).length > 0) {
      await recordEvent(tx, { action: "token.updated", actor, target: { type: "token", id }, details: { name: after.name, changes } });
      await emitEvent(tx, "token.updated", toTokenResponse(after, now), {}, now);
    }
    if (switched !== null) await recordSwitch(tx, after, switched ? "token.disabled" : "token.enabled", actor, now);
    return after;
  });
  return toTokenResponse(token, now);
}

type Changes = Record<string, { from: Prisma.InputJsonValue; to: Prisma.InputJsonValue }>;

/** What an edit changes, field by field (the audit event's details); disabling is recorded on its own. */
function editsOf(before: Row, input: UpdateTokenInput): Changes {
  const changes: Changes = {};
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  if (input.description !== undefined && input.description !== before.description)
    changes.description = { from: before.description, to: input.description };
  const was = permissionsFrom(before.superAdmin, before.grants);
  if (input.permissions && differs(input.permissions, was)) changes.permissions = { from: was, to: input.permissions };
  if (input.notifyEmails && differs(input.notifyEmails, before.notifyEmails))
    changes.notifyEmails = { from: before.notifyEmails, to: input.notifyEmails };
  if (input.allowedIps && differs(input.allowedIps, before.allowedIps))
    changes.allowedIps = { from: before.allowedIps, to: input.allowedIps };
  return changes;
}

export type DisabledReason = "manual" | "idle";

/** The columns that disable (true) or enable (false) a token; enabling restarts the idle policy's count. */
export function switchedColumns(disabled: boolean, reason: DisabledReason, now: Date) {
  return disabled ? { disabledAt: now, disabledReason: reason } : { disabledAt: null, disabledReason: null, renewedAt: now };
}

/** The audit event and the outbox event of a token that was just disabled or enabled, in its transaction. */
export async function recordSwitch(
  tx: Tx,
  token: Row,
  action: "token.disabled" | "token.enabled" | "token.idle_disabled",
  actor: Actor,
  now: Date,
  details: Prisma.InputJsonObject = {},
): Promise<void> {
  await recordEvent(tx, { action, actor, target: { type: "token", id: token.id }, details: { name: token.name, ...details } });
  await emitEvent(tx, action, toTokenResponse(token, now), {}, now);
}

// Of several regenerates of one token that overlap in time, exactly one wins and the others
// answer 409, so no caller is handed a secret that another request superseded before it was
// even shown. "Overlap" is judged from when each request arrived (`now`), not from when it
// reached the database: on PGlite the database runs one transaction at a time, so requests
// that arrived together would otherwise look sequential. Within one process the registry
// below decides exactly; across instances on PostgreSQL a compare-and-set on `version`
// catches the overlaps the registry cannot see. The deletedAt condition in the same UPDATE
// makes a regenerate that lost a race with a delete answer 404, never a dead secret.
type Regeneration = { inFlight: number; lastDoneAt: number };
const regenerations = processState("__tesseraRegenerations", () => new Map<number, Regeneration>());
const FORGET_AFTER_MS = 5 * 60_000;

const regenerateConflict = () =>
  new ApiError("conflict", "Another request regenerated this token at the same moment. Use the secret it received, or try again.");

/** `now` is when the request arrived; it is also the time the new expiry counts from. */
export async function regenerateToken(id: number, input: RegenerateTokenInput, actor: Actor, now = new Date()) {
  const expiresAt = expiresAtFor(input, now, await lifetimeLimit());
  const seen = regenerations.get(id) ?? { inFlight: 0, lastDoneAt: 0 };
  if (seen.inFlight > 0 || seen.lastDoneAt > now.getTime()) throw regenerateConflict();
  seen.inFlight += 1;
  regenerations.set(id, seen);
  try {
    return await regenerateOnce(id, expiresAt, input.graceSeconds, input.graceQuietSeconds ?? null, actor, now);
  } finally {
    seen.inFlight -= 1;
    seen.lastDoneAt = Date.now();
    for (const [key, r] of regenerations)
      if (r.inFlight === 0 && r.lastDoneAt < seen.lastDoneAt - FORGET_AFTER_MS) regenerations.delete(key);
  }
}

async function regenerateOnce(
  id: number,
  expiresAt: Date | null,
  graceSeconds: number,
  graceQuietSeconds: number | null,
  actor: Actor,
  now: Date,
) {
  const secret = generateToken();
  const db = await getDb();
  const before = await db.apiToken.findFirst({ where: { id, deletedAt: null }, select: { ...PUBLIC_FIELDS, secretHash: true } });
  if (!before) throw new ApiError("not_found", `No token with id ${id}.`);
  // The old secret may live on for the grace period, but never past its own expiry.
  let graceUntil = graceSeconds > 0 ? new Date(now.getTime() + graceSeconds * 1000) : null;
  if (graceUntil && before.expiresAt && before.expiresAt < graceUntil) graceUntil = before.expiresAt;
  const token = await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id, deletedAt: null, version: before.version },
      data: {
        secretHash: hashSecret(secret),
        preview: previewOf(secret),
        previousHash: graceUntil ? before.secretHash : null,
        previousValidUntil: graceUntil,
        graceQuietSeconds: graceUntil ? graceQuietSeconds : null,
        expiresAt,
        // Someone means to use it: the idle policy starts counting again.
        renewedAt: now,
        version: { increment: 1 },
        updatedBy: actor.name,
      },
    });
    if (count === 0) {
      await liveTokenOrThrow(tx, id);
      throw regenerateConflict();
    }
    const after = await liveTokenOrThrow(tx, id);
    await recordEvent(tx, {
      action: "token.regenerated",
      actor,
      target: { type: "token", id },
      details: {
        name: after.name,
        version: after.version,
        expiresAt: { from: before.expiresAt?.toISOString() ?? null, to: expiresAt?.toISOString() ?? null },
        oldSecretValidUntil: graceUntil?.toISOString() ?? null,
        ...(graceUntil && graceQuietSeconds ? { graceQuietSeconds } : {}),
      },
    });
    await emitEvent(tx, "token.regenerated", toTokenResponse(after, now), {}, now);
    return after;
  });
  return { token: toTokenResponse(token, now), secret };
}

/** `self`: the token deleted itself (DELETE /api/v1/tokens/self), which its audit event says. */
export async function deleteToken(id: number, actor: Actor, { self = false } = {}) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const token = await liveTokenOrThrow(tx, id);
    await tx.apiToken.update({
      where: { id },
      data: { deletedAt: new Date(), previousHash: null, previousValidUntil: null, updatedBy: actor.name },
    });
    await recordEvent(tx, {
      action: "token.deleted",
      actor,
      target: { type: "token", id },
      details: { name: token.name, ...(self ? { self } : {}) },
    });
    await emitEvent(tx, "token.deleted", toTokenResponse(token));
  });
}

/** Requests per day over the last `days` days (UTC), oldest first, zeros included. */
export async function tokenUsageByDay(id: number, days = 30, now = new Date()) {
  const db = await getDb();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const rows = await db.apiTokenUsage.findMany({ where: { tokenId: id, day: { gte: since } }, orderBy: { day: "asc" } });
  const byDay = new Map(rows.map((r) => [r.day.toISOString().slice(0, 10), r.requests]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    return { day, requests: byDay.get(day) ?? 0 };
  });
}
