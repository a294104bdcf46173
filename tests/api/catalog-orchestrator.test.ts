import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { catalogSnapshot, seedApp, seedProject, userWithGrants } from "../helpers/catalog-fixtures";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// Devtron's "create application" (POST /orchestrator/app) as a Devtron script calls it:
// { appName, teamId, description, labels } in, the { code, status, result | errors }
// envelope out, with honest HTTP statuses.

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let viewer: ReturnType<typeof client>;
let projectAdmin: ReturnType<typeof client>;
let teamId: number;
let otherTeamId: number;
const ADMIN_EMAIL = "orch-admin@example.com";

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: ADMIN_EMAIL, superAdmin: true });
  admin = client(server, await sessionCookieFor(user.id));
  const team = await seedProject(db, "orch-team");
  const other = await seedProject(db, "orch-other");
  teamId = team.id;
  otherTeamId = other.id;
  await seedApp(db, team.id, "orch-existing");
  const view = await userWithGrants(
    db,
    [{ entity: "devtron-app", project: "orch-team", environments: [], apps: [], role: "view" }],
    "orch-viewer@example.com",
  );
  viewer = client(server, await sessionCookieFor(view.id));
  const pa = await userWithGrants(
    db,
    [{ entity: "devtron-app", project: "orch-team", environments: [], apps: [], role: "manager" }],
    "orch-manager@example.com",
  );
  projectAdmin = client(server, await sessionCookieFor(pa.id));
});
afterAll(() => server.close());

/** Devtron's error envelope: one entry per field error, or one for the whole failure. */
function errorEnvelope(code: number, status: string, errors: { code: string; internalMessage: string; userMessage: string }[]) {
  return { code, status, errors };
}

describe("POST /orchestrator/app", () => {
  it("creates an app as a super admin (200 envelope) that /api/v1/apps then lists", async () => {
    const res = await admin("POST", "/orchestrator/app", {
      appName: "orch-created",
      teamId,
      description: "made by a Devtron script",
      labels: [
        { key: "team", value: "payments", propagate: true },
        { key: "tier", value: "1" },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      code: 200,
      status: "OK",
      result: {
        id: expect.any(Number),
        appName: "orch-created",
        teamId,
        description: "made by a Devtron script",
        labels: [
          { key: "team", value: "payments", propagate: true },
          { key: "tier", value: "1", propagate: false },
        ],
        active: true,
        createdBy: ADMIN_EMAIL,
      },
    });
    const id = (res.body.result as { id: number }).id;

    const listed = await admin("GET", "/api/v1/apps?q=orch-created");
    expect(listed.body).toMatchObject({ total: 1 });
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        id,
        name: "orch-created",
        project: "orch-team",
        projectId: teamId,
        description: "made by a Devtron script",
      }),
    ]);
    const event = await db.auditEvent.findFirst({ where: { action: "app.created", targetId: id } });
    expect(event).toMatchObject({
      actorName: ADMIN_EMAIL,
      targetType: "app",
      details: { name: "orch-created", project: "orch-team", via: "orchestrator" },
    });
  });

  it("accepts what Devtron scripts send: null labels, no description, extra fields", async () => {
    const res = await admin("POST", "/orchestrator/app", { appName: "orch-minimal", teamId, labels: null, templateId: 0, appType: 0 });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ appName: "orch-minimal", teamId, description: "", labels: [] });
  });

  it("lets a manager of the project create there, but not in another project", async () => {
    const ok = await projectAdmin("POST", "/orchestrator/app", { appName: "orch-by-manager", teamId });
    expect(ok.status).toBe(200);
    expect(ok.body.result).toMatchObject({ appName: "orch-by-manager", teamId, createdBy: "orch-manager@example.com" });
    const before = await catalogSnapshot(db);
    const refused = await projectAdmin("POST", "/orchestrator/app", { appName: "orch-elsewhere", teamId: otherTeamId });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 403, status: "Forbidden" });
    expect(await catalogSnapshot(db)).toEqual(before);
  });

  const forbiddenMessage = "Creating apps in project orch-team needs the admin or manager role on the whole project.";
  const bad: [string, "admin" | "viewer" | "anon", unknown, number, ReturnType<typeof errorEnvelope>][] = [
    [
      "a duplicate appName",
      "admin",
      { appName: "orch-existing", teamId: 0 },
      409,
      errorEnvelope(409, "Conflict", [
        { code: "conflict", internalMessage: "appName: is already used", userMessage: "appName is already used" },
      ]),
    ],
    [
      "an unknown teamId",
      "admin",
      { appName: "orch-orphan", teamId: 99999 },
      400,
      errorEnvelope(400, "Bad Request", [
        {
          code: "validation_failed",
          internalMessage: "teamId: no project (team) with id 99999",
          userMessage: "teamId no project (team) with id 99999",
        },
      ]),
    ],
    [
      "a teamId sent as a string",
      "admin",
      { appName: "orch-string-team", teamId: "1" },
      400,
      errorEnvelope(400, "Bad Request", [
        {
          code: "validation_failed",
          internalMessage: "teamId: must be the id of a project (an integer)",
          userMessage: "teamId must be the id of a project (an integer)",
        },
      ]),
    ],
    [
      "a missing teamId",
      "admin",
      { appName: "orch-no-team" },
      400,
      errorEnvelope(400, "Bad Request", [
        {
          code: "validation_failed",
          internalMessage: "teamId: must be the id of a project (an integer)",
          userMessage: "teamId must be the id of a project (an integer)",
        },
      ]),
    ],
    [
      "a view-only user",
      "viewer",
      { appName: "orch-viewer-app", teamId: 0 },
      403,
      errorEnvelope(403, "Forbidden", [{ code: "forbidden", internalMessage: forbiddenMessage, userMessage: forbiddenMessage }]),
    ],
    [
      "an appName with uppercase and underscore",
      "admin",
      { appName: "Orch_App", teamId: 0 },
      400,
      errorEnvelope(400, "Bad Request", [
        {
          code: "validation_failed",
          internalMessage: "appName: must use only lowercase letters, digits and hyphens",
          userMessage: "appName must use only lowercase letters, digits and hyphens",
        },
        {
          code: "validation_failed",
          internalMessage: "appName: must start with a lowercase letter",
          userMessage: "appName must start with a lowercase letter",
        },
      ]),
    ],
    [
      "an appName of 31 characters",
      "admin",
      { appName: "o".repeat(31), teamId: 0 },
      400,
      errorEnvelope(400, "Bad Request", [
        {
          code: "validation_failed",
          internalMessage: "appName: must be at most 30 characters",
          userMessage: "appName must be at most 30 characters",
        },
      ]),
    ],
    [
      "a missing appName",
      "admin",
      { teamId: 0 },
      400,
      errorEnvelope(400, "Bad Request", [
        { code: "validation_failed", internalMessage: "appName: is required", userMessage: "appName is required" },
      ]),
    ],
    [
      "a label without a value",
      "admin",
      { appName: "orch-label", teamId: 0, labels: [{ key: "team" }] },
      400,
      errorEnvelope(400, "Bad Request", [
        { code: "validation_failed", internalMessage: "labels.0.value: is required", userMessage: "labels.0.value is required" },
      ]),
    ],
    [
      "malformed JSON",
      "admin",
      "{appName:",
      400,
      errorEnvelope(400, "Bad Request", [
        {
          code: "invalid_json",
          internalMessage: "The request body is not valid JSON.",
          userMessage: "The request body is not valid JSON.",
        },
      ]),
    ],
    [
      "an empty body",
      "admin",
      "",
      400,
      errorEnvelope(400, "Bad Request", [
        {
          code: "invalid_json",
          internalMessage: "The request body is empty; send a JSON object.",
          userMessage: "The request body is empty; send a JSON object.",
        },
      ]),
    ],
    [
      "no credentials",
      "anon",
      { appName: "orch-anon", teamId: 0 },
      401,
      errorEnvelope(401, "Unauthorized", [
        {
          code: "unauthorized",
          internalMessage: "Send an API token in the token header.",
          userMessage: "Send an API token in the token header.",
        },
      ]),
    ],
  ];

  it.each(bad)("refuses %s with the matching envelope and changes nothing", async (_name, who, body, status, expected) => {
    const caller = who === "anon" ? client(server) : who === "viewer" ? viewer : admin;
    // teamId 0 stands for the seeded team (its id is only known at run time).
    const sent = body && typeof body === "object" && (body as { teamId?: unknown }).teamId === 0 ? { ...body, teamId } : body;
    const before = await catalogSnapshot(db);
    const res = await caller("POST", "/orchestrator/app", sent);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body).toEqual(expected);
    expect(await catalogSnapshot(db)).toEqual(before);
  });

  it("refuses a session cookie request from another site (403 envelope)", async () => {
    const before = await catalogSnapshot(db);
    const res = await admin(
      "POST",
      "/orchestrator/app",
      { appName: "orch-csrf", teamId },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 403, status: "Forbidden", errors: [expect.objectContaining({ code: "forbidden" })] });
    expect(await catalogSnapshot(db)).toEqual(before);
  });

  it("works with an API token in Devtron's token header, as a Devtron script would call it", async () => {
    const created = await admin("POST", "/api/v1/tokens", { name: "orch-script", expiresInDays: 7, permissions: { superAdmin: true } });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    const script = client(server);
    const res = await script("POST", "/orchestrator/app", { appName: "orch-by-token", teamId }, { token: secret });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ appName: "orch-by-token", teamId, createdBy: "API-TOKEN:orch-script" });
    const bad = await script("POST", "/orchestrator/app", { appName: "orch-bad-token", teamId }, { token: "tsr_notavalidtoken" });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 401, status: "Unauthorized" });
  });
});
