import "server-only";
import { NextRequest } from "next/server";
import { ApiError } from "@/lib/errors";
import { envelopeError } from "./orchestrator";
import { problem } from "./respond";

// Next answers a method a route module does not export with an empty 405 of its own, so
// every route module exports all of Next's methods through `methods()`: the ones it
// implements, HEAD (GET without the body) and OPTIONS (204 with Allow) derived from them,
// and for the rest a 405 in the surface's own format — problem+json on /api, Devtron's
// envelope on /orchestrator — with Allow. Usage:
//
//   export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: route(…), POST: route(…) });

export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * Set by scripts/request-guard.mjs on a request whose method Next cannot route (TRACE,
 * PROPFIND, …): the guard sends it on as OPTIONS carrying the real method here, so that
 * the route itself answers 405 with its own Allow.
 */
export const UNROUTABLE_METHOD_HEADER = "x-tessera-unroutable-method";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;
type Implemented<C> = Partial<Record<Exclude<HttpMethod, "HEAD" | "OPTIONS">, Handler<C>>>;

/** An error answered in the format of the surface the request came to. */
export function errorFor(req: Request, error: ApiError, headers: Record<string, string> = {}): Response {
  const { pathname } = new URL(req.url);
  return pathname === "/orchestrator" || pathname.startsWith("/orchestrator/") ? envelopeError(error, headers) : problem(error, headers);
}

export function methods<C>(implemented: Implemented<C>): Record<HttpMethod, Handler<C>> {
  const get = implemented.GET;
  const allow = HTTP_METHODS.filter((m) => m === "OPTIONS" || (m === "HEAD" ? get : implemented[m])).join(", ");
  const refuseMethod = (req: Request, method: string) =>
    errorFor(req, new ApiError("method_not_allowed", `${method} is not supported here. Allowed: ${allow}.`), { allow });
  const refuse = async (req: Request) => refuseMethod(req, req.method);
  const head: Handler<C> = async (req, ctx) => {
    if (!get) return refuse(req);
    // A NextRequest, as Next hands to GET: next-auth's GET reads `nextUrl`.
    const res = await get(new NextRequest(req.url, { method: "GET", headers: req.headers, signal: req.signal }), ctx);
    return new Response(null, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  const options: Handler<C> = async (req) => {
    const unroutable = req.headers.get(UNROUTABLE_METHOD_HEADER);
    if (unroutable) return refuseMethod(req, unroutable);
    return new Response(null, { status: 204, headers: { allow } });
  };
  return {
    GET: get ?? refuse,
    HEAD: head,
    OPTIONS: options,
    POST: implemented.POST ?? refuse,
    PUT: implemented.PUT ?? refuse,
    PATCH: implemented.PATCH ?? refuse,
    DELETE: implemented.DELETE ?? refuse,
  };
}
