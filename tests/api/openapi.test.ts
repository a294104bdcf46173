import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DOCUMENTED_ROUTES } from "@/app/documented-routes";
import { declarationOf, pathIdNames } from "@/server/http/declaration";
import { HTTP_METHODS } from "@/server/http/methods";
import { operationsOf } from "@/server/openapi/document";
import { client, startServer, type TestServer } from "../helpers/http";

// The document must describe every /api/v1 and /orchestrator endpoint that exists:
// the route files on disk, and the methods each answers OPTIONS with (every route module
// exports all methods through server/http/methods.ts), are the truth this test compares against.
// It is written from the declarations the route handlers carry, through the list of route
// modules in app/documented-routes.ts, so that list is checked against the files too.

function routeFiles(dir: string, prefix: string[] = []): { path: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return routeFiles(path.join(dir, e.name), [...prefix, e.name]);
    return e.name === "route.ts"
      ? [{ path: `/${prefix.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`, file: path.join(dir, e.name) }]
      : [];
  });
}

const APP = path.resolve(__dirname, "../../app");

/** Route files that declare nothing, because they answer for others: next-auth's, the document itself, the 404 catch-alls. */
const UNDECLARED = ["/api/[[...path]]", "/api/auth/[...nextauth]", "/api/openapi.json", "/orchestrator/[[...path]]"];

type Json = Record<string, unknown> & { properties?: Record<string, Json>; required?: string[] };
const schemaJson = (schema: z.ZodType, io: "input" | "output"): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
};

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

describe("the route declarations and the document", () => {
  it("lists every declared route module in app/documented-routes.ts, each declaring the path it is filed under", async () => {
    const declared = [];
    for (const f of routeFiles(APP)) {
      const mod = (await import(f.file)) as Record<string, unknown>;
      const declarations = HTTP_METHODS.map((m) => declarationOf(mod[m])).filter((d) => d !== undefined);
      const onDisk = f.path.replace(/\/\((\w+)\)/g, "");
      if (declarations.length === 0) {
        expect(UNDECLARED, `${f.file} declares none of its methods`).toContain(onDisk);
        continue;
      }
      declared.push(mod);
      expect(DOCUMENTED_ROUTES, `${f.file} is missing from app/documented-routes.ts`).toContain(mod);
      for (const d of declarations) expect(d.path, f.file).toBe(onDisk);
    }
    expect(new Set(DOCUMENTED_ROUTES).size).toBe(DOCUMENTED_ROUTES.length);
    expect(DOCUMENTED_ROUTES.length).toBe(declared.length);
  });

  it("writes every declared schema, status and access level into the document it serves", async () => {
    const doc = (await client(server)("GET", "/api/openapi.json")).body as { paths: Record<string, Record<string, Json>> };
    const operations = operationsOf(DOCUMENTED_ROUTES);
    expect(operations.length).toBeGreaterThan(40);
    expect(Object.values(doc.paths).flatMap((p) => Object.keys(p)).length).toBe(operations.length);
    for (const op of operations) {
      const where = `${op.method.toUpperCase()} ${op.path}`;
      const o = doc.paths[op.path]?.[op.method] as Json & {
        parameters?: { name: string; in: string; schema: Json }[];
        requestBody?: { content: Record<string, { schema: Json }> };
        responses: Record<string, { content?: Record<string, { schema: Json }> }>;
      };
      expect(o, where).toBeDefined();
      expect([o.summary, o.tags], where).toEqual([op.summary, [op.tag]]);
      expect(o.requestBody?.content["application/json"]?.schema, where).toEqual(op.body ? schemaJson(op.body, "input") : undefined);
      const params = (where: string) => (o.parameters ?? []).filter((p) => p.in === where);
      expect(
        params("path").map((p) => p.name),
        where,
      ).toEqual(pathIdNames(op.path));
      const textParams = op.params ? schemaJson(op.params, "input").properties! : {};
      for (const p of params("path")) expect(p.schema, where).toEqual(textParams[p.name] ?? { type: "integer", minimum: 1 });
      const query = op.query ? schemaJson(op.query, "input").properties! : {};
      expect(Object.fromEntries(params("query").map((p) => [p.name, p.schema])), where).toEqual(query);
      const success = String(op.status ?? (op.response ? 200 : 204));
      const content = o.responses[success]?.content?.[op.contentType ?? "application/json"]?.schema;
      const answered = op.devtron ? (content?.properties as Record<string, Json> | undefined)?.result : content;
      expect(answered, where).toEqual(op.response ? schemaJson(op.response, "output") : undefined);
      for (const status of op.errors ?? []) expect(Object.keys(o.responses), where).toContain(String(status));
      expect(o.security, where).toEqual(op.access === "public" ? [] : undefined);
      expect(String(o.description ?? ""), where).toContain(op.access === "superAdmin" ? "Super admins only" : "");
    }
  });

  it("documents each list's declared sorts, users included", async () => {
    const doc = (await client(server)("GET", "/api/openapi.json")).body;
    const sortOf = (p: string) =>
      (doc.paths as Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }>)[p]!.get.parameters.find(
        (x) => x.name === "sort",
      )?.schema.enum;
    expect(sortOf("/api/v1/users")).toEqual(["email", "name", "createdAt", "-email", "-name", "-createdAt"]);
    expect(sortOf("/api/v1/tokens")).toContain("-lastUsedAt");
  });
});
