import "server-only";
import type { PGliteInterface, Transaction } from "@electric-sql/pglite";
import type { ClientBase } from "pg";
import type { SqlDriver } from "./migrate";

type PGliteLike = Pick<PGliteInterface, "query" | "exec"> & { transaction?: PGliteInterface["transaction"] };

export function pgliteDriver(db: PGliteLike | Transaction): SqlDriver {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    async transaction(fn) {
      if (!("transaction" in db) || !db.transaction) return fn(pgliteDriver(db));
      return db.transaction((tx) => fn(pgliteDriver(tx)));
    },
  };
}

export function pgDriver(client: ClientBase): SqlDriver {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql) {
      await client.query(sql);
    },
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        const result = await fn(pgDriver(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        // A closed connection cannot roll back, and needs not: its transaction died with it.
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
  };
}
