import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/errors";
import type { DueWork } from "./scheduler";
import { runDueWork } from "./scheduler";

// The cron route's check and work. Vercel Cron calls the route with
// `Authorization: Bearer <CRON_SECRET>` when the project has a CRON_SECRET; anything else
// (no header, another secret, an API token, no CRON_SECRET configured at all) is one and the
// same 401, so the answer says nothing about how this instance is set up.

const REFUSAL =
  "This endpoint runs the scheduled notification work for Vercel Cron: set CRON_SECRET and send Authorization: Bearer <CRON_SECRET>.";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compared as SHA-256 digests, so neither the length nor any prefix of the secret leaks through timing. */
export function isCronAuthorization(header: string | null, env: NodeJS.ProcessEnv = process.env): boolean {
  const secret = env.CRON_SECRET?.trim();
  if (!secret || header === null) return false;
  return timingSafeEqual(digest(header), digest(`Bearer ${secret}`));
}

/** One bounded round of due work (reminders, fan-out, webhooks, email), for a caller that proved it is the cron. */
export async function runCronWork(authorization: string | null): Promise<DueWork> {
  if (!isCronAuthorization(authorization)) throw new ApiError("unauthorized", REFUSAL);
  return runDueWork();
}
