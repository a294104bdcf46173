// `npm run bench:auth`: (1) the in-process verify micro-benchmark, then (2) against a
// running production server, alternating rounds of (a) an authenticated read with a
// valid token (GET /api/v1/me) and (b) GET /api/health, at the same concurrency and
// duration; prints requests/s, p50 and p99 for both and the ratio a/b.
//
// Against your own server: BENCH_URL=http://host:port BENCH_TOKEN=tsr_… npm run bench:auth
// Without BENCH_URL it starts the production server on a fresh data folder (run `npm run build` first).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { createBenchToken } from "./bench-token.mjs";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const root = process.cwd();

function micro() {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "bench-verify.ts")], {
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function startServer() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No production build: run `npm run build` first (or set BENCH_URL and BENCH_TOKEN).");
    process.exit(2);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "tessera-bench-"));
  const port = process.env.BENCH_PORT ?? "3200";
  const admin = { email: "bench@tessera.test", password: "bench-password-123" };
  const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    env: {
      ...process.env,
      PORT: port,
      NODE_ENV: "production",
      TESSERA_DATA_DIR: dataDir,
      NEXTAUTH_URL: `http://localhost:${port}`,
      TESSERA_ADMIN_EMAIL: admin.email,
      TESSERA_ADMIN_PASSWORD: admin.password,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {}
    if (i > 120) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, stop, token: await createBenchToken(url, admin) };
}

function round(url, pathname, headers, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const target = new URL(pathname, url);
  const latencies = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = http.get(target, { agent, headers }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - t0);
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  const worker = async () => {
    while (performance.now() < end) await one();
  };
  return Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(() => {
    agent.destroy();
    return { latencies, errors, seconds };
  });
}

function summary(rounds) {
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = rounds.reduce((s, r) => s + r.seconds, 0);
  const q = (p) => all[Math.min(all.length - 1, Math.floor(p * all.length))] ?? NaN;
  return { rps: all.length / seconds, p50: q(0.5), p99: q(0.99), errors: rounds.reduce((s, r) => s + r.errors, 0) };
}

async function main() {
  micro();
  const own = process.env.BENCH_URL ? null : await startServer();
  const url = process.env.BENCH_URL ?? own.url;
  const token = process.env.BENCH_TOKEN ?? own.token;
  try {
    await round(url, "/api/v1/me", { authorization: `Bearer ${token}` }, 1);
    await round(url, "/api/health", {}, 1);
    const a = [];
    const b = [];
    for (let i = 0; i < ROUNDS; i++) {
      a.push(await round(url, "/api/v1/me", { authorization: `Bearer ${token}` }, ROUND_SECONDS));
      b.push(await round(url, "/api/health", {}, ROUND_SECONDS));
    }
    const sa = summary(a);
    const sb = summary(b);
    const line = (name, s) =>
      `  ${name.padEnd(38)} ${s.rps.toFixed(0).padStart(7)} req/s   p50 ${s.p50.toFixed(2).padStart(6)} ms   p99 ${s.p99.toFixed(2).padStart(6)} ms   errors ${s.errors}`;
    console.log(`\nHTTP against ${url}: ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s each, concurrency ${CONCURRENCY}`);
    console.log(line("(a) GET /api/v1/me with a token", sa));
    console.log(line("(b) GET /api/health", sb));
    console.log(`  ratio a/b (requests/s): ${(sa.rps / sb.rps).toFixed(2)}   (target ≥ 0.9)`);
    if (sa.errors || sb.errors) process.exitCode = 1;
  } finally {
    own?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
