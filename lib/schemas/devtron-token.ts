import { z } from "zod";
import { description } from "./catalog";
import { tokenName } from "./token";

// Devtron's /orchestrator/api-token field names. expireAtInMs: epoch milliseconds,
// 0 = never; omitted on create = one year (Devtron's default).

const expireAtInMs = z
  .number({ error: "must be epoch milliseconds (0 = never)" })
  .int("must be a whole number of milliseconds")
  .min(0, "must be 0 (never) or a future time in epoch milliseconds");

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

export type DevtronTokenResponse = z.infer<typeof devtronTokenResponse>;
