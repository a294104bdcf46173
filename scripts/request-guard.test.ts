import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/errors";
import { UNROUTABLE_METHOD_HEADER as ROUTES_HEADER } from "@/server/http/methods";
import { answerClientError, guardRequest, UNROUTABLE_METHOD_HEADER } from "./request-guard.mjs";

// The guard in front of Next (scripts/serve.mjs), over real HTTP: what it answers itself,
// in which format, and what it passes on (to a stand-in for Next that echoes what it got).

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (guardRequest(req, res)) return;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ passedOn: true, method: req.method, unroutable: req.headers[UNROUTABLE_METHOD_HEADER] ?? null }));
  });
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; text: string; json: unknown };

function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        text += c;
      });
      res.on("end", () => {
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const BAD_PATH = "has a percent-escape that does not decode to UTF-8 text (write % as %25)";

describe("paths whose percent-escapes do not decode", () => {
  it.each(["/api/v1/tokens/%zz", "/api/v1/tokens/%", "/api/v1/apps/%E0%A4%A/deployments", "/api/%ED%A0%80", "/api/%C0"])(
    "%s is a 400 problem+json naming the path",
    async (path) => {
      const res = await raw("GET", path);
      expect(res.status).toBe(400);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.json).toEqual({
        type: "about:blank",
        title: "Validation failed",
        status: 400,
        detail: `The request path ${BAD_PATH}.`,
        code: "validation_failed",
        errors: [{ path: "(path)", message: BAD_PATH }],
      });
    },
  );

  it("on /orchestrator, Devtron's envelope", async () => {
    const res = await raw("PUT", "/orchestrator/api-token/%zz");
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.json).toEqual({
      code: 400,
      status: "Bad Request",
      errors: [{ code: "validation_failed", internalMessage: `(path): ${BAD_PATH}`, userMessage: `(path) ${BAD_PATH}` }],
    });
  });

  it("on the dashboard, a small HTML page; HEAD gets the status without the page", async () => {
    const res = await raw("GET", "/tokens/%zz");
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.text).toContain(BAD_PATH);
    const head = await raw("HEAD", "/tokens/%zz");
    expect(head.status).toBe(400);
    expect(head.text).toBe("");
  });

  it("an absolute-form request target is read for its path", async () => {
    const res = await raw("GET", "http://example.com/api/v1/tokens/%zz?q=1");
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("escapes that decode, and bad escapes in the query (which is read leniently), pass on", async () => {
    for (const path of ["/api/v1/tokens/%41", "/api/v1/tokens?q=%zz", "/api/v1/tokens/%00", "/tokens?x=%"]) {
      expect((await raw("GET", path)).json, path).toEqual({ passedOn: true, method: "GET", unroutable: null });
    }
  });
});

describe("methods Next cannot route", () => {
  it.each(["TRACE", "PROPFIND", "MKCOL", "PURGE", "M-SEARCH"])(
    "%s on /api and /orchestrator goes on as OPTIONS carrying the method, for the route to refuse with its own Allow",
    async (method) => {
      for (const path of ["/api/v1/tokens", "/orchestrator/app"]) {
        expect((await raw(method, path)).json).toEqual({ passedOn: true, method: "OPTIONS", unroutable: method });
      }
    },
  );

  it("elsewhere it is a 405 page with Allow", async () => {
    const res = await raw("TRACE", "/tokens");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, HEAD");
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
  });

  it("Next's own methods pass on unchanged, and a client cannot claim a method was unroutable", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const res = await raw(method, "/api/v1/tokens", { [UNROUTABLE_METHOD_HEADER]: "TRACE" });
      expect(res.json).toEqual({ passedOn: true, method, unroutable: null });
    }
  });

  it("the header is the one the route helper reads, and the guard's codes are the API's", () => {
    expect(UNROUTABLE_METHOD_HEADER).toBe(ROUTES_HEADER);
    expect(ERROR_CODES.validation_failed.status).toBe(400);
    expect(ERROR_CODES.method_not_allowed.status).toBe(405);
  });
});

/** Bytes straight onto a socket: what Node's HTTP parser itself refuses. */
function sendRaw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (c: string) => {
      text += c;
    });
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
}

describe("requests Node's parser refuses", () => {
  it("headers over Node's limit are a 431 problem+json, not a bare status line", async () => {
    const text = await sendRaw(`GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    const body = JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4));
    expect(body).toMatchObject({ status: 431, code: "headers_too_large", title: ERROR_CODES.headers_too_large.title });
  });

  it("a malformed request line is a 400 problem+json", async () => {
    const text = await sendRaw("GET /api/v1/me HTTP/9.9 nonsense\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toMatch(/content-type: application\/problem\+json/);
    expect(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4))).toMatchObject({ status: 400, code: "validation_failed" });
  });
});
