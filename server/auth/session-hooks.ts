import "server-only";
import { headers } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import { clientIp } from "../client-ip";
import type { SessionMeta } from "./sessions";

// What next-auth's callbacks and events (server/auth/options.ts) need around sessions
// that next-auth does not hand them.

/** Thrown from the jwt callback when a cookie names a session that no longer lets anyone in. */
export class SessionEndedError extends Error {
  constructor() {
    super("The session ended or expired.");
    this.name = "SessionEndedError";
  }
}

/** Where the request that next-auth is answering comes from; callbacks get no request of their own. */
export async function requestMeta(): Promise<SessionMeta> {
  try {
    const h = await headers();
    return { ip: clientIp(h), userAgent: h.get("user-agent") };
  } catch {
    // Outside a request (a script calling the callbacks): nothing to record.
    return { ip: null, userAgent: null };
  }
}

/**
 * next-auth logs every failure of its session endpoint as an error. An ended or expired
 * session is an expected answer there, not a fault, so only that one is kept quiet.
 */
export const sessionLogger: NextAuthOptions["logger"] = {
  error(code, metadata) {
    if (metadata instanceof SessionEndedError) return;
    console.error(`[next-auth][error][${code}]`, metadata);
  },
};
