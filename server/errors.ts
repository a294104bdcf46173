import "server-only";
import { ZodError } from "zod";
import { ApiError, type FieldError, withArticle } from "@/lib/errors";
import { ConfigError } from "./config";
import { MigrationError } from "./db/migrate";
import { isDatabaseUnavailable } from "./db/unavailable";

// Anything thrown on the way to a response becomes an ApiError here. Known failures
// keep their meaning; everything else is logged and answered as a bare 500 that says
// nothing about internals (no message, no stack, no SQL).

function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
}

export function validationError(error: ZodError): ApiError {
  const errors = zodFieldErrors(error);
  const first = errors[0];
  const detail = first ? `${first.path === "(body)" ? "The request body" : first.path} ${first.message}` : "Invalid input";
  return new ApiError("validation_failed", errors.length > 1 ? `${detail} (and ${errors.length - 1} more)` : detail, {
    errors,
  });
}

const NOUNS: Record<string, string> = {
  ApiToken: "token",
  User: "user",
  Project: "project",
  Environment: "environment",
  App: "app",
  HelmApp: "Helm app",
  ChartGroup: "chart group",
};

/**
 * A unique index refused a write that the service's own check let through: two
 * requests raced for the same name. Answer as the service would have, field and all.
 */
function uniqueViolation(error: unknown): ApiError {
  const meta = (
    error as { meta?: { modelName?: string; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } } }
  ).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const named = (field: string) => constraint?.fields?.includes(field) || constraint?.index?.includes(`_${field}_`);
  const field = named("email") ? "email" : named("name") ? "name" : null;
  const noun = NOUNS[meta?.modelName ?? ""] ?? "record";
  if (!field) return new ApiError("conflict", `This ${noun} conflicts with one that already exists.`);
  return new ApiError("conflict", `${withArticle(noun)} with this ${field} already exists.`, {
    errors: [{ path: field, message: "is already used" }],
  });
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return validationError(error);
  const code = (error as { code?: unknown })?.code;
  if (code === "P2002") return uniqueViolation(error);
  if (code === "P2025") return new ApiError("not_found", "Not found.");
  if (isDatabaseUnavailable(error)) {
    console.error("[tessera] database unreachable:", (error as Error)?.message);
    return new ApiError("unavailable", "The database cannot be reached. Try again shortly.");
  }
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(`[tessera] ${error.name}: ${error.message}`);
    return new ApiError("unavailable", "Tessera is not configured correctly; the server log says why.");
  }
  console.error("[tessera] unexpected error:", error);
  return new ApiError("internal", "Something went wrong on our side. The server log has the details.");
}
