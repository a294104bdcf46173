import "server-only";
import { STATUS_CODES } from "node:http";
import { ApiError } from "@/lib/errors";
import type { Principal } from "../auth/principal";
import { toApiError } from "../errors";
import { clientIp } from "./client-ip";
import { authenticate, type RouteContext, routeParams } from "./route";

// Devtron's envelope: { code, status, result, errors }. Same services, same errors as
// /api/v1, only dressed the way Devtron scripts and Postman collections expect — with
// honest HTTP statuses (Devtron answers 500 for a duplicate name; we answer 409).

type Ctx = { req: Request; receivedAt: Date; params: Record<string, string | undefined>; principal: Principal; ip: string };

export function envelope(result: unknown, code = 200): Response {
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

export function orchestratorRoute(handler: (ctx: Ctx) => Promise<Response | unknown>) {
  return async (req: Request, context?: RouteContext): Promise<Response> => {
    const receivedAt = new Date();
    try {
      const params = await routeParams(context);
      const ip = clientIp(req.headers);
      const principal = await authenticate(req, ip);
      if (!principal) throw new ApiError("unauthorized", "Send an API token in the token header.");
      const result = await handler({ req, receivedAt, params, principal, ip });
      return result instanceof Response ? result : envelope(result);
    } catch (error) {
      return envelopeError(toApiError(error));
    }
  };
}
