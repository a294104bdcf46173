import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, startServer, type TestServer } from "../helpers/http";

// The document must describe every /api/v1 and /orchestrator endpoint that exists:
// the route files on disk, and the methods each answers OPTIONS with (every route module
// exports all methods through server/http/methods.ts), are the truth this test compares against.

function routeFiles(dir: string, prefix: string[] = []): { path: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return routeFiles(path.join(dir, e.name), [...prefix, e.name]);
    return e.name === "route.ts"
      ? [{ path: `/${prefix.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`, file: path.join(dir, e.name) }]
      : [];
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("GET /api/openapi.json", () => {
  it("is OpenAPI 3.1 and covers every method of every /api/v1 and /orchestrator route", async () => {
    const res = await client(server)("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    const app = path.resolve(__dirname, "../../app");
    const files = [...routeFiles(path.join(app, "api/v1"), ["api", "v1"]), ...routeFiles(path.join(app, "orchestrator"), ["orchestrator"])];
    expect(files.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const f of files.filter((f) => !f.path.includes("[..."))) {
      const options = await client(server)("OPTIONS", f.path.replace("{id}", "1"));
      expect(options.status, f.path).toBe(204);
      const allowed = (options.headers.get("allow") ?? "").split(", ").filter((m) => m !== "HEAD" && m !== "OPTIONS");
      expect(allowed.length, f.path).toBeGreaterThan(0);
      for (const m of allowed) if (!doc.paths[f.path]?.[m.toLowerCase()]) missing.push(`${m} ${f.path}`);
    }
    expect(missing).toEqual([]);
  });

  it("names the server from NEXTAUTH_URL, never from the request's Host header", async () => {
    const res = await client(server)("GET", "/api/openapi.json", undefined, { host: "evil.example", "x-forwarded-host": "evil.example" });
    expect(res.body.servers).toEqual([{ url: process.env.NEXTAUTH_URL }]);
  });

  it("describes bodies from the routes' zod schemas, and errors as problem+json", async () => {
    const doc = (await client(server)("GET", "/api/openapi.json")).body;
    const at = (...keys: string[]): unknown => keys.reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], doc);
    const create = ["paths", "/api/v1/tokens", "post"];
    const body = [...create, "requestBody", "content", "application/json", "schema"];
    expect(at(...body, "required")).toEqual(expect.arrayContaining(["name", "permissions"]));
    expect(at(...body, "properties", "expiresInDays")).toMatchObject({ type: "integer", minimum: 1, maximum: 3650 });
    expect(at(...body, "properties", "name")).toMatchObject({ minLength: 3, maxLength: 50 });
    const created = [...create, "responses", "201", "content", "application/json", "schema", "properties"];
    expect(at(...created, "secret")).toEqual({ type: "string" });
    expect(Object.keys(at(...created, "token", "properties") as object)).not.toContain("secretHash");
    expect(at(...create, "responses", "409", "content", "application/problem+json", "schema")).toEqual({
      $ref: "#/components/schemas/Problem",
    });
    expect(
      at("paths", "/orchestrator/app", "post", "responses", "200", "content", "application/json", "schema", "properties"),
    ).toHaveProperty("result");
  });
});
