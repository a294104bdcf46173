// The Docker image's HEALTHCHECK: GET /api/health on this container's own server, exit 0
// on 200 and 1 otherwise. Node, not curl: the slim base image has no curl or wget.
const port = process.env.PORT || "3000";
const bound = process.env.HOSTNAME_BIND || "0.0.0.0";
// A server bound to every address answers on loopback; one bound to a single address only there.
const host = bound === "0.0.0.0" || bound === "::" ? "127.0.0.1" : bound.includes(":") ? `[${bound}]` : bound;

try {
  const res = await fetch(`http://${host}:${port}/api/health`, { signal: AbortSignal.timeout(4000) });
  if (res.status !== 200) console.error(`health: ${res.status} ${await res.text()}`);
  process.exit(res.status === 200 ? 0 : 1);
} catch (error) {
  console.error(`health: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
