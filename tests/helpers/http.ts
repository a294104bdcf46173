import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { startSession } from "@/server/auth/sessions";
import { nextScopedRoute } from "./next-route";

// API tests talk real HTTP to the real route handlers: a small Node server maps each
// request onto `app/**/route.ts` the way Next's router does (static segments before
// [param] before [...catchAll]) and passes the Web Request through unchanged. Like
// Next, it appends the peer address to X-Forwarded-For. next-auth's own routes
// (/api/auth/*) run inside Next's request scope, which they need (./next-route.ts).

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
      const rank = prefix.map((s) => (s.startsWith("[...") ? 2 : s.startsWith("[") ? 1 : 0));
      routes.push({ segments: prefix, file: path.join(dir, entry.name), rank });
    }
  }
  return routes;
}

function match(route: Route, parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const seg = route.segments[i]!;
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

const routes = findRoutes(APP_DIR).sort(compareRank);
const modules = new Map<string, Promise<RouteModule>>();
const needsNextScope = (route: Route) => route.segments[0] === "api" && route.segments[1] === "auth";
const scoped = new Map<string, ReturnType<typeof nextScopedRoute>>();

async function respond(route: Route, method: string, req: IncomingMessage, origin: string, params: Record<string, string | string[]>) {
  if (!modules.has(route.file)) modules.set(route.file, import(route.file) as Promise<RouteModule>);
  const mod = await modules.get(route.file)!;
  if (!mod[method]) return null;
  if (needsNextScope(route)) {
    if (!scoped.has(route.file)) scoped.set(route.file, nextScopedRoute(route.file, route.segments, mod));
    return (await scoped.get(route.file)!)(await toRequest(req, origin), params);
  }
  return mod[method](await toRequest(req, origin), { params: Promise.resolve(params) });
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
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body });
}

async function handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const url = new URL(req.url ?? "/", origin);
  const parts = url.pathname.split("/").filter(Boolean);
  for (const route of routes) {
    const params = match(route, parts);
    if (!params) continue;
    const response = await respond(route, req.method ?? "GET", req, origin, params);
    if (!response) {
      res.writeHead(405).end();
      return;
    }
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
    handle(req, res, origin).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(599);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
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
