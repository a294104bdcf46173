import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { startSession } from "@/server/auth/sessions";
import { guardRequest } from "../../scripts/request-guard.mjs";
import { nextScopedRoute } from "./next-route";

// API tests talk real HTTP to the real route handlers: a small Node server maps each
// request onto `app/**/route.ts` the way Next's router does (static segments before
// [param] before [...catchAll]) and passes the Web Request through unchanged. Like
// Next, it appends the peer address to X-Forwarded-For, streams the request body
// rather than reading it first, and answers what Next answers itself before any route
// runs: an empty 400 for methods it does not know, a 500 for TRACE (it cannot build a
// Request for it) and for path segments it cannot percent-decode, and, for methods a
// route module does not export, HEAD from GET, OPTIONS with Allow, or an empty 405.
// In front of it, as in scripts/serve.mjs, runs Tessera's request guard. next-auth's own
// routes (/api/auth/*) run inside Next's request scope, which they need (./next-route.ts).

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;
type Route = { segments: string[]; file: string; rank: number[] };

const APP_DIR = path.resolve(__dirname, "../../app");

function findRoutes(dir: string, prefix: string[] = []): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const seg = entry.name;
      const isGroup = seg.startsWith("(") && seg.endsWith(")");
      routes.push(...findRoutes(path.join(dir, seg), isGroup ? prefix : [...prefix, seg]));
    } else if (entry.name === "route.ts") {
      const rank = prefix.map((s) => (s.startsWith("[[...") ? 3 : s.startsWith("[...") ? 2 : s.startsWith("[") ? 1 : 0));
      routes.push({ segments: prefix, file: path.join(dir, entry.name), rank });
    }
  }
  return routes;
}

function match(route: Route, parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const seg = route.segments[i]!;
    if (seg.startsWith("[[...")) {
      params[seg.slice(5, -2)] = parts.slice(i).map(decodeURIComponent);
      return params;
    }
    if (seg.startsWith("[...")) {
      if (i >= parts.length) return null;
      params[seg.slice(4, -1)] = parts.slice(i).map(decodeURIComponent);
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (seg.startsWith("[")) params[seg.slice(1, -1)] = decodeURIComponent(part);
    else if (seg !== part) return null;
  }
  return parts.length === route.segments.length ? params : null;
}

function compareRank(a: Route, b: Route): number {
  for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
    const d = (a.rank[i] ?? -1) - (b.rank[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

// next/dist/server/web/http.js HTTP_METHODS
const NEXT_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"];

const routes = findRoutes(APP_DIR).sort(compareRank);
const modules = new Map<string, Promise<RouteModule>>();
const needsNextScope = (route: Route) => route.segments[0] === "api" && route.segments[1] === "auth";
const scoped = new Map<string, ReturnType<typeof nextScopedRoute>>();

async function respond(
  route: Route,
  method: string,
  req: IncomingMessage,
  origin: string,
  params: Record<string, string | string[]>,
): Promise<Response> {
  if (!modules.has(route.file)) modules.set(route.file, import(route.file) as Promise<RouteModule>);
  const mod = await modules.get(route.file)!;
  // Next's own app-route module answers methods a route file does not export itself.
  if (needsNextScope(route)) {
    if (!scoped.has(route.file)) scoped.set(route.file, nextScopedRoute(route.file, route.segments, mod));
    return (await scoped.get(route.file)!)(await toRequest(req, origin), params);
  }
  return handlerFor(mod, method)(await toRequest(req, origin), { params: Promise.resolve(params) });
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else if (v !== undefined) headers.set(k, v);
  }
  const peer = req.socket.remoteAddress ?? "127.0.0.1";
  const xff = headers.get("x-forwarded-for");
  headers.set("x-forwarded-for", xff ? `${xff}, ${peer}` : peer);
  // The IncomingMessage itself, as Next passes it (next/dist/server/web/spec-extension/adapters/next-request.js).
  const body = req.method !== "GET" && req.method !== "HEAD" ? (req as unknown as ReadableStream<Uint8Array>) : undefined;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body, duplex: "half" } as RequestInit);
}

/** What a route module answers for a method, with Next's automatic HEAD, OPTIONS and 405 for methods it does not export. */
function handlerFor(mod: RouteModule, method: string): Handler {
  const own = mod[method];
  if (own) return own;
  if (method === "HEAD" && mod.GET) return mod.GET;
  if (method === "OPTIONS") {
    const allow = [...new Set(["OPTIONS", ...NEXT_METHODS.filter((m) => mod[m]), ...(mod.GET ? ["HEAD"] : [])])].sort();
    return async () => new Response(null, { status: 204, headers: { allow: allow.join(", ") } });
  }
  return async () => new Response(null, { status: 405 });
}

async function handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const method = req.method ?? "GET";
  if (!NEXT_METHODS.includes(method)) {
    res.writeHead(["TRACE", "TRACK", "CONNECT"].includes(method) ? 500 : 400).end();
    return;
  }
  const url = new URL(req.url ?? "/", origin);
  // Next redirects a path that is not in normal form (dot segments, `//`, a trailing slash).
  const normal = url.pathname.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");
  if ((req.url ?? "/").split("?")[0] !== normal) {
    res.writeHead(308, { location: normal + url.search }).end();
    return;
  }
  const parts = url.pathname.split("/").filter(Boolean);
  for (const route of routes) {
    let params: Record<string, string | string[]> | null;
    try {
      params = match(route, parts);
    } catch {
      res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
      return;
    }
    if (!params) continue;
    const response = await respond(route, method, req, origin, params);
    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((v, k) => {
      headers[k] = v;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) headers["set-cookie"] = cookies;
    res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  res.writeHead(404).end();
}

export type TestServer = { origin: string; close: () => Promise<void> };

export async function startServer(): Promise<TestServer> {
  let origin = "";
  const server: Server = createServer((req, res) => {
    if (guardRequest(req, res)) return;
    handle(req, res, origin).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(599);
      res.end();
    });
  });
  // The client (fetch) lives in this same process. If a test blocks the event loop for longer
  // than the server's keep-alive timeout (starting a PGlite instance on a loaded machine can),
  // the server may close an idle socket just as the client reuses it: ECONNRESET. Let the client,
  // whose own idle timeout is shorter, be the one that closes idle sockets.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Closing waits for every open connection; the hostile tests leave some half-sent on purpose,
  // and the long keep-alive above keeps idle ones. At the end of a file, end them all.
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { origin, close };
}

/** A session cookie for a user id: a new session row and a JWT naming it, signed like next-auth's own. */
export async function sessionCookieFor(userId: number): Promise<string> {
  const sid = await startSession(userId, { ip: null, userAgent: "vitest" });
  const token = await encode({ token: { sub: String(userId), sid }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

/** fetch() bound to a test server, with JSON and same-origin defaults for a browser-like session. */
export function client(server: TestServer, cookie?: string) {
  return async (method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = {
      method,
      headers: {
        ...(cookie ? { cookie, origin: server.origin } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    };
    const res = await fetch(server.origin + pathname, init);
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, body: json as Record<string, unknown> & { data?: unknown[] } };
  };
}
