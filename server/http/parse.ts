import "server-only";
import { NextRequest } from "next/server";
import type { z } from "zod";
import { ApiError, type FieldError, fieldError } from "@/lib/errors";
import { INT32_MAX, idParam } from "@/lib/schemas/common";
import { toApiError, validationError } from "../errors";
import type { BodyFormats } from "./declaration";
import { problem } from "./respond";

// Where request input enters: bodies, queries and path ids are read and checked here, once,
// before any schema or service sees them. Two rules hold for every string, whatever the
// schema says, because PostgreSQL cannot store them: no NUL character (text columns refuse
// it, error 22021) and no unpaired surrogate (jsonb refuses it, and UTF-8 cannot encode it).

/** The largest request body any route reads. */
export const MAX_BODY_BYTES = 256 * 1024;

export function payloadTooLarge(limit = MAX_BODY_BYTES): ApiError {
  return new ApiError("payload_too_large", `The request body must be at most ${limit / 1024} kB.`);
}

/**
 * The body's bytes, refused with 413 as soon as it is known to be too large: from
 * Content-Length before reading anything, or by counting while reading (a chunked upload
 * says nothing up front). Reading stops at the limit, so an oversized body is never held
 * in memory.
 */
export async function readBody(req: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length"));
  if (declared > limit) throw payloadTooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.releaseLock();
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function readJson(req: Request): Promise<unknown> {
  let text: string;
  try {
    text = utf8.decode(await readBody(req));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("invalid_json", "The request body is not valid UTF-8.");
  }
  if (!text.trim()) throw new ApiError("invalid_json", "The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
  assertStorableText(value, "(body)");
  return value;
}

const NUL_MESSAGE = "must not contain NUL characters (\\u0000)";
const SURROGATE_MESSAGE = "must be valid Unicode text (it contains an unpaired surrogate)";

function textProblem(s: string): string | null {
  if (s.includes("\u0000")) return NUL_MESSAGE;
  if (!s.isWellFormed()) return SURROGATE_MESSAGE;
  return null;
}

/** A key as it can appear in an error path: escaped, so the path itself stays storable and readable. */
function pathKey(key: string | number): string {
  return typeof key === "string" && textProblem(key) ? JSON.stringify(key).slice(1, -1) : String(key);
}

type Trail = { key: string | number; up: Trail } | null;

function pathOf(trail: Trail, root: string): string {
  const keys: string[] = [];
  for (let t = trail; t; t = t.up) keys.unshift(pathKey(t.key));
  return keys.length ? keys.join(".") : root;
}

/**
 * Throws 400 validation_failed naming every string (object keys included) that holds a NUL
 * or an unpaired surrogate. Walks with its own stack, and each node points at its parent
 * rather than carrying its path: a body may nest deeper than the call stack allows, and
 * copying paths down such a body would cost its depth squared.
 */
export function assertStorableText(value: unknown, root: string): void {
  const errors: FieldError[] = [];
  const stack: [unknown, Trail][] = [[value, null]];
  while (stack.length && errors.length < 20) {
    const [node, trail] = stack.pop()!;
    if (typeof node === "string") {
      const problem = textProblem(node);
      if (problem) errors.push({ path: pathOf(trail, root), message: problem });
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], { key: i, up: trail }]);
    } else if (node && typeof node === "object") {
      const entries = Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const problem = textProblem(key);
        if (problem) errors.push({ path: pathOf({ key, up: trail }, root), message: `has a field name that ${problem}` });
        else stack.push([child, { key, up: trail }]);
      }
    }
  }
  if (!errors.length) return;
  const [first] = errors;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  throw new ApiError("validation_failed", `${first!.path} ${first!.message}${more}`, { errors });
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export async function parseBody<S extends z.ZodType>(req: Request, schema: S, formats: BodyFormats = {}): Promise<z.output<S>> {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (formats.form && type === "application/x-www-form-urlencoded") return parseWith(schema, await readForm(req));
  if (formats.text && type === "text/plain") return parseWith(schema, formats.text(await readText(req)));
  return parseWith(schema, await readJson(req));
}

async function readText(req: Request): Promise<string> {
  let text: string;
  try {
    text = utf8.decode(await readBody(req));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw fieldError("(body)", "must be valid UTF-8 text");
  }
  assertStorableText(text, "(body)");
  return text;
}

/** A form's fields as an object; a field sent twice keeps its last value. */
async function readForm(req: Request): Promise<Record<string, string>> {
  const fields = Object.fromEntries(new URLSearchParams(await readText(req)));
  assertStorableText(fields, "(body)");
  return fields;
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params = new URL(req.url).searchParams;
  const query: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") query[key] = value;
  assertStorableText(query, "(query)");
  return parseWith(schema, query);
}

/** Path segments that are text (`params` in a declaration): storable text, then the declared schema. */
export function parseTextParams<S extends z.ZodType>(schema: S, raw: Record<string, string | undefined>): z.output<S> {
  assertStorableText(raw, "(path)");
  return parseWith(schema, raw);
}

/**
 * A path id. Not a number at all is 400; a number past the largest id a row can have
 * (PostgreSQL's int4) is simply not there: 404, as for any other id that names nothing.
 */
export function parseId(value: string | undefined, name = "id"): number {
  const result = idParam.safeParse(value);
  if (result.success) return result.data;
  if (value && /^[1-9][0-9]*$/.test(value)) {
    const shown = value.length > 20 ? `${value.slice(0, 20)}…` : value;
    throw new ApiError("not_found", `Nothing has ${name} ${shown}: ids go up to ${INT32_MAX}.`);
  }
  throw fieldError(name, "must be a positive integer");
}

/**
 * For handlers that read the body themselves, whole (next-auth does): the body is read here
 * first, within the limit, and the handler gets a request carrying those bytes. A body
 * declared as JSON must parse, or next-auth's own `req.json()` would throw.
 */
export function withBodyLimit<C>(handler: (req: NextRequest, ctx: C) => Promise<Response>, limit = MAX_BODY_BYTES) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const body = await readBody(req, limit);
      if (req.headers.get("content-type")?.includes("application/json")) {
        try {
          JSON.parse(utf8.decode(body));
        } catch {
          throw new ApiError("invalid_json", "The request body is not valid JSON.");
        }
      }
      return await handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body, signal: req.signal }), ctx);
    } catch (error) {
      return problem(toApiError(error));
    }
  };
}
