import "server-only";

// Whether an error means "the database cannot serve right now" (answered 503
// `unavailable`, retried by the next request) rather than a fault in Tessera. Errors
// arrive from pg, pg-pool, PostgreSQL itself, and Prisma, which wraps the others and
// keeps them under `cause` or `meta.driverAdapterError`; so codes, names and messages
// are all read, several levels deep.

const CODES = new Set([
  // Prisma: cannot reach the server, timed out, operations timed out, connection closed, no pooled connection in time.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // Node sockets (DatabaseTimeoutError in server/db/postgres.ts uses ETIMEDOUT too).
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  // PostgreSQL: shutting down, crashed, starting up, too many connections, statement or
  // lock or idle-in-transaction timeout.
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "57014",
  "55P03",
  "25P03",
]);

const MESSAGES = new RegExp(
  [
    "ECONNREFUSED",
    "Can't reach database",
    // pg and pg-pool: connection lost or never made in time, or closed after a timeout.
    "Connection terminated",
    "connect ETIMEDOUT",
    "timeout expired",
    "timeout exceeded when trying to connect",
    "Query read timeout",
    "is not queryable",
    "did not answer within",
    // PostgreSQL's own limits, when Prisma passes only the message on.
    "canceling statement due to (statement|lock) timeout",
    "idle-in-transaction timeout",
    // Prisma's interactive transactions: no connection within maxWait, or past their timeout.
    "Unable to start a transaction in the given time",
    "expired transaction",
  ].join("|"),
  "i",
);

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 10) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, name, message, cause, meta } = e as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: { cause?: unknown } };
    };
    if (typeof code === "string" && CODES.has(code)) return true;
    if (name === "PrismaClientInitializationError") return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    // A driver error as Prisma keeps it: { kind, originalCode, code, message, … }.
    const adapted = meta?.driverAdapterError?.cause as { originalCode?: unknown } | undefined;
    if (adapted && typeof adapted.originalCode === "string" && CODES.has(adapted.originalCode)) return true;
    queue.push(cause, adapted);
  }
  return false;
}
