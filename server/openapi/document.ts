import "server-only";
import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors";
import { type BodyFormats, type Declared, declarationOf, isTextParam, pathIdNames } from "../http/declaration";
import { HTTP_METHODS, type HttpMethod } from "../http/methods";
import { MAX_BODY_BYTES } from "../http/parse";

// OpenAPI 3.1 (whose schemas are JSON Schema 2020-12, what zod emits), written from the
// declarations the route handlers carry (server/http/declaration.ts): the very schemas each
// route parses and answers with. Next bundles every route module on its own, so the modules
// are handed in: app/documented-routes.ts lists them, and tests/api/openapi.test.ts checks
// that list against the route files on disk.

/** A route module as Next loads it: its methods' handlers, among other exports. */
export type RouteModule = { readonly [method in HttpMethod]?: unknown };

/** One method of one path, as its route declared it. */
export type DeclaredOperation = Declared & { readonly method: Lowercase<Exclude<HttpMethod, "HEAD" | "OPTIONS">> };

/** Every declared operation of `modules`, in their order, each module's methods in HTTP_METHODS order. */
export function operationsOf(modules: readonly RouteModule[]): DeclaredOperation[] {
  return modules.flatMap((mod) =>
    HTTP_METHODS.flatMap((method) => {
      const declaration = method === "HEAD" || method === "OPTIONS" ? undefined : declarationOf(mod[method]);
      return declaration ? [{ ...declaration, method: method.toLowerCase() as DeclaredOperation["method"] }] : [];
    }),
  );
}

type Json = Record<string, unknown>;

const schemaOf = (s: z.ZodType, io: "input" | "output"): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Json;
  return rest;
};

const problem: Json = {
  type: "object",
  required: ["type", "title", "status", "detail", "code"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string", enum: Object.keys(ERROR_CODES) },
    errors: {
      type: "array",
      items: { type: "object", required: ["path", "message"], properties: { path: { type: "string" }, message: { type: "string" } } },
    },
  },
};

const devtronEnvelope = (result: Json | null): Json => ({
  type: "object",
  properties: {
    code: { type: "integer" },
    status: { type: "string" },
    ...(result ? { result } : {}),
    errors: {
      type: "array",
      items: {
        type: "object",
        properties: { code: { type: "string" }, internalMessage: { type: "string" }, userMessage: { type: "string" } },
      },
    },
  },
});

const STATUS_TEXT: Record<number, string> = {
  400: "Bad input: invalid_json or validation_failed (with errors[].path)",
  401: "unauthorized (no, malformed, unknown, deleted or superseded credentials), token_expired or token_disabled",
  403: "forbidden: authenticated but not allowed; ip_not_allowed: the token's allowlist does not hold the client address",
  404: "not_found: no such thing, or not visible to the caller",
  409: "conflict: the name is in use, or the thing is still in use",
  413: `payload_too_large: the body is over ${MAX_BODY_BYTES / 1024} kB`,
  429: "rate_limited: too many failed attempts from the address, or too much password work at once (see Retry-After)",
  503: "unavailable: the database cannot be reached",
};

/** The media types a route reads: JSON always, a form with the same fields, plain text (one string a line). */
function bodyContent(body: z.ZodType, formats: BodyFormats = {}): Json {
  const schema = schemaOf(body, "input");
  return {
    "application/json": { schema },
    ...(formats.form ? { "application/x-www-form-urlencoded": { schema } } : {}),
    ...(formats.text ? { "text/plain": { schema: { type: "string", description: "One string a line." } } } : {}),
  };
}

function operation(e: DeclaredOperation): Json {
  const errorStatuses = [
    ...new Set([
      ...(e.access === "public" ? [] : [401, 429]),
      ...(e.access === "superAdmin" ? [403] : []),
      ...(e.errors ?? []),
      ...(e.body ? [413] : []),
      503,
    ]),
  ].sort();
  const errorBody = e.devtron ? devtronEnvelope(null) : { $ref: "#/components/schemas/Problem" };
  const errorType = e.devtron ? "application/json" : "application/problem+json";
  const responses: Json = {};
  const ok = e.status ?? (e.response ? 200 : 204);
  responses[String(ok)] = e.response
    ? {
        description: "OK",
        content: {
          [e.contentType ?? "application/json"]: {
            schema: e.devtron ? devtronEnvelope(schemaOf(e.response, "output")) : schemaOf(e.response, "output"),
          },
        },
      }
    : { description: "No content" };
  for (const status of errorStatuses)
    responses[String(status)] = { description: STATUS_TEXT[status] ?? "Error", content: { [errorType]: { schema: errorBody } } };

  const parameters: Json[] = [];
  const texts = e.params ? (schemaOf(e.params, "input").properties as Record<string, Json>) : {};
  for (const name of pathIdNames(e.path)) {
    const schema = isTextParam(e, name) ? texts[name] : { type: "integer", minimum: 1 };
    parameters.push({ name, in: "path", required: true, schema });
  }
  if (e.query) {
    const q = schemaOf(e.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema });
    }
  }
  return {
    tags: [e.tag],
    summary: e.summary,
    ...(e.access === "public" ? { security: [] } : {}),
    ...(e.access === "superAdmin" ? { description: "Super admins only (a super-admin token or session)." } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(e.body ? { requestBody: { required: true, content: bodyContent(e.body, e.bodyFormats) } } : {}),
    responses,
  };
}

export function openApiDocument(modules: readonly RouteModule[], serverUrl?: string): Json {
  const operations = operationsOf(modules);
  const paths: Record<string, Json> = {};
  for (const e of operations) {
    paths[e.path] = { ...paths[e.path], [e.method]: operation(e) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Tessera API",
      version: "1.0.0",
      description:
        "Tessera's REST API (/api/v1, problem+json errors) and the Devtron-compatible /orchestrator API ({ code, status, result, errors }). Authenticate with `Authorization: Bearer tsr_…` or Devtron's `token: tsr_…` header.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }, { tokenHeader: [] }],
    tags: [...new Set(operations.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token: tsr_ + 46 base62 characters" },
        tokenHeader: { type: "apiKey", in: "header", name: "token", description: "Devtron's header" },
      },
      schemas: { Problem: problem },
    },
  };
}
