import "server-only";

/**
 * Whoever makes a request: a signed-in user, or (with the tokens issue) an API token.
 * Everything downstream of authentication — the policy layer, the services, the
 * audit trail — sees only this shape.
 */
export type Principal = {
  type: "user";
  id: number;
  name: string;
  email: string;
  superAdmin: boolean;
  /** How the request proved who it is; unsafe cookie requests must be same-origin. */
  via: "session";
};

export type Actor = { type: "user" | "token" | "system"; id: number | null; name: string; ip: string | null };

export function actorOf(principal: Principal, ip: string | null): Actor {
  return { type: principal.type, id: principal.id, name: principal.email, ip };
}

export const SYSTEM_ACTOR: Actor = { type: "system", id: null, name: "system", ip: null };
