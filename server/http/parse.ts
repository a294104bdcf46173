import "server-only";
import type { z } from "zod";
import { ApiError, fieldError } from "@/lib/errors";
import { idParam } from "@/lib/schemas/common";
import { validationError } from "./errors";

const MAX_BODY_BYTES = 256 * 1024;

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw fieldError("(body)", `must be at most ${MAX_BODY_BYTES / 1024} kB`);
  if (!text.trim()) throw new ApiError("invalid_json", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  return parseWith(schema, await readJson(req));
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params = new URL(req.url).searchParams;
  const query: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") query[key] = value;
  return parseWith(schema, query);
}

export function parseId(value: string | undefined, name = "id"): number {
  const result = idParam.safeParse(value);
  if (!result.success) throw fieldError(name, "must be a positive integer");
  return result.data;
}
