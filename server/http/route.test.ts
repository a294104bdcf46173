import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { NO_PERMISSIONS } from "@/lib/permissions/schema";
import { useFreshDatabase } from "@/tests/helpers/db";
import { SYSTEM_ACTOR } from "../auth/principal";
import { createToken } from "../tokens/tokens";
import { declarationOf, reply } from "./declaration";
import { methods } from "./methods";
import { orchestratorRoute } from "./orchestrator";
import { route } from "./route";

// The wrappers do what a route declares: they read the path ids, the query and the body with
// the declared schemas before the handler runs, answer with the declared status, and send
// only answers that fit the response schema exactly — anything else is a bug, answered with
// a bare 500 and logged with the route and the field. Most routes here read no credentials;
// the Devtron one authenticates a real token. The API suites run every real route this way.

const item = z.object({ id: z.number().int(), name: z.string() });
const base = { tag: "Test", summary: "test", access: "public", authenticate: false } as const;
const call = (handler: (req: Request, ctx?: never) => Promise<Response>, path: string, init: RequestInit = {}, params = {}) =>
  handler(new Request(`http://localhost${path}`, init), { params: Promise.resolve(params) } as never);

let logged: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  logged = [];
});
function captureLog() {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
  });
}

describe("answers checked against the response schema", () => {
  it("sends an answer that fits, with the declared status and no-store when it carries a secret", async () => {
    const handler = route({ ...base, path: "/t", response: item, status: 201, noStore: true }, async () => ({ id: 1, name: "a" }));
    const res = await call(handler, "/t", { method: "POST" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ id: 1, name: "a" });
  });

  it.each([
    ["a field the schema does not name", { id: 1, name: "a", secretHash: "9f8e" }, "secretHash is not in the schema"],
    ["a nested one", [{ id: 1, name: "a", secretHash: "9f8e" }], "0.secretHash is not in the schema"],
    ["a missing field", { id: 1 }, "name "],
    ["a field of the wrong type", { id: "1", name: "a" }, "id "],
  ])("fails loudly on %s: 500 internal, nothing in the body, the route and field in the log", async (_case, answer, field) => {
    captureLog();
    const schema = Array.isArray(answer) ? z.array(item) : item;
    const handler = route({ ...base, path: "/t", response: schema }, async () => answer as never);
    const res = await call(handler, "/t");
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ code: "internal", status: 500 });
    expect(body).not.toContain("9f8e");
    expect(logged.join("\n")).toContain("GET /t answered outside its response schema");
    expect(logged.join("\n")).toContain(field);
  });

  it("refuses an answer the schema would have to complete or rewrite", async () => {
    captureLog();
    const withDefault = route({ ...base, path: "/d", response: item.extend({ tags: z.array(z.string()).default([]) }) }, async () => ({
      id: 1,
      name: "a",
    }));
    const trimmed = route({ ...base, path: "/r", response: z.object({ name: z.string().trim() }) }, async () => ({ name: " a " }));
    expect((await call(withDefault, "/d")).status).toBe(500);
    expect((await call(trimmed, "/r")).status).toBe(500);
    expect(logged.join("\n")).toMatch(/tags is missing[\s\S]*name is rewritten/);
  });

  it("checks a reply() with another status the same way", async () => {
    captureLog();
    const health = z.object({ status: z.enum(["ok", "unavailable"]) });
    const down = route({ ...base, path: "/h", response: health }, async () => reply(503, { status: "unavailable" as const }));
    const wrong = route({ ...base, path: "/h", response: health }, async () => reply(503, { status: "down" } as never));
    const res = await call(down, "/h");
    expect([res.status, await res.json()]).toEqual([503, { status: "unavailable" }]);
    expect((await call(wrong, "/h")).status).toBe(500);
  });

  it("answers 204 with no body when the declaration has no response", async () => {
    const handler = route({ ...base, path: "/n", response: null }, async () => {});
    const res = await call(handler, "/n", { method: "DELETE" });
    expect([res.status, await res.text()]).toEqual([204, ""]);
  });

  it("checks the result inside Devtron's envelope, and fails in the envelope", async () => {
    await useFreshDatabase();
    const { secret } = await createToken({ name: "route-test", description: "", permissions: NO_PERMISSIONS }, SYSTEM_ACTOR);
    captureLog();
    const devtron = { tag: "Test", summary: "test", access: "principal", path: "/orchestrator/t", response: item } as const;
    const ok = orchestratorRoute(devtron, async () => ({ id: 1, name: "a" }));
    const leaky = orchestratorRoute(devtron, async () => ({ id: 1, name: "a", secretHash: "9f8e" }) as never);
    const headers = { token: secret };
    expect(declarationOf(ok)).toMatchObject({ devtron: true, path: "/orchestrator/t" });
    const res = await call(ok, "/orchestrator/t", { headers });
    expect([res.status, await res.json()]).toEqual([200, { code: 200, status: "OK", result: { id: 1, name: "a" } }]);
    const failed = await call(leaky, "/orchestrator/t", { headers });
    const body = await failed.text();
    expect(failed.status).toBe(500);
    expect(JSON.parse(body)).toMatchObject({ code: 500, errors: [{ code: "internal" }] });
    expect(body).not.toContain("9f8e");
    expect(logged.join("\n")).toContain("GET /orchestrator/t answered outside its response schema: secretHash is not in the schema");
  });
});

describe("input read from the declaration", () => {
  const body = z.strictObject({ name: z.string().min(2) });
  const query = z.object({ size: z.coerce.number().int().max(10).default(5) });

  it("hands the handler typed path ids, query and body", async () => {
    const handler = route(
      { ...base, path: "/t/{id}", query, body, response: z.object({ id: z.number(), size: z.number(), name: z.string() }) },
      async (ctx) => ({
        id: ctx.id,
        size: ctx.query.size,
        name: ctx.body.name,
      }),
    );
    const res = await call(handler, "/t/7?size=3", { method: "POST", body: JSON.stringify({ name: "ab" }) }, { id: "7" });
    expect(await res.json()).toEqual({ id: 7, size: 3, name: "ab" });
  });

  it("reads the path id first, then the query, then the body, each refused in the surface's format", async () => {
    const handler = route({ ...base, path: "/t/{id}", query, body, response: null }, async () => {});
    const send = (id: string, q: string, b: string) => call(handler, `/t/${id}?${q}`, { method: "POST", body: b }, { id });
    expect(await (await send("x", "size=99", "{}")).json()).toMatchObject({ status: 400, errors: [{ path: "id" }] });
    expect(await (await send("99999999999", "size=99", "{}")).json()).toMatchObject({ status: 404, code: "not_found" });
    expect(await (await send("1", "size=99", "{}")).json()).toMatchObject({ status: 400, errors: [{ path: "size" }] });
    expect(await (await send("1", "size=2", "{}")).json()).toMatchObject({ status: 400, errors: [{ path: "name" }] });
    expect(await (await send("1", "size=2", "nope")).json()).toMatchObject({ status: 400, code: "invalid_json" });
  });

  it("runs admit() before anything of the request is read", async () => {
    let pulled = false;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const stream = new ReadableStream(
      {
        pull() {
          pulled = true;
          throw new Error("the body must not be read");
        },
      },
      { highWaterMark: 0 },
    );
    const handler = route(
      {
        ...base,
        path: "/t",
        body,
        response: null,
        admit: async () => {
          throw new ApiError("rate_limited", "Slow down.", { retryAfter: 9 });
        },
      },
      async () => {},
    );
    const res = await call(handler, "/t", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect([res.status, res.headers.get("retry-after"), pulled]).toEqual([429, "9", false]);
  });

  it("keeps methods() working: the declaration rides on the exported handler, others get 405 with Allow", async () => {
    const handler = route({ ...base, path: "/t", response: item }, async () => ({ id: 1, name: "a" }));
    const exported = methods({ GET: handler });
    expect(declarationOf(exported.GET)).toMatchObject({ path: "/t", devtron: false });
    expect(declarationOf(exported.POST)).toBeUndefined();
    const refused = await call(exported.POST, "/t", { method: "POST" });
    expect([refused.status, refused.headers.get("allow")]).toEqual([405, "GET, HEAD, OPTIONS"]);
    const head = await call(exported.HEAD, "/t", { method: "HEAD" });
    expect([head.status, await head.text()]).toEqual([200, ""]);
  });
});
