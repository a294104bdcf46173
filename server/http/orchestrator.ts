import "server-only";
import { STATUS_CODES } from "node:http";
import type { ApiError } from "@/lib/errors";
import type { Declaration, DeclaredHandler, Handler } from "./declaration";
import { NO_STORE } from "./respond";
import { declaredRoute, type Surface } from "./route";

// Devtron's envelope: { code, status, result, errors }. Same services, same errors as
// /api/v1, only dressed the way Devtron scripts and Postman collections expect — with
// honest HTTP statuses (Devtron answers 500 for a duplicate name; we answer 409).

function envelope(result: unknown, code = 200): Response {
  return Response.json({ code, status: STATUS_CODES[code] ?? "OK", result }, { status: code });
}

export function envelopeError(error: ApiError, extraHeaders: Record<string, string> = {}): Response {
  const fields = error.errors?.length ? error.errors : [{ path: "", message: error.message }];
  const errors = fields.map((f) => ({
    code: error.code,
    internalMessage: f.path ? `${f.path}: ${f.message}` : f.message,
    userMessage: f.path ? `${f.path} ${f.message}` : f.message,
  }));
  const headers: Record<string, string> = { ...extraHeaders, "cache-control": "no-store" };
  if (error.retryAfter) headers["retry-after"] = String(error.retryAfter);
  return Response.json({ code: error.status, status: STATUS_CODES[error.status] ?? "Error", errors }, { status: error.status, headers });
}

const DEVTRON: Surface = {
  devtron: true,
  unauthorized: "Send an API token in the token header.",
  success: (result, status, noStore) => {
    const res = envelope(result, status);
    if (noStore) res.headers.set("cache-control", NO_STORE["cache-control"]);
    return res;
  },
  failure: (error) => envelopeError(error),
};

/** An /orchestrator route; its declared response is the envelope's `result`. */
export function orchestratorRoute<const D extends Declaration & { readonly access: "principal" | "superAdmin" }>(
  declaration: D,
  handler: Handler<D>,
): DeclaredHandler {
  return declaredRoute(DEVTRON, declaration, handler);
}
