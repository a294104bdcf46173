import { expect } from "vitest";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";

// The exact RFC 9457 bodies the API answers (docs/design.md, "Errors"), for tests that
// compare whole error bodies.

export type FieldErrors = { path: string; message: string }[];

/** The exact problem+json body; `errors` only when given. */
export function problem(code: ErrorCode, detail: string | RegExp, errors?: FieldErrors) {
  return {
    type: "about:blank",
    title: ERROR_CODES[code].title,
    status: ERROR_CODES[code].status,
    code,
    detail: typeof detail === "string" ? detail : expect.stringMatching(detail),
    ...(errors ? { errors } : {}),
  };
}

/** A zod validation failure: the detail is "<path> <message>" of the first error. */
export function invalid(errors: FieldErrors) {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return problem("validation_failed", `${first.path === "(body)" ? "The request body" : first.path} ${first.message}${more}`, errors);
}
