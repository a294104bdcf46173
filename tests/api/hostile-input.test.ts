import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DOCUMENTED_ROUTES } from "@/app/documented-routes";
import type { Db } from "@/server/db";
import { openApiDocument } from "@/server/openapi/document";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import {
  hostileContentType,
  hostileCookie,
  hostileIdSegment,
  hostileQueryValue,
  hostileRawBody,
  hostileString,
  mutatedBody,
  ODD_METHODS,
  type Probe,
  percentEncode,
  STANDARD_METHODS,
  send,
  violations,
} from "../helpers/hostile";
import { sessionCookieFor, startServer, type TestServer } from "../helpers/http";

// The fuzz behind "no input gives a 5xx" (docs/security.md): FUZZ_RUNS (10,000 by default)
// generated requests spread over every operation of the OpenAPI document, plus the routes
// it does not list (the document itself, unknown paths). Each request is hostile
// somewhere — NUL bytes and lone surrogates in any string, ids past int32, wrong types,
// escapes that do not decode, odd methods, cookies and content types, oversized bodies —
// and is sent as a super admin (session or token, so it reaches the handlers and the
// database), without credentials, or with a bad token. It fails on any 5xx and on any
// error that is not problem+json on /api or Devtron's envelope on /orchestrator.
//
// Reproducible: the seed is fixed (FUZZ_SEED overrides it) and printed with every failure.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 6);

let db: Db;
let server: TestServer;
let session: string;
let spareSession: string;
let adminSecret: string;
/** A token only DELETE /api/v1/tokens/self is sent with: that route deletes the token it is sent with. */
let selfSecret: string;
const pools: Record<string, number[]> = {};
const savedProxies = process.env.TESSERA_TRUSTED_PROXIES;

let counter = 0;
const uniq = (prefix: string) => `${prefix}${(counter++).toString(36)}`;
const GRANTS = {
  superAdmin: false,
  grants: [
    { entity: "devtron-app", project: "fz-proj", environments: ["fz-env"], apps: [], role: "admin" },
    { entity: "chart-group", groups: [], role: "view" },
  ],
};
const LABELS = [{ key: "team", value: "fuzz", propagate: true }];

/** A valid body per operation that takes one; the fuzz mutates it so that the rest of it still passes. */
const TEMPLATES: Record<string, () => unknown> = {
  "POST /api/setup": () => ({
    email: "x@example.com",
    name: "X",
    password: "long enough password",
    confirmPassword: "long enough password",
  }),
  "POST /api/v1/tokens": () => ({ name: uniq("fz-t"), description: "fuzz", expiresInDays: 30, permissions: GRANTS }),
  "PATCH /api/v1/tokens/{id}": () => ({ description: "fuzz", permissions: GRANTS }),
  "POST /api/v1/tokens/{id}/regenerate": () => ({ expiresInDays: 7, graceSeconds: 60, graceQuietSeconds: 600 }),
  "POST /api/v1/tokens/revoke": () => ({ tokens: [`tsr_${"a".repeat(46)}`, "garbage"] }),
  "POST /api/v1/introspect": () => ({ token: `tsr_${"b".repeat(46)}`, token_type_hint: "api_token" }),
  "POST /api/v1/projects": () => ({ name: uniq("fz-p"), description: "fuzz" }),
  "PATCH /api/v1/projects/{id}": () => ({ description: "fuzz" }),
  "POST /api/v1/environments": () => ({ name: uniq("fz-e"), cluster: "c1", namespace: "ns", production: false, description: "fuzz" }),
  "PATCH /api/v1/environments/{id}": () => ({ description: "fuzz", cluster: "c2", namespace: "ns2", production: true }),
  "POST /api/v1/apps": () => ({ name: uniq("fz-a"), project: "fz-proj", description: "fuzz", labels: LABELS }),
  "PATCH /api/v1/apps/{id}": () => ({ description: "fuzz", labels: LABELS }),
  "POST /api/v1/apps/{id}/deployments": () => ({ environment: "fz-env", image: "nginx:1.27" }),
  "POST /api/v1/helm-apps": () => ({
    name: uniq("fz-h"),
    project: "fz-proj",
    environment: "fz-env",
    chart: "bitnami/redis",
    version: "1.0.0",
    values: "a: 1",
  }),
  "PATCH /api/v1/helm-apps/{id}": () => ({ chart: "bitnami/redis", version: "1.0.1", values: "b: 2" }),
  "POST /api/v1/chart-groups": () => ({ name: uniq("fz-g"), description: "fuzz", charts: [{ name: "redis", version: "1.0.0" }] }),
  "PATCH /api/v1/chart-groups/{id}": () => ({ description: "fuzz", charts: [{ name: "nginx", version: "2.0.0" }] }),
  "POST /api/v1/users": () => ({
    email: `${uniq("fz-u")}@example.com`,
    name: "Fuzz",
    password: "long enough password",
    permissions: GRANTS,
  }),
  "PATCH /api/v1/users/{id}": () => ({ name: "Fuzz", password: "another long password", disabled: false, permissions: GRANTS }),
  "POST /orchestrator/api-token": () => ({ name: uniq("fz-d"), description: "fuzz", expireAtInMs: Date.now() + 86_400_000 }),
  "PUT /orchestrator/api-token/{id}": () => ({ description: "fuzz", expireAtInMs: Date.now() + 2 * 86_400_000 }),
  "POST /orchestrator/app": () => ({ appName: uniq("fz-o"), teamId: pools.projects?.[0] ?? 1, description: "fuzz", labels: LABELS }),
};

type Operation = { path: string; methods: string[]; query: string[] };

/** Every path of the OpenAPI document, and the routes it does not describe. */
function operations(): Operation[] {
  const doc = openApiDocument(DOCUMENTED_ROUTES) as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  };
  const ops = Object.entries(doc.paths).map(([path, byMethod]) => ({
    path,
    methods: Object.keys(byMethod).map((m) => m.toUpperCase()),
    query: [...new Set(Object.values(byMethod).flatMap((o) => (o.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name)))],
  }));
  return [
    ...ops,
    { path: "/api/openapi.json", methods: ["GET"], query: [] },
    { path: "/api/v1/no-such-thing", methods: ["GET"], query: ["q"] },
    { path: "/orchestrator/no-such-thing", methods: ["GET"], query: [] },
  ];
}

const POOL_OF: [RegExp, string][] = [
  [/^\/api\/v1\/tokens\//, "tokens"],
  [/^\/orchestrator\/api-token\//, "tokens"],
  [/^\/api\/v1\/users\//, "users"],
  [/^\/api\/v1\/projects\//, "projects"],
  [/^\/api\/v1\/environments\//, "environments"],
  [/^\/api\/v1\/apps\//, "apps"],
  [/^\/api\/v1\/helm-apps\//, "helmApps"],
  [/^\/api\/v1\/chart-groups\//, "chartGroups"],
];

type Spec = {
  op: Operation;
  method: string;
  id: { pool: number } | { raw: string };
  query: [string, string][];
  body?: string | Buffer;
  chunked: boolean;
  contentType?: string;
  auth: "session" | "token" | "none" | "bad-token";
  cookie?: string;
  forwardedFor?: string;
};

const VALID_QUERY = fc.constantFrom("1", "2", "20", "fz", "name", "-createdAt", "active", "token.created", "fz-proj");

function specFor(op: Operation): fc.Arbitrary<Spec> {
  const bodyFor = (method: string): fc.Arbitrary<string | Buffer | undefined> => {
    const template = TEMPLATES[`${method} ${op.path}`];
    if (!template) return fc.option(hostileRawBody, { freq: 3, nil: undefined });
    return fc.oneof(
      { weight: 6, arbitrary: fc.nat().chain(() => mutatedBody(template())) },
      { weight: 2, arbitrary: hostileRawBody },
      { weight: 1, arbitrary: fc.nat().map(() => JSON.stringify(template())) },
    );
  };
  const queryPair = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...(op.query.length ? op.query : ["q"])), fc.oneof(VALID_QUERY, hostileQueryValue)) },
    { weight: 1, arbitrary: fc.tuple(hostileString.filter((s) => s.length < 40).map(percentEncode), hostileQueryValue) },
  );
  return fc
    .record({
      method: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...op.methods) },
        { weight: 2, arbitrary: fc.constantFrom(...STANDARD_METHODS) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_METHODS) },
      ),
      id: fc.oneof(
        { weight: 3, arbitrary: fc.nat(20).map((pool) => ({ pool })) },
        { weight: 2, arbitrary: hostileIdSegment.map((raw) => ({ raw })) },
      ),
      query: fc.array(queryPair, { maxLength: 4 }),
      chunked: fc.boolean(),
      contentType: fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, { weight: 2, arbitrary: hostileContentType }),
      auth: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom("session" as const, "token" as const) },
        { weight: 2, arbitrary: fc.constantFrom("none" as const, "bad-token" as const) },
      ),
      cookie: fc.option(hostileCookie, { freq: 4, nil: undefined }),
      forwardedFor: fc.option(fc.stringMatching(/^[ -~]{0,40}$/), { freq: 5, nil: undefined }),
    })
    .chain((s) => bodyFor(s.method).map((body) => ({ ...s, op, body })));
}

function toProbe(spec: Spec): Probe {
  const pool = POOL_OF.find(([re]) => re.test(spec.op.path))?.[1];
  const ids = (pool && pools[pool]) || [1];
  const id = "pool" in spec.id ? String(ids[spec.id.pool % ids.length]) : spec.id.raw;
  const query = spec.query.map(([k, v]) => `${k}=${v}`).join("&");
  const path = spec.op.path.replace("{id}", id) + (query ? `?${query}` : "");
  const headers: Record<string, string> = {};
  // Ending the caller's own sessions (DELETE /api/v1/me/sessions) must not end the fuzz's: a spare admin's session goes there.
  const own = /^\/api\/v1\/me\/sessions/.test(spec.op.path) ? spareSession : session;
  const cookies = [spec.auth === "session" ? own : null, spec.cookie].filter(Boolean);
  if (cookies.length) headers.cookie = cookies.join("; ");
  if (spec.auth === "session") headers.origin = server.origin;
  if (spec.auth === "token") headers.token = /^\/api\/v1\/tokens\/self/.test(spec.op.path) ? selfSecret : adminSecret;
  if (spec.auth === "bad-token") headers.authorization = `Bearer tsr_${"x".repeat(46)}`;
  if (spec.contentType && spec.body !== undefined) headers["content-type"] = spec.contentType;
  if (spec.forwardedFor !== undefined) headers["x-forwarded-for"] = spec.forwardedFor;
  const preview = spec.body === undefined ? "" : ` body=${JSON.stringify(spec.body.toString().slice(0, 100))}`;
  return {
    method: spec.method,
    path,
    headers,
    body: spec.body,
    chunked: spec.chunked,
    label: `${spec.method} ${path.slice(0, 120)} auth=${spec.auth}${spec.cookie ? ` cookie=${JSON.stringify(spec.cookie.slice(0, 40))}` : ""}${preview}`,
  };
}

beforeAll(async () => {
  // Forged X-Forwarded-For entries become the client address, and so reach the audit log.
  process.env.TESSERA_TRUSTED_PROXIES = "1";
  db = await useFreshDatabase();
  server = await startServer();
  const admin = await makeUser(db, { email: "fuzz-admin@example.com", superAdmin: true });
  session = await sessionCookieFor(admin.id);
  spareSession = await sessionCookieFor((await makeUser(db, { email: "fuzz-spare-admin@example.com", superAdmin: true })).id);
  const project = await db.project.create({ data: { name: "fz-proj" } });
  const spare = await db.project.create({ data: { name: "fz-spare" } });
  const env = await db.environment.create({ data: { name: "fz-env", namespace: "fz" } });
  const spareEnv = await db.environment.create({ data: { name: "fz-spare-env" } });
  const app = await db.app.create({ data: { name: "fz-app", projectId: project.id, createdBy: "seed" } });
  const helm = await db.helmApp.create({
    data: { name: "fz-helm", projectId: project.id, environmentId: env.id, chart: "bitnami/redis", version: "1.0.0" },
  });
  const group = await db.chartGroup.create({ data: { name: "fz-group" } });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(server.origin + path, {
      method: "POST",
      headers: { cookie: session, origin: server.origin, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return res.json();
  };
  // The fuzz's own credentials must survive it: the admin's token and user are not in the id pools.
  adminSecret = (await post("/api/v1/tokens", { name: "fz-admin", permissions: { superAdmin: true } })).secret;
  selfSecret = (await post("/api/v1/tokens", { name: "fz-self", permissions: { superAdmin: true } })).secret;
  const spareTokens = [];
  for (const name of ["fz-spare-1", "fz-spare-2", "fz-spare-3"])
    spareTokens.push((await post("/api/v1/tokens", { name, permissions: GRANTS })).token.id as number);
  const spareUsers = [];
  for (let i = 0; i < 3; i++) spareUsers.push((await makeUser(db)).id);
  Object.assign(pools, {
    tokens: spareTokens,
    users: spareUsers,
    projects: [project.id, spare.id],
    environments: [env.id, spareEnv.id],
    apps: [app.id],
    helmApps: [helm.id],
    chartGroups: [group.id],
  });
});

afterAll(async () => {
  if (savedProxies === undefined) delete process.env.TESSERA_TRUSTED_PROXIES;
  else process.env.TESSERA_TRUSTED_PROXIES = savedProxies;
  await server?.close();
});

it(`answers ${RUNS} hostile requests over every route without a 5xx, each error in its surface's format (seed ${SEED})`, async () => {
  const ops = operations();
  // Every route gets its share, and the routes take turns.
  const t0 = performance.now();
  const perRoute = Math.ceil(RUNS / ops.length);
  const samples = ops.map((op, i) => fc.sample(specFor(op), { seed: SEED + i, numRuns: perRoute }));
  const sampled = performance.now();
  const balanced = Array.from({ length: perRoute }, (_, k) => samples.map((s) => s[k]!)).flat();
  console.log(`[fuzz] generated in ${Math.round(sampled - t0)} ms`);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let fiveHundreds = 0;
  let next = 0;
  const worker = async () => {
    while (next < balanced.length) {
      const probe = toProbe(balanced[next++]!);
      try {
        const started = performance.now();
        const reply = await send(server.origin, probe);
        const took = performance.now() - started;
        if (process.env.FUZZ_SLOW && took > Number(process.env.FUZZ_SLOW))
          console.log(`[slow] ${Math.round(took)} ms ${reply.status} ${probe.label.slice(0, 200)}`);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.status >= 500) fiveHundreds++;
        const found = violations(probe, reply);
        if (found.length) failures.push(`${reply.status}: ${found.join("; ")} ← ${probe.label}`);
      } catch (error) {
        failures.push(`${(error as Error).message} ← ${probe.label}`);
        if (process.env.FUZZ_SLOW) console.log(`[error] ${(error as Error).message} ${probe.label.slice(0, 300)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const summary = `seed ${SEED}: ${balanced.length} requests, ${fiveHundreds} answered 5xx, ${failures.length} failed; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`;
  console.log(`[fuzz] ${summary}`);
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, `${summary}\n${failures.join("\n")}\n`);
  expect(failures.slice(0, 20), `${summary}\n(FUZZ_SEED=${SEED} reproduces this run)`).toEqual([]);
  expect(balanced.length).toBeGreaterThanOrEqual(RUNS);
}, 300_000);
