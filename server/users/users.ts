import "server-only";
import { ApiError } from "@/lib/errors";
import type { Page } from "@/lib/schemas/common";
import { type CreateUserInput, type ListUsersQuery, type UpdateUserInput, USERS_DEFAULT_SORT, type UserResponse } from "@/lib/schemas/user";
import { recordEvent } from "../audit/record";
import { hashPassword } from "../auth/password";
import { type Actor, permissionsFrom } from "../auth/principal";
import { endUserSessions } from "../auth/sessions";
import { PASSWORD_METHOD } from "../auth/sign-in-audit";
import { ssoProviders } from "../auth/sso-config";
import { assertGrantNamesExist } from "../catalog/check-grants";
import { getDb, type Tx } from "../db";
import { contains, orderBy, pageOf, skipTake } from "../db/paging";

type UserRow = {
  id: number;
  email: string;
  name: string;
  superAdmin: boolean;
  grants: unknown;
  disabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  passwordHash: string | null;
  lastSignInAt: Date | null;
  lastSignInMethod: string | null;
  identities: { provider: string }[];
};

/**
 * What every user query reads: the hash only to say whether there is a password (the
 * response schema has no field that could carry it), and the linked SSO providers.
 */
export const USER_READ = {
  omit: { passwordHash: false },
  include: { identities: { select: { provider: true }, orderBy: { provider: "asc" } } },
} as const;

export function toUserResponse(u: UserRow): UserResponse {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    superAdmin: u.superAdmin,
    permissions: permissionsFrom(u.superAdmin, u.grants),
    disabled: u.disabledAt !== null,
    signInMethods: [...(u.passwordHash ? [PASSWORD_METHOD] : []), ...new Set(u.identities.map((i) => i.provider))],
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    lastSignInMethod: u.lastSignInMethod,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

export async function listUsers(query: ListUsersQuery): Promise<Page<UserResponse>> {
  const db = await getDb();
  const where = query.q ? { OR: [{ email: contains(query.q) }, { name: contains(query.q) }] } : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({ ...USER_READ, where, orderBy: orderBy(query.sort, USERS_DEFAULT_SORT), ...skipTake(query) }),
    db.user.count({ where }),
  ]);
  return pageOf(rows.map(toUserResponse), total, query);
}

export async function getUserOrThrow(id: number): Promise<UserResponse> {
  const db = await getDb();
  const user = await db.user.findUnique({ ...USER_READ, where: { id } });
  if (!user) throw new ApiError("not_found", `No user with id ${id}.`);
  return toUserResponse(user);
}

async function assertEmailFree(tx: Tx, email: string): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new ApiError("conflict", `A user with the email ${email} already exists.`, {
      errors: [{ path: "email", message: "is already used by another user" }],
    });
  }
}

/** A user without a password signs in only through SSO, so one may be created only while a provider is configured. */
function assertCanSignIn(input: CreateUserInput): void {
  if (input.password !== undefined || ssoProviders().length > 0) return;
  throw new ApiError(
    "validation_failed",
    "password is required: without single sign-on configured, a user without one could not sign in.",
    {
      errors: [{ path: "password", message: "is required (single sign-on is not configured)" }],
    },
  );
}

export async function createUser(input: CreateUserInput, actor: Actor): Promise<UserResponse> {
  assertCanSignIn(input);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const db = await getDb();
  const permissions = input.permissions ?? { superAdmin: input.superAdmin ?? false, grants: [] };
  return db.$transaction(async (tx) => {
    await assertEmailFree(tx, input.email);
    await assertGrantNamesExist(tx, permissions);
    const user = await tx.user.create({
      ...USER_READ,
      data: {
        email: input.email,
        name: input.name,
        superAdmin: permissions.superAdmin,
        grants: permissions.superAdmin ? [] : permissions.grants,
        passwordHash,
      },
    });
    await recordEvent(tx, {
      action: "user.created",
      actor,
      target: { type: "user", id: user.id },
      details: { email: user.email, name: user.name, permissions },
    });
    return toUserResponse(user);
  });
}

/**
 * Refuses a change that would leave Tessera without an active super admin. The
 * active super admins are locked first, so two admins demoting each other at the
 * same moment cannot both succeed.
 */
async function assertKeepsASuperAdmin(tx: Tx, userId: number, what: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "User" WHERE "superAdmin" AND "disabledAt" IS NULL ORDER BY id FOR UPDATE`;
  if (admins.length === 1 && admins[0]!.id === userId) {
    throw new ApiError("conflict", `You cannot ${what} the last active super admin. Make another user super admin first.`);
  }
}

export async function updateUser(id: number, input: UpdateUserInput, actor: Actor): Promise<UserResponse> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw new ApiError("not_found", `No user with id ${id}.`);
    const superAdmin = input.permissions?.superAdmin ?? input.superAdmin;
    const activeAdmin = before.superAdmin && before.disabledAt === null;
    if (activeAdmin && input.disabled === true) await assertKeepsASuperAdmin(tx, id, "disable");
    if (activeAdmin && superAdmin === false) await assertKeepsASuperAdmin(tx, id, "demote");
    if (input.permissions) await assertGrantNamesExist(tx, input.permissions);
    const disabledAt = input.disabled === undefined ? undefined : input.disabled ? (before.disabledAt ?? new Date()) : null;
    const grants = input.permissions ? (input.permissions.superAdmin ? [] : input.permissions.grants) : undefined;
    const user = await tx.user.update({
      ...USER_READ,
      where: { id },
      data: { name: input.name, superAdmin, grants, disabledAt, passwordHash },
    });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.name !== undefined && input.name !== before.name) changes.name = { from: before.name, to: user.name };
    const [was, now] = [permissionsFrom(before.superAdmin, before.grants), permissionsFrom(user.superAdmin, user.grants)];
    if (JSON.stringify(was) !== JSON.stringify(now)) changes.permissions = { from: was, to: now };
    if (input.disabled !== undefined && input.disabled !== (before.disabledAt !== null)) {
      changes.disabled = { from: before.disabledAt !== null, to: input.disabled };
    }
    await recordEvent(tx, {
      action: "user.updated",
      actor,
      target: { type: "user", id },
      details: { email: user.email, changes: changes as object, passwordReset: passwordHash !== undefined },
    });
    await endSessionsAfterUpdate(tx, user, input, actor);
    return toUserResponse(user);
  });
}

/**
 * Disabling a user or setting their password ends their sessions (docs/decisions.md):
 * a re-enabled user signs in again, and a cookie taken before a reset is worthless.
 * Users changing their own password keep the session they did it from.
 */
async function endSessionsAfterUpdate(tx: Tx, user: { id: number; email: string }, input: UpdateUserInput, actor: Actor) {
  if (input.disabled === true) {
    await endUserSessions(tx, user, "disabled", actor);
  } else if (input.password !== undefined) {
    const self = actor.type === "user" && actor.id === user.id;
    await endUserSessions(tx, user, self ? "password-changed" : "password-reset", actor, { keep: self ? actor.sessionId : undefined });
  }
}

export async function deleteUser(id: number, actor: Actor): Promise<void> {
  if (actor.type === "user" && actor.id === id) throw new ApiError("conflict", "You cannot delete your own account.");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new ApiError("not_found", `No user with id ${id}.`);
    if (user.superAdmin && !user.disabledAt) await assertKeepsASuperAdmin(tx, id, "delete");
    await tx.user.delete({ where: { id } });
    await recordEvent(tx, { action: "user.deleted", actor, target: { type: "user", id }, details: { email: user.email } });
  });
}
