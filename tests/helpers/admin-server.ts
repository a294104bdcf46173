import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/server/db";
import { flushUsage } from "@/server/tokens/usage";
import { useFreshDatabase } from "./db";
import { makeUser } from "./fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "./http";

type Client = ReturnType<typeof client>;

/**
 * The frame most HTTP test files share, registered as the file's own beforeAll/afterAll: a
 * fresh database, a real server, a super admin's session client (`admin`) and a client
 * without credentials (`anon`). With `trustedProxies: 1` the X-Forwarded-For entry a test
 * sends is the client address (server/client-ip.ts), and the variable is put back afterwards.
 * Pending usage is written before the server closes, so no flush outlives the file.
 */
export function adminServerPerFile(options: { email?: string; trustedProxies?: number } = {}) {
  let state: { db: Db; server: TestServer; admin: Client; anon: Client } | undefined;
  const savedProxies = process.env.TESSERA_TRUSTED_PROXIES;
  beforeAll(async () => {
    if (options.trustedProxies !== undefined) process.env.TESSERA_TRUSTED_PROXIES = String(options.trustedProxies);
    const db = await useFreshDatabase();
    const server = await startServer();
    const user = await makeUser(db, { email: options.email, superAdmin: true });
    state = { db, server, admin: client(server, await sessionCookieFor(user.id)), anon: client(server) };
  });
  afterAll(async () => {
    await flushUsage();
    await state?.server.close();
    if (savedProxies === undefined) delete process.env.TESSERA_TRUSTED_PROXIES;
    else process.env.TESSERA_TRUSTED_PROXIES = savedProxies;
  });
  const current = () => {
    if (!state) throw new Error("adminServerPerFile(): its beforeAll has not run yet");
    return state;
  };
  return {
    get db() {
      return current().db;
    },
    get server() {
      return current().server;
    },
    admin: (...args: Parameters<Client>) => current().admin(...args),
    anon: (...args: Parameters<Client>) => current().anon(...args),
  };
}
