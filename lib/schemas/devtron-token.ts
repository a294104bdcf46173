import { z } from "zod";
import { description } from "./catalog";
import { tokenName } from "./token";

// Devtron's /orchestrator/api-token field names. expireAtInMs: epoch milliseconds,
// 0 = never; omitted on create = one year (Devtron's default).

/** 9999-12-31T23:59:59.999Z, the last instant an ISO 8601 time (and so /api/v1's expiresAt) can name. */
export const MAX_EXPIRE_AT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const expireAtInMs = z
  .number({ error: "must be epoch milliseconds (0 = never)" })
  .int("must be a whole number of milliseconds")
  .min(0, "must be 0 (never) or a future time in epoch milliseconds")
  // Beyond this, new Date(ms) is an Invalid Date (a 500 further down); /api/v1's ISO times stop at year 9999 too.
  .max(MAX_EXPIRE_AT_MS, "must be a time before the year 10000, or 0 for never");

export const devtronCreateTokenInput = z.object({
  name: tokenName,
  description: description.default(""),
  expireAtInMs: expireAtInMs.optional(),
});

export const devtronUpdateTokenInput = z.object({
  description: description.optional(),
  expireAtInMs: expireAtInMs.optional(),
});

export const devtronTokenResponse = z.object({
  id: z.number(),
  userId: z.number(),
  userIdentifier: z.string(),
  name: z.string(),
  description: z.string(),
  expireAtInMs: z.number(),
  token: z.literal(""),
  lastUsedAt: z.string(),
  lastUsedByIp: z.string(),
  updatedAt: z.string(),
});

/** What create answers: the secret, once, as `token`. */
export const devtronCreatedTokenResponse = z.object({
  success: z.boolean(),
  token: z.string(),
  userId: z.number(),
  userIdentifier: z.string(),
});
/** What update answers: a new secret when the expiry changed, else "". */
export const devtronUpdatedTokenResponse = z.object({ success: z.boolean(), token: z.string(), hideApiToken: z.boolean() });
export const devtronDeletedResponse = z.object({ success: z.boolean() });

export type DevtronTokenResponse = z.infer<typeof devtronTokenResponse>;
