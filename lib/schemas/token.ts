import { z } from "zod";
import { queryFromUrl, type RawParams } from "../list-query";
import { permissionsSchema } from "../permissions/schema";
import { MAX_EXPIRES_IN_DAYS } from "../tokens/expiry";
import { ALLOWED_IPS_MAX, parseAllowedIp } from "../tokens/ip-allowlist";
import { decodeTokenCursor, TOKEN_LIST_SORT_FIELDS, type TokenCursor } from "../tokens/list-cursor";
import { TOKENS_DEFAULT_SORT as DEFAULT_SORT } from "../tokens/list-options";
import { description } from "./catalog";
import { pageQuery, pageResponse, type SortOf, sortParam } from "./common";
import { graceQuietSeconds } from "./token-leaks";
import { email } from "./user";

// Token names: 3–50 characters, ^[a-z0-9][a-z0-9_-]*[a-z0-9]$, one message per rule.
export const TOKEN_NAME_MIN = 3;
export const TOKEN_NAME_MAX = 50;
export const tokenName = z
  .string({ error: (iss) => (iss.input === undefined ? "is required" : "must be a string") })
  .min(TOKEN_NAME_MIN, `must be at least ${TOKEN_NAME_MIN} characters`)
  .max(TOKEN_NAME_MAX, `must be at most ${TOKEN_NAME_MAX} characters`)
  .regex(/^[a-z0-9_-]*$/, "must use only lowercase letters, digits, '-' and '_'")
  .regex(/^[a-z0-9]/, "must start with a lowercase letter or digit")
  .regex(/[a-z0-9]$/, "must end with a lowercase letter or digit");

/** The name rule as plain checks, for live feedback in the dashboard. */
export function tokenNameProblems(name: string): string[] {
  const result = tokenName.safeParse(name);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

const expiresInDays = z
  .number({ error: "must be a whole number of days (a JSON number, not a string)" })
  .int("must be a whole number of days")
  .min(1, "must be at least 1")
  .max(MAX_EXPIRES_IN_DAYS, `must be at most ${MAX_EXPIRES_IN_DAYS}`);
const expiresAt = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 time such as 2027-01-31T23:59:59Z, or null for never" })
  .nullable();

const expiry = { expiresInDays: expiresInDays.optional(), expiresAt: expiresAt.optional() };
const notBoth = (v: { expiresInDays?: number; expiresAt?: string | null }) => v.expiresInDays === undefined || v.expiresAt === undefined;
const notBothMessage = { path: ["expiresAt"], message: "send either expiresInDays or expiresAt, not both" };

/**
 * Where requests with the token may come from: addresses and CIDR ranges, [] = anywhere.
 * Answered in canonical form (lib/tokens/ip-allowlist.ts); a bad entry is refused at its index.
 */
export const allowedIps = z
  .array(z.string({ error: "must be an IP address or CIDR range, as a string" }), {
    error: "must be a list of IP addresses and CIDR ranges ([] allows any address)",
  })
  .max(ALLOWED_IPS_MAX, `must list at most ${ALLOWED_IPS_MAX} addresses or ranges`)
  .transform((list, ctx) => {
    const seen = new Map<string, number>();
    for (const [i, entry] of list.entries()) {
      const parsed = parseAllowedIp(entry);
      const first = parsed.ok ? seen.get(parsed.canonical) : undefined;
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: [i], message: parsed.message });
      else if (first !== undefined)
        ctx.addIssue({ code: "custom", path: [i], message: `repeats ${parsed.canonical} (already at position ${first})` });
      else seen.set(parsed.canonical, i);
    }
    return [...seen.keys()];
  });

export const NOTIFY_EMAILS_MAX = 10;
/** Who else is told about the token's expiry and leaks (its creator is already); stored lower-case, without repeats. */
export const notifyEmails = z
  .array(email, { error: "must be a list of email addresses" })
  .max(NOTIFY_EMAILS_MAX, `must list at most ${NOTIFY_EMAILS_MAX} addresses`)
  .transform((list) => [...new Set(list)]);

export const createTokenInput = z
  .strictObject({
    name: tokenName,
    description: description.default(""),
    ...expiry,
    permissions: permissionsSchema,
    notifyEmails: notifyEmails.optional(),
    allowedIps: allowedIps.default([]),
  })
  .refine(notBoth, notBothMessage);

export const updateTokenInput = z.strictObject({
  name: z.never({ error: "cannot be changed; a token keeps its name (create a new token instead)" }).optional(),
  description: description.optional(),
  permissions: permissionsSchema.optional(),
  notifyEmails: notifyEmails.optional(),
  /** true switches the token off (every request with it is refused, 401 token_disabled); false switches it back on, same secret. */
  disabled: z.boolean({ error: "must be true or false" }).optional(),
  allowedIps: allowedIps.optional(),
});

export const GRACE_MAX_SECONDS = 7 * 24 * 60 * 60;
export const regenerateTokenInput = z
  .strictObject({
    ...expiry,
    graceSeconds: z
      .number({ error: "must be a number of seconds" })
      .int("must be a whole number of seconds")
      .min(0, "must be at least 0")
      .max(GRACE_MAX_SECONDS, `must be at most ${GRACE_MAX_SECONDS} (7 days)`)
      .default(0),
    /** End grace early once the old secret has gone unused this long (server/tokens/grace.ts). */
    graceQuietSeconds: graceQuietSeconds.nullable().optional(),
  })
  .refine(notBoth, notBothMessage)
  .refine((input) => !input.graceQuietSeconds || input.graceSeconds > 0, {
    path: ["graceQuietSeconds"],
    message: "needs a grace period (graceSeconds above 0)",
  });

// The token list: GET /api/v1/tokens parses it strictly, the tokens page leniently.
const TOKEN_SORTS = TOKEN_LIST_SORT_FIELDS;
const TOKEN_SORT_VALUES: readonly string[] = [...TOKEN_SORTS, ...TOKEN_SORTS.map((f) => `-${f}`)];

export { TOKEN_PAGE_SIZES } from "../tokens/list-options";
export const TOKENS_DEFAULT_SORT: SortOf<typeof TOKEN_SORTS> = DEFAULT_SORT;
/** active: works now (enabled, not expired); expiring: enabled, expires within 7 days; expired; disabled. */
export const TOKEN_STATUSES = ["active", "expired", "expiring", "disabled"] as const;
export const UNUSED_FOR_DAYS_MAX = 3650;
export const tokenStatus = z.enum(TOKEN_STATUSES, { error: `must be one of ${TOKEN_STATUSES.join(", ")}` });
/** Tokens with no request for at least this many days (counted from creation when never used). */
export const unusedForDays = z
  .number({ error: "must be a whole number of days" })
  .int("must be a whole number of days")
  .min(1, "must be at least 1")
  .max(UNUSED_FOR_DAYS_MAX, `must be at most ${UNUSED_FOR_DAYS_MAX}`);
const CURSOR_PROBLEM = "must be a cursor from this list's nextCursor, prevCursor or lastCursor";
/** A keyset position (lib/tokens/list-cursor.ts); with one, `page` only labels the page. */
export const tokenCursor = z
  .string()
  .max(1000, CURSOR_PROBLEM)
  .transform((text, ctx): TokenCursor => {
    const cursor = decodeTokenCursor(text, TOKEN_SORT_VALUES);
    if (!cursor) ctx.addIssue({ code: "custom", message: CURSOR_PROBLEM });
    return cursor ?? { direction: "end", sort: TOKENS_DEFAULT_SORT, key: null, id: 0 };
  });
export const listTokensQuery = pageQuery
  .extend({
    status: tokenStatus.optional(),
    unusedForDays: z.coerce.number({ error: "must be a whole number of days" }).pipe(unusedForDays).optional(),
    sort: sortParam(TOKEN_SORTS),
    cursor: tokenCursor.optional(),
  })
  .superRefine((query, ctx) => {
    // A cursor that failed its own check is still its raw text here, and already refused.
    if (typeof query.cursor === "object" && query.cursor.sort !== (query.sort ?? TOKENS_DEFAULT_SORT))
      ctx.addIssue({ code: "custom", path: ["cursor"], message: "was made for another sort; drop it or sort as it was made" });
  });
/**
 * The tokens page reads its list from the URL. A cursor counts only past page 1 and under the
 * sort it was made for: filters, searches and sorts reset the page, so they drop it too.
 */
export function tokensQueryFromUrl(params: RawParams): ListTokensQuery {
  const query = queryFromUrl(listTokensQuery, params);
  const keep = query.cursor && query.page > 1 && query.cursor.sort === (query.sort ?? TOKENS_DEFAULT_SORT);
  return keep ? query : { ...query, cursor: undefined };
}

export const tokenResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  preview: z.string(),
  permissions: permissionsSchema,
  expiresAt: z.string().nullable(),
  status: z.enum(["active", "expired"]),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  recentIps: z.array(z.string()),
  notifyEmails: z.array(z.string()),
  disabled: z.boolean(),
  disabledAt: z.string().nullable(),
  /** manual: a person (or a bulk action) disabled it; idle: the idle policy did. */
  disabledReason: z.enum(["manual", "idle"]).nullable(),
  allowedIps: z.array(z.string()),
  version: z.number().int(),
});
/**
 * A page of tokens. `total` is exact up to TOKEN_TOTAL_EXACT_LIMIT and the planner's estimate
 * past it (`totalExact: false`). The cursors read the next, previous and last page by keyset.
 */
export const tokenPageResponse = pageResponse(tokenResponse).extend({
  totalExact: z.boolean(),
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
  lastCursor: z.string(),
});
export type TokenPage = z.infer<typeof tokenPageResponse>;
/** Counting stops here; past it the total is an estimate. */
export const TOKEN_TOTAL_EXACT_LIMIT = 1_000;
export const tokenWithSecretResponse = z.object({ token: tokenResponse, secret: z.string() });

export type CreateTokenInput = z.infer<typeof createTokenInput>;
export type UpdateTokenInput = z.infer<typeof updateTokenInput>;
export type RegenerateTokenInput = z.infer<typeof regenerateTokenInput>;
export type ListTokensQuery = z.infer<typeof listTokensQuery>;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];
/** A token's requests refused by its IP allowlist today (UTC), the most refused addresses first. */
export type RefusalsToday = { total: number; addresses: { ip: string; requests: number; lastAt: string }[]; moreAddresses: number };
export type TokenResponse = z.infer<typeof tokenResponse>;
