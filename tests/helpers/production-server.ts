import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

// The production server (scripts/serve.mjs on a `next build`) as a real process, for
// tests about what an operator sees: start-up refusals, a killed or frozen database.
// Used by Vitest (tests/postgres/) and Playwright (e2e/*.api.ts) alike, so it needs
// nothing but Node.

const ROOT = path.resolve(__dirname, "../..");

export type ProductionServer = {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output: () => string;
  /** Its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Ends it and every process it started. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/** A free TCP port on loopback, unless `fixed` (an operator's chosen port range) names one. */
export async function freePort(fixed?: string): Promise<number> {
  if (fixed) return Number(fixed);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function startProductionServer(port: number, env: Record<string, string>): ProductionServer {
  const base: NodeJS.ProcessEnv = { ...process.env };
  // Only what the caller names picks the database.
  for (const name of ["DATABASE_URL", "TESSERA_DATA_DIR", "TESSERA_TEST_DATABASE_URL"]) delete base[name];
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs")], {
    cwd: ROOT,
    // Its own process group, so that stop() reaches whatever it starts.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...base,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      NEXTAUTH_URL: `http://localhost:${port}`,
      ...env,
    },
  });
  return watchServer(child, `http://localhost:${port}`);
}

/** Waits until GET /api/health answers `status`; fails early if the server exits. */
export async function waitForHealth(server: ProductionServer, status = 200, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`The server exited (${server.child.exitCode}):\n${server.output()}`);
    const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
    if (res?.status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No ${status} from ${server.url}/api/health within ${timeoutMs} ms:\n${server.output()}`);
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in over HTTP as the dashboard's login form does; answers the session cookie header. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; "), origin: url },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: url }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return session;
}

/** Creates a super-admin token through the API; answers its secret. */
export async function createToken(url: string, cookie: string, name: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: url },
    body: JSON.stringify({ name, permissions: { superAdmin: true } }),
  });
  if (res.status !== 201) throw new Error(`Creating token ${name} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { secret: string }).secret;
}

/** A started server process as a ProductionServer: its output collected, its exit awaited, stop() for its process group. */
export function watchServer(child: ChildProcess, url: string): ProductionServer {
  let text = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    text += chunk;
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    text += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    url,
    child,
    output: () => text,
    exited,
    stop: async (signal = "SIGKILL") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        return;
      }
      await exited;
    },
  };
}
