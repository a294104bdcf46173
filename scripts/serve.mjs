// Tessera's production server: Next's request handler behind a plain Node HTTP server
// that appends the connection's peer address to X-Forwarded-For. `next start` only sets
// that header when it is absent, so a client could otherwise name any address it likes
// and walk around the per-IP limits. With the peer appended, the rightmost entry is the
// address this process saw, and entries further left are trusted only as far as
// TESSERA_TRUSTED_PROXIES allows (server/http/client-ip.ts).
import { createServer } from "node:http";
import next from "next";
import { guardRequest } from "./request-guard.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME_BIND || "0.0.0.0";
const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((req, res) => {
  if (guardRequest(req, res)) return;
  const peer = req.socket.remoteAddress ?? "unknown";
  const sent = req.headers["x-forwarded-for"];
  const chain = Array.isArray(sent) ? sent.join(", ") : sent;
  req.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
  void handle(req, res);
});
server.listen(port, hostname, () => console.log(`Tessera is listening on http://localhost:${port}`));

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
