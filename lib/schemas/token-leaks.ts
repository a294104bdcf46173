import { z } from "zod";

// Leak response: the public revoke endpoint, RFC 7662 introspection, and who still uses the
// old secret of a regenerated token (docs/design.md, "Leak response").

/** The most strings one revoke request may carry. */
export const REVOKE_MAX = 1000;

export const revokeTokensInput = z.strictObject({
  tokens: z
    .array(z.string({ error: "must be a string" }), {
      error: (iss) => (iss.input === undefined ? "is required" : "must be a list of strings"),
    })
    .max(REVOKE_MAX, `must list at most ${REVOKE_MAX} strings; split the report into several requests`),
});
export const revokeTokensResponse = z.object({ received: z.number().int() });

/** A plain-text report: one string per line, blank lines ignored. */
export const revokeTextBody = (text: string) => ({
  tokens: text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== ""),
});

export const introspectInput = z.object({
  token: z.string({ error: (iss) => (iss.input === undefined ? "is required" : "must be a string") }).max(1000, "is too long"),
  /** RFC 7662 lets the caller hint at the kind of token; Tessera has one kind, so the hint changes nothing. */
  token_type_hint: z.string().max(100).optional(),
});

export const introspectResponse = z.union([
  z.object({
    active: z.literal(true),
    /** The token's id, as text (RFC 7662 `sub` is a string). */
    sub: z.string(),
    name: z.string(),
    /** Seconds since the epoch when this secret stops working; absent when it never expires. */
    exp: z.number().int().optional(),
    /** Seconds since the epoch when the token was created. */
    iat: z.number().int(),
    /** `super_admin`, or the grants as space-separated `entity:role:where` strings (docs/integrations.md). */
    scope: z.string(),
    token_type: z.literal("api_token"),
  }),
  z.object({ active: z.literal(false) }),
]);
export type IntrospectResponse = z.infer<typeof introspectResponse>;

/** The quiet period of a regenerate: end grace once the old secret has gone unused this long. */
export const GRACE_QUIET_MIN_SECONDS = 60;
export const graceQuietSeconds = z
  .number({ error: "must be a number of seconds" })
  .int("must be a whole number of seconds")
  .min(GRACE_QUIET_MIN_SECONDS, `must be at least ${GRACE_QUIET_MIN_SECONDS} (1 minute)`)
  .max(7 * 24 * 60 * 60, "must be at most 604800 (7 days)");

export const secretUse = z.object({
  ip: z.string(),
  userAgent: z.string(),
  requests: z.number().int(),
  lastAt: z.string(),
});
export type SecretUse = z.infer<typeof secretUse>;

export const graceResponse = z.object({
  /** When the old secret stops working; null when the token has no old secret in grace. */
  graceUntil: z.string().nullable(),
  /** The quiet period that ends grace early, in seconds; null when none was chosen. */
  quietSeconds: z.number().int().nullable(),
  /** Clients that used the old secret during grace, the most recent first. */
  oldSecret: z.array(secretUse),
  /** Clients that used the new secret during grace, the most recent first. */
  currentSecret: z.array(secretUse),
});
export type GraceResponse = z.infer<typeof graceResponse>;
