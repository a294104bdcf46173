// Tessera's production server: Next's request handler behind a plain Node HTTP server
// that appends the connection's peer address to X-Forwarded-For. `next start` only sets
// that header when it is absent, so a client could otherwise name any address it likes
// and walk around the per-IP limits. With the peer appended, the rightmost entry is the
// address this process saw, and entries further left are trusted only as far as
// TESSERA_TRUSTED_PROXIES allows (server/client-ip.ts).
//
// The same file serves the repository's build (`npm start`) and the Docker image, whose
// /app holds only .next/standalone's files plus this folder (Dockerfile). Both run the
// build's own configuration, as standalone's server.js does: .next/required-server-files.json
// holds it serialised, so no next.config.mjs (nor the packages it imports) is needed at
// run time, and `next start`'s warning about standalone output does not apply.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { answerClientError, guardRequest } from "./request-guard.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The server works from the app's root (migrations and the default data folder are found
// from there), so a relative TESSERA_DATA_DIR is resolved against where it was given first.
if (process.env.TESSERA_DATA_DIR) process.env.TESSERA_DATA_DIR = path.resolve(process.env.TESSERA_DATA_DIR);
process.chdir(root);

const serverFiles = path.join(root, ".next", "required-server-files.json");
if (!existsSync(serverFiles)) {
  console.error(`\n[tessera] cannot start: there is no production build in ${root}. Run \`npm run build\` first.\n`);
  process.exit(1);
}
const { config } = JSON.parse(readFileSync(serverFiles, "utf8"));
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME_BIND || "0.0.0.0";
const app = next({ dev: false, dir: root, conf: config, port, hostname: "localhost" });
const handle = app.getRequestHandler();

// The port comes first: preparing runs instrumentation.ts, which opens the database
// (taking the embedded data folder's lock), and a process that cannot serve must not
// touch it. Requests that arrive meanwhile wait. In production Next would run
// instrumentation.ts only on the first request; preparing its inner server runs it now,
// so that a wrong configuration or a data folder in use stops this process at start.
let startApp;
const ready = new Promise((resolve) => {
  startApp = resolve;
}).then(async () => {
  await app.prepare();
  const inner = await app.server.getServer();
  await inner.prepare();
});

const server = createServer(async (req, res) => {
  if (guardRequest(req, res)) return;
  const peer = req.socket.remoteAddress ?? "unknown";
  const sent = req.headers["x-forwarded-for"];
  const chain = Array.isArray(sent) ? sent.join(", ") : sent;
  req.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
  await ready;
  return handle(req, res);
});
// Requests Node's own parser refuses (headers over its 16 kB limit, a malformed request
// line) never reach the handler; answer them in the API's format, not Node's bare status line.
server.on("clientError", answerClientError);
server.once("error", (error) => {
  const why = error.code === "EADDRINUSE" ? "another process uses that port; stop it, or set PORT to a free one" : error.message;
  console.error(`\n[tessera] cannot start: cannot listen on ${hostname}:${port}: ${why}.\n`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  startApp();
  ready.then(
    () => console.log(`Tessera is listening on http://localhost:${port}`),
    (error) => {
      console.error("[tessera] cannot start:", error);
      process.exit(1);
    },
  );
});

// On shutdown, stop taking requests, then let the app finish what it keeps in memory
// (token usage counts) before the process goes.
const stop = async () => {
  server.close();
  const tasks = [...(globalThis.__tesseraShutdown ?? [])];
  const results = await Promise.allSettled(tasks.map((task) => task()));
  for (const r of results) if (r.status === "rejected") console.error("[tessera] shutdown task failed:", r.reason);
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
