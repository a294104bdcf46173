import "server-only";
import { ApiError } from "@/lib/errors";
import { type SetupInput, setupInput } from "@/lib/schemas/user";
import { recordEvent } from "../audit/record";
import { hashPasswordAnonymously } from "../auth/password";
import { SYSTEM_ACTOR } from "../auth/principal";
import { seedDemoData } from "../catalog/seed";
import { ConfigError } from "../config";
import { getDb } from "../db";
import { type LimitPolicy, limiter } from "../limits/rate-limit";
import { toUserResponse, USER_READ } from "../users/users";

// First run: while no user exists, Tessera is open for exactly one thing — creating
// the first super admin. Once a user exists, setup is closed for good.

const SETUP_LOCK = 7_368_001;
const g = globalThis as { __tesseraSetupDone?: boolean };

export async function needsSetup(): Promise<boolean> {
  if (g.__tesseraSetupDone) return false;
  const db = await getDb();
  const done = (await db.user.count()) > 0;
  if (done) g.__tesseraSetupDone = true;
  return !done;
}

/** Setup requests allowed per client IP per window while setup is open. */
export const SETUP_ATTEMPT_LIMIT = 10;
const SETUP_ATTEMPTS: LimitPolicy = { name: "setup:ip", limit: SETUP_ATTEMPT_LIMIT, windowMs: 15 * 60 * 1000 };

function setupClosed(): ApiError {
  return new ApiError("forbidden", "Tessera is already set up. Sign in, or ask a super admin for an account.");
}

/**
 * Admits a setup request before its body is read or any password hashed: 403 once setup
 * is closed (from memory after the first look, so a flood of late requests costs
 * nothing), 429 past the per-IP attempt limit while it is open.
 */
export async function admitSetupAttempt(ip: string): Promise<void> {
  if (!(await needsSetup())) throw setupClosed();
  const { allowed, retryAfter } = await limiter(SETUP_ATTEMPTS).consume(ip);
  if (!allowed) {
    const minutes = Math.ceil(retryAfter / 60);
    throw new ApiError(
      "rate_limited",
      `Too many setup attempts from your address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      {
        retryAfter,
      },
    );
  }
}

export async function completeSetup(
  input: Pick<SetupInput, "email" | "name" | "password"> & { loadDemoData?: boolean },
  ip: string | null,
) {
  // The state first: a hash costs 128 MiB and a quarter of a second, and is wasted once setup is closed.
  if (!(await needsSetup())) throw setupClosed();
  const passwordHash = await hashPasswordAnonymously(input.password);
  const db = await getDb();
  const user = await db.$transaction(async (tx) => {
    // Serialises concurrent first submits: the second one sees the first one's user.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await tx.user.count()) > 0) throw setupClosed();
    const created = await tx.user.create({
      ...USER_READ,
      data: { email: input.email, name: input.name, passwordHash, superAdmin: true },
    });
    await recordEvent(tx, {
      action: "user.created",
      actor: { ...SYSTEM_ACTOR, ip },
      target: { type: "user", id: created.id },
      details: { email: created.email, name: created.name, superAdmin: true, via: "setup" },
    });
    return created;
  });
  g.__tesseraSetupDone = true;
  if (input.loadDemoData) await seedDemoData({ type: "user", id: user.id, name: user.email, ip });
  return toUserResponse(user);
}

/** TESSERA_ADMIN_EMAIL + TESSERA_ADMIN_PASSWORD create the first super admin without the page (Docker, CI). */
export async function bootstrapAdminFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const { TESSERA_ADMIN_EMAIL: email, TESSERA_ADMIN_PASSWORD: password } = env;
  if (!email || !password || !(await needsSetup())) return false;
  const parsed = setupInput.safeParse({ email, name: env.TESSERA_ADMIN_NAME || "Administrator", password, confirmPassword: password });
  if (!parsed.success) {
    throw new ConfigError(
      `TESSERA_ADMIN_EMAIL / TESSERA_ADMIN_PASSWORD are invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  }
  try {
    await completeSetup(parsed.data, null);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === "forbidden") return false;
    throw error;
  }
}
