import "server-only";
import type { ApiError } from "@/lib/errors";

/** For every response that carries a secret. */
export const NO_STORE = { "cache-control": "no-store" } as const;

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(data), { ...init, headers });
}

/** A body that is not JSON (a calendar feed), as UTF-8 text of `contentType`. */
export function text(body: string, contentType: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", `${contentType}; charset=utf-8`);
  return new Response(body, { ...init, headers });
}

export function problem(error: ApiError, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/problem+json; charset=utf-8");
  h.set("cache-control", "no-store");
  if (error.retryAfter) h.set("retry-after", String(error.retryAfter));
  return new Response(JSON.stringify(error.toProblem()), { status: error.status, headers: h });
}
