import { request } from "node:http";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { type Probe, send } from "../helpers/hostile";
import { sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// The exact answers behind the fuzz (tests/api/hostile-input.test.ts), over real HTTP:
// strings PostgreSQL cannot store are 400 with the field's path; ids past int4 are 404 in
// paths and 400 in bodies and queries; every route refuses the methods it lacks with 405
// and Allow, in its surface's format; unknown /orchestrator paths are the envelope's 404;
// bodies over the limit are 413 as soon as that is known, and never read to the end.

let db: Db;
let server: TestServer;
let cookie: string;
let projectId: number;

beforeAll(async () => {
  db = await useFreshDatabase();
  server = await startServer();
  const admin = await makeUser(db, { email: "hostile-admin@example.com", superAdmin: true });
  cookie = await sessionCookieFor(admin.id);
  projectId = (await db.project.create({ data: { name: "hostile" } })).id;
});
afterAll(() => server.close());

type Sent = { status: number; headers: Record<string, string | string[] | undefined>; json: Record<string, unknown> | null; text: string };

async function call(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Sent> {
  const probe: Probe = {
    method,
    path,
    headers: { cookie, origin: server.origin, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body,
    label: path,
  };
  const reply = await send(server.origin, probe);
  const text = reply.body.toString("utf8");
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: reply.status, headers: reply.headers, json, text };
}

const NUL = "must not contain NUL characters (\\u0000)";
const SURROGATE = "must be valid Unicode text (it contains an unpaired surrogate)";
const problem = (status: number, code: string, title: string, detail: string, errors?: { path: string; message: string }[]) => ({
  type: "about:blank",
  title,
  status,
  detail,
  code,
  ...(errors ? { errors } : {}),
});
const invalid = (errors: { path: string; message: string }[]) =>
  problem(
    400,
    "validation_failed",
    "Validation failed",
    `${errors[0]!.path} ${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`,
    errors,
  );

async function rowCounts() {
  return {
    projects: await db.project.count(),
    apps: await db.app.count(),
    tokens: await db.apiToken.count(),
    audit: await db.auditEvent.count(),
  };
}

describe("strings PostgreSQL cannot store are 400 validation_failed with their path, and change nothing", () => {
  const cases: [string, string, string, string, ReturnType<typeof invalid>][] = [
    [
      "a NUL in a free-text field",
      "POST",
      "/api/v1/projects",
      JSON.stringify({ name: "nul-desc", description: "a\u0000b" }),
      invalid([{ path: "description", message: NUL }]),
    ],
    [
      "a lone surrogate in a nested field",
      "POST",
      "/api/v1/apps",
      JSON.stringify({ name: "lone-label", project: "hostile", labels: [{ key: "team", value: "x\ud800" }] }),
      invalid([{ path: "labels.0.value", message: SURROGATE }]),
    ],
    [
      "a NUL in a field name",
      "PATCH",
      "/api/v1/projects/PROJECT",
      JSON.stringify({ "descr\u0000iption": "x" }),
      invalid([{ path: "descr\\u0000iption", message: `has a field name that ${NUL}` }]),
    ],
    [
      "several at once, each named",
      "POST",
      "/api/v1/tokens",
      JSON.stringify({ name: "t\u0000t", description: "\udfff", permissions: { superAdmin: true } }),
      invalid([
        { path: "name", message: NUL },
        { path: "description", message: SURROGATE },
      ]),
    ],
    ["a NUL in a query value", "GET", "/api/v1/tokens?q=%00", "", invalid([{ path: "q", message: NUL }])],
    [
      "a NUL in a query name",
      "GET",
      "/api/v1/apps?pro%00ject=x",
      "",
      invalid([{ path: "pro\\u0000ject", message: `has a field name that ${NUL}` }]),
    ],
  ];

  it.each(cases)("%s", async (_name, method, path, body, expected) => {
    const before = await rowCounts();
    const res = await call(method, path.replace("PROJECT", String(projectId)), body || undefined);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json).toEqual(expected);
    expect(res.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it("on /orchestrator, in Devtron's envelope", async () => {
    const res = await call("POST", "/orchestrator/api-token", JSON.stringify({ name: "lone", description: "\ud800" }));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 400,
      status: "Bad Request",
      errors: [{ code: "validation_failed", internalMessage: `description: ${SURROGATE}`, userMessage: `description ${SURROGATE}` }],
    });
  });

  it("a body that is not UTF-8 is invalid_json, and a BOM is no error", async () => {
    const res = await call("POST", "/api/v1/projects", Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    expect(res.json).toEqual(problem(400, "invalid_json", "Invalid JSON", "The request body is not valid UTF-8."));
    const bom = await call("POST", "/api/v1/projects", `\ufeff${JSON.stringify({ name: "with-bom" })}`);
    expect(bom.status).toBe(201);
  });
});

describe("ids past int4 (2,147,483,647)", () => {
  it("in a path: 404, as any id that names nothing", async () => {
    for (const path of ["/api/v1/projects/2147483648", "/api/v1/users/99999999999999999999999"]) {
      const res = await call("GET", path);
      expect(res.status, path).toBe(404);
      expect(res.json).toMatchObject({ code: "not_found", detail: expect.stringContaining("ids go up to 2147483647") });
    }
    const devtron = await call("DELETE", "/orchestrator/api-token/2147483648");
    expect(devtron.status).toBe(404);
    expect(devtron.json).toMatchObject({ code: 404, errors: [{ code: "not_found" }] });
  });

  it("in a query or a body: 400 naming the field", async () => {
    const max = "must be at most 2147483647";
    expect((await call("GET", "/api/v1/audit-events?tokenId=2147483648")).json).toEqual(invalid([{ path: "tokenId", message: max }]));
    expect((await call("GET", "/api/v1/projects?page=99999999999")).json).toEqual(invalid([{ path: "page", message: max }]));
    const app = await call("POST", "/orchestrator/app", JSON.stringify({ appName: "big-team", teamId: 2 ** 31 }));
    expect(app.status).toBe(400);
    expect(app.json).toMatchObject({ errors: [{ code: "validation_failed", userMessage: `teamId ${max}` }] });
    expect((await call("GET", "/api/v1/audit-events?tokenId=2147483647")).status).toBe(200);
  });
});

describe("methods", () => {
  it("a method a route lacks is 405 problem+json with Allow", async () => {
    const res = await call("PUT", "/api/v1/tokens");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
    expect(res.json).toEqual(
      problem(405, "method_not_allowed", "Method not allowed", "PUT is not supported here. Allowed: GET, HEAD, OPTIONS, POST."),
    );
  });

  it("on /orchestrator, 405 in the envelope", async () => {
    const res = await call("GET", "/orchestrator/app");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("OPTIONS, POST");
    expect(res.json).toEqual({
      code: 405,
      status: "Method Not Allowed",
      errors: [
        {
          code: "method_not_allowed",
          internalMessage: "GET is not supported here. Allowed: OPTIONS, POST.",
          userMessage: "GET is not supported here. Allowed: OPTIONS, POST.",
        },
      ],
    });
  });

  it("TRACE and other methods Next cannot route are refused by the route itself, with its Allow", async () => {
    const trace = await call("TRACE", "/api/v1/tokens/1");
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toBe("GET, HEAD, OPTIONS, PATCH, DELETE");
    expect(trace.json).toMatchObject({ code: "method_not_allowed", detail: expect.stringMatching(/^TRACE is not supported here/) });
    const propfind = await call("PROPFIND", "/orchestrator/api-token");
    expect(propfind.status).toBe(405);
    expect(propfind.json).toMatchObject({ code: 405, errors: [{ code: "method_not_allowed" }] });
  });

  it("OPTIONS answers 204 with Allow; HEAD is GET without the body", async () => {
    const options = await call("OPTIONS", "/api/v1/apps/1/deployments");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
    const head = await call("HEAD", "/api/v1/projects");
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toMatch(/^application\/json/);
    expect(head.text).toBe("");
    const anonymous = await send(server.origin, { method: "HEAD", path: "/api/v1/me", headers: {}, label: "" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});

describe("paths", () => {
  it("unknown /orchestrator paths are the envelope's 404, /orchestrator and /api themselves included", async () => {
    for (const path of ["/orchestrator/nope", "/orchestrator/api-token/1/extra", "/orchestrator"]) {
      const res = await call("POST", path, "{}");
      expect(res.status, path).toBe(404);
      expect(res.json).toMatchObject({ code: 404, status: "Not Found", errors: [{ code: "not_found" }] });
    }
    expect((await call("GET", "/api")).json).toMatchObject({ status: 404, code: "not_found" });
  });

  it("escapes that do not decode are 400 in the surface's format, before any route", async () => {
    expect((await call("GET", "/api/v1/tokens/%zz")).json).toMatchObject({
      status: 400,
      code: "validation_failed",
      errors: [{ path: "(path)" }],
    });
    expect((await call("DELETE", "/orchestrator/api-token/%E0%A4%A")).json).toMatchObject({
      code: 400,
      errors: [{ code: "validation_failed" }],
    });
  });
});

describe("bodies over 256 kB", () => {
  const LIMIT = 256 * 1024;

  it("a declared Content-Length over the limit is 413 at once, before a byte of the body is sent", async () => {
    const answer = await new Promise<{ status: number; json: unknown }>((resolve, reject) => {
      const req = request(`${server.origin}/api/v1/projects`, {
        method: "POST",
        headers: { cookie, origin: server.origin, "content-type": "application/json", "content-length": String(600 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c;
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
          req.destroy();
        });
      });
      req.on("error", reject);
      req.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual(problem(413, "payload_too_large", "Payload too large", "The request body must be at most 256 kB."));
  });

  it("a chunked upload is counted while it streams: 413 at the limit, and the rest is never read", async () => {
    let produced = 0;
    const total = 200 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const upload = new Readable({
      read() {
        if (produced >= total) return this.push(null);
        produced += chunk.length;
        this.push(chunk);
      },
    });
    const answer = await new Promise<{ status: number; json: unknown }>((resolve, reject) => {
      const req = request(`${server.origin}/api/v1/projects`, {
        method: "POST",
        headers: { cookie, origin: server.origin, "content-type": "application/json", "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c;
        });
        res.on("end", () => {
          upload.unpipe(req);
          upload.destroy();
          req.destroy();
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
        });
      });
      req.on("error", reject);
      upload.pipe(req);
    });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ code: "payload_too_large" });
    // What the client got to write is the limit plus what socket buffers held: a few MB, not 200.
    expect(produced).toBeLessThan(32 * 1024 * 1024);
  });

  it("a body at the limit is read and judged on its content", async () => {
    const body = JSON.stringify({ name: "at-limit", description: "x".repeat(LIMIT - 40) });
    const padded = body + " ".repeat(LIMIT - Buffer.byteLength(body));
    expect(Buffer.byteLength(padded)).toBe(LIMIT);
    expect((await call("POST", "/api/v1/projects", padded)).json).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "description" }],
    });
    expect((await call("POST", "/api/v1/projects", `${padded} `)).status).toBe(413);
  });
});
