import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import {
  hostileContentType,
  hostileCookie,
  hostileIdSegment,
  hostileQueryValue,
  hostileRawBody,
  ODD_METHODS,
  type Probe,
  STANDARD_METHODS,
  send,
  violations,
} from "../tests/helpers/hostile";
import { ADMIN_STATE } from "./helpers";

// What happens before and around the routes, against the real production server
// (scripts/serve.mjs in front of Next): methods Next cannot route, escapes it cannot decode,
// unknown paths, odd cookies and oversized bodies. No answer may be a 5xx, and every error
// must be in its surface's format (tests/helpers/hostile.ts). The route-level fuzz is
// tests/api/hostile-input.test.ts.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const RUNS = Number(process.env.E2E_FUZZ_RUNS ?? 1_000);

const PATHS = [
  "/api/health",
  "/api/openapi.json",
  "/api/setup",
  "/api/v1/me",
  "/api/v1/tokens",
  "/api/v1/tokens/{id}",
  "/api/v1/tokens/{id}/regenerate",
  "/api/v1/apps/{id}/deployments",
  "/api/v1/users/{id}",
  "/api/v1/audit-events",
  "/api/v1/no-such-thing/{id}",
  "/api",
  "/api/auth/session",
  "/api/auth/csrf",
  "/api/auth/{id}",
  "/orchestrator/api-token",
  "/orchestrator/api-token/{id}",
  "/orchestrator/app",
  "/orchestrator/no-such-thing/{id}",
  "/orchestrator",
  "/tokens",
  "/tokens/{id}",
  "/login",
  "/docs/api",
  "/no-such-page/{id}",
];

function session(): string {
  const state = JSON.parse(readFileSync(ADMIN_STATE, "utf8")) as { cookies: { name: string; value: string }[] };
  const cookie = state.cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  if (!cookie) throw new Error(`no session cookie in ${ADMIN_STATE}`);
  return `${cookie.name}=${cookie.value}`;
}

const origin = (baseURL: string | undefined) => new URL(baseURL ?? "http://localhost:3100").origin;

async function expectWellFormed(baseURL: string | undefined, probe: Probe) {
  const reply = await send(origin(baseURL), probe);
  expect(violations(probe, reply), `${reply.status} ← ${probe.label}`).toEqual([]);
  return reply;
}

test.describe("router-level hostile input against the production server", () => {
  test("TRACE and other methods Next cannot route are 405 with Allow, in each surface's format", async ({ baseURL }) => {
    for (const method of ["TRACE", "PROPFIND", "PURGE"]) {
      const api = await expectWellFormed(baseURL, { method, path: "/api/v1/tokens", headers: {}, label: `${method} /api/v1/tokens` });
      expect(api.status).toBe(405);
      expect(api.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
      const devtron = await expectWellFormed(baseURL, {
        method,
        path: "/orchestrator/app",
        headers: {},
        label: `${method} /orchestrator/app`,
      });
      expect(devtron.status).toBe(405);
      expect(devtron.headers.allow).toBe("OPTIONS, POST");
      const page = await expectWellFormed(baseURL, { method, path: "/tokens", headers: {}, label: `${method} /tokens` });
      expect(page.status).toBe(405);
    }
    const put = await expectWellFormed(baseURL, { method: "PUT", path: "/api/health", headers: {}, label: "PUT /api/health" });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe("GET, HEAD, OPTIONS");
    const signInGet = await expectWellFormed(baseURL, {
      method: "DELETE",
      path: "/api/auth/session",
      headers: {},
      label: "DELETE session",
    });
    expect(signInGet.status).toBe(405);
    const head = await expectWellFormed(baseURL, { method: "HEAD", path: "/api/auth/session", headers: {}, label: "HEAD session" });
    expect(head.status).toBe(200);
  });

  test("escapes that do not decode are 400, unknown paths 404, each in its surface's format", async ({ baseURL }) => {
    for (const [path, status] of [
      ["/api/v1/tokens/%zz", 400],
      ["/orchestrator/api-token/%E0%A4%A", 400],
      ["/tokens/%zz", 400],
      ["/orchestrator/no-such-thing", 404],
      ["/orchestrator", 404],
      ["/api", 404],
      ["/api/auth/no-such-action", 404],
    ] as const) {
      const reply = await expectWellFormed(baseURL, { method: "GET", path, headers: {}, label: path });
      expect(reply.status, path).toBe(status);
    }
  });

  test("odd cookies are ignored, with or without a session", async ({ baseURL }) => {
    for (const cookie of [
      "a=%zz",
      "next-auth.session-token=%zz",
      "next-auth.session-token.0=x; next-auth.session-token.1=%E0%A4%A",
      "=;=;",
    ]) {
      for (const path of ["/api/v1/me", "/orchestrator/api-token", "/tokens"]) {
        await expectWellFormed(baseURL, { method: "GET", path, headers: { cookie }, label: `${path} cookie=${cookie}` });
        await expectWellFormed(baseURL, {
          method: "GET",
          path,
          headers: { cookie: `${session()}; ${cookie}` },
          label: `${path} session+${cookie}`,
        });
      }
    }
  });

  test("oversized bodies are 413 before they are read, to the API and to next-auth's sign-in alike", async ({ baseURL }) => {
    for (const path of ["/api/auth/callback/credentials", "/api/v1/tokens", "/orchestrator/app"]) {
      const reply = await expectWellFormed(baseURL, {
        method: "POST",
        path,
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: session(), origin: origin(baseURL) },
        body: `email=a&password=${"x".repeat(300 * 1024)}`,
        label: `300 kB to ${path}`,
      });
      expect(reply.status, path).toBe(413);
      const body = JSON.parse(reply.body.toString());
      expect(path.startsWith("/orchestrator") ? body.errors[0].code : body.code).toBe("payload_too_large");
    }
    const chunked = await expectWellFormed(baseURL, {
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=a&password=${"x".repeat(2 * 1024 * 1024)}`,
      chunked: true,
      label: "2 MB chunked sign-in form",
    });
    expect(chunked.status).toBe(413);
  });

  test(`${RUNS} generated router-level requests (seed ${SEED})`, async ({ baseURL }) => {
    test.setTimeout(180_000);
    const cookie = session();
    const arb = fc.record({
      path: fc.constantFrom(...PATHS),
      method: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...STANDARD_METHODS) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_METHODS) },
      ),
      // Never a real row's id: the run must not delete or change what other specs use.
      id: hostileIdSegment.filter((s) => !/^[1-9][0-9]{0,9}$/.test(s) || Number(s) > 2_147_483_647),
      query: fc.option(hostileQueryValue, { nil: undefined }),
      cookie: fc.option(hostileCookie, { nil: undefined }),
      signedIn: fc.boolean(),
      body: fc.option(hostileRawBody, { nil: undefined }),
      contentType: hostileContentType,
    });
    const specs = fc.sample(arb, { seed: SEED, numRuns: RUNS });
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < specs.length) {
        const s = specs[next++]!;
        const path = s.path.replace("{id}", s.id) + (s.query === undefined ? "" : `?q=${s.query}`);
        const cookies = [s.signedIn ? cookie : null, s.cookie].filter(Boolean).join("; ");
        const probe: Probe = {
          method: s.method,
          path,
          headers: {
            ...(cookies ? { cookie: cookies } : {}),
            ...(s.signedIn ? { origin: origin(baseURL) } : {}),
            ...(s.contentType && s.body !== undefined ? { "content-type": s.contentType } : {}),
          },
          body: s.body,
          label: `${s.method} ${path.slice(0, 120)} signedIn=${s.signedIn} cookie=${JSON.stringify(s.cookie?.slice(0, 40))}`,
        };
        try {
          const reply = await send(origin(baseURL), probe);
          const found = violations(probe, reply);
          if (found.length) failures.push(`${reply.status}: ${found.join("; ")} ← ${probe.label}`);
        } catch (error) {
          failures.push(`${(error as Error).message} ← ${probe.label}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(failures.slice(0, 20), `seed ${SEED}: ${failures.length} of ${specs.length} failed`).toEqual([]);
  });
});
