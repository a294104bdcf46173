import "server-only";
import { email as emailSchema } from "@/lib/schemas/user";
import { recordEvent } from "../audit/record";
import { getDb, type Tx } from "../db";

// Sign-ins in the audit log, by every method: who, how ("password" or the SSO provider's
// id) and from which address. Never a password or a provider's token.

/** How someone signed in: "password", or an SSO provider's id (oidc, github, gitlab, google). */
export type SignInMethod = string;

export const PASSWORD_METHOD = "password";

/** Why a sign-in was refused (the `reason` of a `sign-in.failed` event). */
export type SignInFailure = "invalid-credentials" | "disabled" | "password-sign-in-off" | "no-verified-email" | "not-registered";

export type SignInAttempt = {
  method: SignInMethod;
  /** What was typed or what the provider said; kept only when it is an email address (see below). */
  email: string | null;
  /** The user the email belongs to, when there is one. */
  userId: number | null;
  ip: string | null;
};

/**
 * Only something shaped like an email address is recorded: people type their password
 * into the email field by mistake, and the audit log must never hold one.
 */
function attemptedEmail(value: string | null): string | null {
  const parsed = emailSchema.safeParse(value ?? "");
  return parsed.success ? parsed.data : null;
}

export async function recordSignInSucceeded(tx: Tx, user: { id: number; email: string }, method: SignInMethod, ip: string | null) {
  await recordEvent(tx, {
    action: "sign-in.succeeded",
    actor: { type: "user", id: user.id, name: user.email, ip },
    target: { type: "user", id: user.id },
    details: { email: user.email, method },
  });
}

/**
 * Records a refused sign-in. The actor is who the attempt claimed to be, never proven, so
 * it carries no id; the target is that user when the email belongs to one. Writes in the
 * caller's transaction, or on its own.
 */
export async function recordSignInFailed(attempt: SignInAttempt, reason: SignInFailure, tx?: Tx): Promise<void> {
  const email = attemptedEmail(attempt.email);
  const write = (t: Tx) =>
    recordEvent(t, {
      action: "sign-in.failed",
      actor: { type: "user", id: null, name: email ?? "unknown", ip: attempt.ip },
      target: { type: "user", id: attempt.userId },
      details: { email, method: attempt.method, reason },
    });
  if (tx) return write(tx);
  await write(await getDb());
}
