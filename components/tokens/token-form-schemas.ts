import { z } from "zod";
import type { Permissions } from "@/lib/permissions/schema";
import { description } from "@/lib/schemas/catalog";
import { createTokenInput, regenerateTokenInput, tokenName, updateTokenInput } from "@/lib/schemas/token";
import { permissionsField } from "../permissions/grant-model";
import { EXPIRY_PATHS, type ExpiryChoice, expiryBody } from "./expiry-choice";

// The token forms' values and how they become the API's bodies. The expiry control holds a
// choice (a preset, a day, never) that the request spells as expiresInDays or expiresAt;
// everything is then checked by the API's own schema from lib/schemas/token.ts. (The bodies
// are typed `unknown` between the two steps: the API's schema is what gives them their type.)

export type GenerateTokenValues = { name: string; description: string; expiry: ExpiryChoice; permissions: Permissions };
export type RegenerateTokenValues = { expiry: ExpiryChoice; graceSeconds: number };
export type EditTokenValues = { description: string; permissions: Permissions; notifyEmails: string[] };

/** The expiry choice as request fields; "Custom" without a day is refused here, naming `subject`. */
function expiryField(subject: string) {
  return z.custom<ExpiryChoice>().transform((choice, ctx) => {
    const body = expiryBody(choice);
    if (!body) ctx.addIssue({ code: "custom", message: `Pick the day ${subject} should expire.` });
    return body ?? {};
  });
}

export const generateTokenSchema = z
  .object({ name: tokenName, description, expiry: expiryField("the token"), permissions: permissionsField })
  .transform(({ expiry, ...rest }): unknown => ({ ...rest, ...expiry }))
  .pipe(createTokenInput);

export const regenerateTokenSchema = z
  .object({ expiry: expiryField("the new token"), graceSeconds: z.number(), graceQuietSeconds: z.number().nullish() })
  .transform(({ expiry, graceSeconds, graceQuietSeconds }): unknown => ({
    ...expiry,
    graceSeconds,
    // Without a grace period there is nothing to end early.
    ...(graceSeconds > 0 && graceQuietSeconds ? { graceQuietSeconds } : {}),
  }))
  .pipe(regenerateTokenInput);

export const editTokenSchema = z
  .object({ description, permissions: permissionsField, notifyEmails: z.array(z.string()) })
  .transform((values): unknown => values)
  .pipe(updateTokenInput);

/** The API reports expiry problems as expiresInDays or expiresAt; the form shows them on its expiry control. */
export const tokenFieldOf = (path: string) => ((EXPIRY_PATHS as readonly string[]).includes(path) ? "expiry" : undefined);
