import "server-only";
import pg, { type ClientConfig } from "pg";
import { onVercel } from "../config";
import { pgDriver } from "./drivers";
import { migrate } from "./migrate";

// Every wait on PostgreSQL is bounded by one limit (TESSERA_DATABASE_TIMEOUT_MS), so a
// frozen server costs a request that limit and then a 503, never a hang:
// - connecting (TCP, TLS, authentication) and waiting for a free pooled connection;
// - each statement, twice over: the server cancels it (statement_timeout) while it can
//   still run, and the client gives up on its own when the server does not answer at
//   all, closing that connection (see limitedClient);
// - an interactive transaction may take twice the limit in all (server/db.ts); one left
//   idle longer than three times the limit, by a client that froze or lost its network,
//   is ended by the server, which releases its locks.

/** What a query that got no answer in time is rejected with. server/db/unavailable.ts reads its code. */
export class DatabaseTimeoutError extends Error {
  readonly code = "ETIMEDOUT";
  constructor(limitMs: number) {
    super(`The database did not answer within ${limitMs} ms; the connection was closed.`);
    this.name = "DatabaseTimeoutError";
  }
}

export function connectionConfig(url: string, limitMs: number): ClientConfig {
  return {
    connectionString: url,
    application_name: "tessera",
    connectionTimeoutMillis: limitMs,
    statement_timeout: limitMs,
    idle_in_transaction_session_timeout: 3 * limitMs,
    keepAlive: true,
  };
}

type Callback = (error: Error | null, result: unknown) => void;
type Query = (...args: unknown[]) => unknown;

/**
 * pg's Client, except that a statement without an answer within `limitMs` closes the
 * connection. pg's own `query_timeout` rejects the promise but keeps the connection
 * with the statement still on the wire, and @prisma/adapter-pg hands a transaction's
 * connection back to the pool without an error, so the next request would queue
 * behind the stuck statement, or run inside the transaction that never ended. Closed,
 * the connection fails everything queued on it at once (a ROLLBACK included) and the
 * pool drops it.
 */
export function limitedClient(limitMs: number) {
  return class LimitedClient extends pg.Client {
    override query(...args: unknown[]): never {
      const query = super.query as unknown as Query;
      // Streams and cursors (objects with submit) are not used by Tessera; they pass as they are.
      if (typeof (args[0] as { submit?: unknown } | undefined)?.submit === "function") return query.apply(this, args) as never;
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        this.end().catch(() => undefined);
      }, limitMs);
      const settle = (error: unknown) => {
        clearTimeout(timer);
        return timedOut && error ? new DatabaseTimeoutError(limitMs) : error;
      };
      const last = args.at(-1);
      if (typeof last === "function") {
        const callback = last as Callback;
        const wrapped: Callback = (error, result) => callback(settle(error) as Error | null, result);
        return query.apply(this, [...args.slice(0, -1), wrapped]) as never;
      }
      return (query.apply(this, args) as Promise<unknown>).then(
        (result) => {
          settle(null);
          return result;
        },
        (error: unknown) => {
          throw settle(error);
        },
      ) as never;
    }
  };
}

/**
 * The connection pool every request uses; see the top of this file for its limits. `max`
 * comes from databasePoolMax() (server/config.ts): 10 for a long-lived server, 5 for a
 * Vercel function. A function closes idle connections sooner (5 s, the figure Vercel
 * advises), so that an instance about to be suspended or discarded does not sit on them.
 */
export function createPool(url: string, limitMs: number, max: number, env: NodeJS.ProcessEnv = process.env): pg.Pool {
  const idleTimeoutMillis = onVercel(env) ? 5_000 : 10_000;
  const pool = new pg.Pool({ ...connectionConfig(url, limitMs), Client: limitedClient(limitMs), max, idleTimeoutMillis });
  pool.on("error", (error) => console.error("[tessera] idle database connection failed:", error.message));
  return pool;
}

/** Applies pending migrations over one connection of its own, under Prisma's advisory lock. */
export async function migratePostgres(url: string, limitMs: number, log?: (line: string) => void): Promise<void> {
  const Client = limitedClient(limitMs);
  const client = new Client(connectionConfig(url, limitMs));
  // A connection that fails after connecting must not throw an unhandled 'error' event.
  client.on("error", () => undefined);
  await client.connect().catch((error: Error) => {
    const reason = error.message === "timeout expired" ? `no answer within ${limitMs} ms` : error.message;
    throw new Error(`Cannot connect to PostgreSQL (${reason})`, { cause: error });
  });
  try {
    await migrate(pgDriver(client), { advisoryLock: true, log });
  } finally {
    await client.end().catch(() => undefined);
  }
}
