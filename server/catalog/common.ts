import "server-only";
import { ApiError, fieldError, withArticle } from "@/lib/errors";
import type { Tx } from "../db";

export function notFound(what: string, id: number | string): ApiError {
  return new ApiError("not_found", `No ${what} with ${typeof id === "number" ? "id" : "name"} ${id}.`);
}

export function forbidden(detail: string): ApiError {
  return new ApiError("forbidden", detail);
}

export function duplicate(what: string, name: string, path = "name"): ApiError {
  return new ApiError("conflict", `${withArticle(what)} named ${name} already exists.`, { errors: [{ path, message: "is already used" }] });
}

/** A body field naming a project or environment that does not exist: 400 at that field. */
export async function projectByNameOrThrow(tx: Tx, name: string, path = "project") {
  const project = await tx.project.findUnique({ where: { name } });
  if (!project) throw fieldError(path, `no project named ${name}`);
  return project;
}

export async function environmentByNameOrThrow(tx: Tx, name: string, path = "environment") {
  const env = await tx.environment.findUnique({ where: { name } });
  if (!env) throw fieldError(path, `no environment named ${name}`);
  return env;
}

/** "3 apps (api, web, worker)" — for 409s that name what still uses a thing. */
export function describeUses([one, many]: [string, string], names: string[], total: number): string | null {
  if (total === 0) return null;
  const shown = names.slice(0, 3).join(", ");
  return `${total} ${total === 1 ? one : many} (${shown}${total > names.length || names.length > 3 ? ", …" : ""})`;
}
