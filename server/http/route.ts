import "server-only";
import { ApiError } from "@/lib/errors";
import { isSuperAdmin, type Principal } from "../auth/principal";
import { principalFromCookie } from "../auth/session";
import { toApiError } from "../errors";
import { authenticateToken, tokenFromHeaders } from "../tokens/verify";
import { clientIp } from "./client-ip";
import { assertSameOrigin } from "./origin";
import { json, problem } from "./respond";

// Every API route goes through here: authenticate → (the handler parses, authorizes
// through the policy layer, calls a service) → respond. Errors of any kind come back
// as problem+json (DESIGN.md §5); nothing internal leaks.

export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** Next's (promised) route params, catch-all segments joined. */
export async function routeParams(context?: RouteContext): Promise<Record<string, string | undefined>> {
  const raw = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}

export type Access = "public" | "principal" | "superAdmin";

type Ctx<A extends Access> = {
  req: Request;
  /** When the handler was called, before any await: the moment the request arrived, as far as Tessera can tell. */
  receivedAt: Date;
  params: Record<string, string | undefined>;
  ip: string;
  principal: A extends "public" ? Principal | null : Principal;
};

type Handler<A extends Access> = (ctx: Ctx<A>) => Promise<Response | unknown>;

/**
 * A token (Authorization: Bearer, or Devtron's `token` header) wins over a session
 * cookie. Requests without a token are checked for their origin: browsers must not
 * write here from another site, and cookie writes must prove they are same-origin.
 */
export async function authenticate(req: Request, ip: string): Promise<Principal | null> {
  const token = tokenFromHeaders(req.headers);
  if (token !== null) return authenticateToken(token, ip);
  const principal = await principalFromCookie(req.headers.get("cookie"));
  assertSameOrigin(req, { cookie: principal !== null });
  return principal;
}

export function requireSuperAdmin(principal: Principal, what = "this"): void {
  if (!isSuperAdmin(principal)) throw new ApiError("forbidden", `Only super admins can manage ${what}.`);
}

export function route<A extends Access>(access: A, handler: Handler<A>) {
  return async (req: Request, context?: RouteContext): Promise<Response> => {
    const receivedAt = new Date();
    try {
      const params = await routeParams(context);
      const ip = clientIp(req.headers);
      const principal = await authenticate(req, ip);
      if (access !== "public" && !principal) {
        throw new ApiError("unauthorized", "Sign in, or send an API token in the Authorization or token header.");
      }
      if (access === "superAdmin") requireSuperAdmin(principal!);
      const result = await handler({ req, receivedAt, params, ip, principal: principal as Ctx<A>["principal"] });
      return result instanceof Response ? result : json(result);
    } catch (error) {
      return problem(toApiError(error));
    }
  };
}
