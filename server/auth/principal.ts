import "server-only";
import { NO_PERMISSIONS, type Permissions, permissionsSchema, SUPER_ADMIN } from "@/lib/permissions/schema";

/**
 * Whoever makes a request: a signed-in user or an API token.
 * Everything downstream of authentication — the policy layer, the services, the
 * audit trail — sees only this shape.
 */
export type Principal = {
  type: "user" | "token";
  id: number;
  /** A user's display name, or a token's name. */
  name: string;
  /** Who did it, in records (createdBy, triggeredBy, audit): a user's email, or Devtron's `API-TOKEN:<name>`. */
  label: string;
  permissions: Permissions;
  /** The dashboard session a signed-in user came with (server/auth/sessions.ts); tokens have none. */
  sessionId?: string;
};

export type Actor = {
  type: "user" | "token" | "system";
  id: number | null;
  name: string;
  ip: string | null;
  /** The session the change came from, so that a user changing their own password keeps it. */
  sessionId?: string;
};

export function actorOf(principal: Principal, ip: string | null): Actor {
  return { type: principal.type, id: principal.id, name: principal.label, ip, sessionId: principal.sessionId };
}

export const SYSTEM_ACTOR: Actor = { type: "system", id: null, name: "system", ip: null };

export const tokenLabel = (name: string) => `API-TOKEN:${name}`;

export const isSuperAdmin = (principal: Principal) => principal.permissions.superAdmin;

/**
 * Permissions from stored columns. Stored grants were validated on write; anything
 * unreadable here (a hand-edited row, say) grants nothing rather than failing open.
 */
export function permissionsFrom(superAdmin: boolean, grants: unknown): Permissions {
  if (superAdmin) return SUPER_ADMIN;
  const parsed = permissionsSchema.safeParse({ superAdmin: false, grants });
  return parsed.success ? parsed.data : NO_PERMISSIONS;
}
