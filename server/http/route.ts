import "server-only";
import { ApiError } from "@/lib/errors";
import { isSuperAdmin, type Principal } from "../auth/principal";
import { principalFromCookie } from "../auth/session";
import { clientIp } from "../client-ip";
import { toApiError } from "../errors";
import { authenticateToken, tokenFromHeaders } from "../tokens/verify";
import { assertAnswerFits } from "./answer";
import {
  type Context,
  type Declaration,
  type Declared,
  type DeclaredHandler,
  type Handler,
  isReply,
  isTextParam,
  pathIdNames,
  type RouteContext,
  type RouteHandler,
} from "./declaration";
import { assertSameOrigin } from "./origin";
import { parseBody, parseId, parseQuery, parseTextParams } from "./parse";
import { json, NO_STORE, problem, text } from "./respond";

// Every API route goes through here: authenticate → authorize by access level → read the
// path ids, query and body with the route's declared schemas → the handler (which authorizes
// anything finer through the policy layer and calls one service) → check the answer against
// its response schema → respond. Errors of any kind come back in the surface's format
// (problem+json here; Devtron's envelope through ./orchestrator.ts); nothing internal leaks.

/** Next's (promised) route params, catch-all segments joined. */
async function routeParams(context?: RouteContext): Promise<Record<string, string | undefined>> {
  const raw = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}

/**
 * A token (Authorization: Bearer, or Devtron's `token` header) wins over a session
 * cookie. Requests without a token are checked for their origin: browsers must not
 * write here from another site, and cookie writes must prove they are same-origin.
 */
async function authenticate(req: Request, ip: string): Promise<Principal | null> {
  const token = tokenFromHeaders(req.headers);
  if (token !== null) return authenticateToken(token, ip, req.headers.get("user-agent") ?? "");
  const principal = await principalFromCookie(req.headers.get("cookie"));
  assertSameOrigin(req, { cookie: principal !== null });
  return principal;
}

function requireSuperAdmin(principal: Principal, what = "this"): void {
  if (!isSuperAdmin(principal)) throw new ApiError("forbidden", `Only super admins can manage ${what}.`);
}

/** How a surface says who to be, and how it answers. */
export type Surface = {
  readonly devtron: boolean;
  readonly unauthorized: string;
  success(body: unknown, status: number, noStore: boolean, contentType?: string): Response;
  failure(error: ApiError): Response;
};

/** A route handler that does what `declaration` says, answering in `surface`'s format. */
export function declaredRoute<const D extends Declaration>(surface: Surface, declaration: D, handler: Handler<D>): DeclaredHandler {
  const names = pathIdNames(declaration.path);
  const ids = names.filter((name) => !isTextParam(declaration, name));
  const texts = names.filter((name) => isTextParam(declaration, name));
  const run: RouteHandler = async (req, context) => {
    const receivedAt = new Date();
    try {
      const params = await routeParams(context);
      const ip = clientIp(req.headers);
      const principal = declaration.authenticate === false ? null : await authenticate(req, ip);
      if (declaration.access !== "public" && !principal) throw new ApiError("unauthorized", surface.unauthorized);
      if (declaration.access === "superAdmin") requireSuperAdmin(principal!, declaration.manages);
      await declaration.admit?.({ ip });
      const ctx: Record<string, unknown> = { req, receivedAt, ip, principal };
      for (const name of ids) ctx[name] = parseId(params[name], name);
      if (declaration.params) ctx.params = parseTextParams(declaration.params, Object.fromEntries(texts.map((n) => [n, params[n]])));
      ctx.query = declaration.query ? parseQuery(req, declaration.query) : undefined;
      ctx.body = declaration.body ? await parseBody(req, declaration.body, declaration.bodyFormats) : undefined;
      // Handler<D> is a conditional type: call it as what every branch of it is.
      const answer: unknown = await (handler as (ctx: Context<D>) => Promise<unknown>)(ctx as Context<D>);
      if (!declaration.response) return surface.success(undefined, declaration.status ?? 204, false);
      const { status, body } = isReply(answer) ? answer : { status: declaration.status ?? 200, body: answer };
      assertAnswerFits(declaration.response, body, `${req.method} ${declaration.path}`);
      return surface.success(body, status, declaration.noStore === true, declaration.contentType);
    } catch (error) {
      return surface.failure(toApiError(error));
    }
  };
  const declared: Declared = { ...declaration, devtron: surface.devtron };
  return Object.assign(run, { declaration: declared });
}

const API: Surface = {
  devtron: false,
  unauthorized: "Sign in, or send an API token in the Authorization or token header.",
  success: (body, status, noStore, contentType) => {
    if (body === undefined) return new Response(null, { status });
    const headers = noStore ? NO_STORE : undefined;
    return contentType ? text(body as string, contentType, { status, headers }) : json(body, { status, headers });
  },
  failure: (error) => problem(error),
};

/** An /api route: export it through methods() (./methods.ts) as the method it answers. */
export function route<const D extends Declaration>(declaration: D, handler: Handler<D>): DeclaredHandler {
  return declaredRoute(API, declaration, handler);
}
