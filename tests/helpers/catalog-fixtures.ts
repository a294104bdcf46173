import { expect } from "vitest";
import type { Grant } from "@/lib/permissions/schema";
import type { Db } from "@/server/db";
import { makeUser } from "./fixtures";

// Seeding and assertions shared by the catalog API tests (tests/api/catalog-*.test.ts).
// Seeds go straight to the database, so a test arranges exactly the catalog it needs
// without depending on the API it is about to test.

export async function seedProject(db: Db, name: string, description = "") {
  return db.project.create({ data: { name, description } });
}

export async function seedEnvironment(db: Db, name: string, data: { production?: boolean; cluster?: string; namespace?: string } = {}) {
  return db.environment.create({
    data: { name, namespace: data.namespace ?? name, production: data.production ?? false, cluster: data.cluster },
  });
}

export async function seedApp(db: Db, projectId: number, name: string, createdBy = "seed@example.com") {
  return db.app.create({ data: { name, projectId, createdBy } });
}

export async function seedDeployment(db: Db, appId: number, environmentId: number, image = "") {
  return db.deployment.create({ data: { appId, environmentId, image, triggeredBy: "seed@example.com" } });
}

export async function seedHelmApp(
  db: Db,
  projectId: number,
  environmentId: number,
  name: string,
  data: { chart?: string; version?: string; values?: string } = {},
) {
  return db.helmApp.create({
    data: {
      name,
      projectId,
      environmentId,
      chart: data.chart ?? "bitnami/nginx",
      version: data.version ?? "15.0.0",
      values: data.values ?? "",
    },
  });
}

export async function seedChartGroup(db: Db, name: string, charts: { name: string; version: string }[] = []) {
  return db.chartGroup.create({ data: { name, charts } });
}

/** A user holding exactly these grants (written straight to the row, as the brief allows). */
export async function userWithGrants(db: Db, grants: Grant[], email?: string) {
  const user = await makeUser(db, email ? { email } : {});
  return db.user.update({ where: { id: user.id }, data: { grants } });
}

/**
 * Everything a catalog write could touch, for "nothing changed" assertions: every row of
 * every catalog table, the audit log's size, and every user's grants.
 */
export async function catalogSnapshot(db: Db) {
  const byId = { orderBy: { id: "asc" as const } };
  const [projects, environments, apps, deployments, helmApps, chartGroups, users, auditEvents] = await Promise.all([
    db.project.findMany(byId),
    db.environment.findMany(byId),
    db.app.findMany(byId),
    db.deployment.findMany(byId),
    db.helmApp.findMany(byId),
    db.chartGroup.findMany(byId),
    db.user.findMany({ ...byId, select: { id: true, superAdmin: true, grants: true, updatedAt: true } }),
    db.auditEvent.count(),
  ]);
  return { projects, environments, apps, deployments, helmApps, chartGroups, users, auditEvents };
}

const TITLES: Record<number, string> = {
  400: "Validation failed",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
};

type FieldErrors = { path: string; message: string }[];

/**
 * The exact RFC 9457 body. `detail` may be a string (exact) or a RegExp; `errors` is
 * exact when given, and must be absent when `null`.
 */
export function problemBody(status: number, code: string, detail?: string | RegExp, errors?: FieldErrors | null) {
  return {
    type: "about:blank",
    title: code === "invalid_json" ? "Invalid JSON" : TITLES[status],
    status,
    code,
    detail: detail === undefined ? expect.any(String) : typeof detail === "string" ? detail : expect.stringMatching(detail),
    ...(errors ? { errors } : {}),
  };
}

/** A validation_failed problem for one field, with the detail the API derives from it. */
export function fieldProblem(path: string, message: string) {
  return problemBody(400, "validation_failed", `${path} ${message}`, [{ path, message }]);
}

export const isoTime = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
