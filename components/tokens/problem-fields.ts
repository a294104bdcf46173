import type { FieldError, Problem } from "@/lib/errors";
import { EXPIRY_PATHS } from "./expiry-choice";

/** A token form's errors, grouped by the control that shows them. */
export type TokenFormErrors = {
  name?: string;
  description?: string;
  expiry?: string;
  graceSeconds?: string;
  permissions: FieldError[];
  /** Anything no field claims: shown at the top of the form. */
  alert?: string;
};

export const NO_ERRORS: TokenFormErrors = { permissions: [] };

/** Sorts an API problem's `errors[]` (or zod issues mapped to paths) to the fields that show them. */
export function tokenFormErrors(problem: Pick<Problem, "errors" | "detail">): TokenFormErrors {
  const result: TokenFormErrors = { permissions: [] };
  const errors = problem.errors ?? [];
  for (const { path, message } of errors) {
    if (path === "permissions" || path.startsWith("permissions.")) result.permissions.push({ path, message });
    else if ((EXPIRY_PATHS as readonly string[]).includes(path)) result.expiry ??= message;
    else if (path === "name" || path === "description" || path === "graceSeconds") result[path] ??= message;
    else result.alert ??= `${path ? `${path} ` : ""}${message}`;
  }
  if (errors.length === 0) result.alert = problem.detail;
  return result;
}

export function issuesToErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): TokenFormErrors {
  return tokenFormErrors({
    detail: "Check the form.",
    errors: issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  });
}
