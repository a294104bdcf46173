import { z } from "zod";
import { idNumber, pageQuery } from "./common";
import { tokenStatus, unusedForDays } from "./token";

// One action over many tokens: POST /api/v1/tokens/bulk. The filter is the token list's
// (search, status, unused for N days) plus an optional list of ids; a dry run answers what a
// real run would touch and changes nothing.

export const BULK_ACTIONS = ["delete", "disable", "enable"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * The most tokens one request changes. A real run over a filter matching more is refused
 * (narrow the filter, or repeat the action: each run shrinks what matches); a dry run still
 * counts them all and lists the first this many. Each token gets its own audit and outbox
 * event in one transaction, so this also bounds that transaction.
 */
export const BULK_MAX_TOKENS = 1000;

/** {} matches every live token; each field narrows it (ids: only these, if they match the rest). */
export const bulkFilter = z.strictObject({
  q: pageQuery.shape.q,
  status: tokenStatus.optional(),
  unusedForDays: unusedForDays.optional(),
  ids: z
    .array(idNumber("a token id"), { error: "must be a list of token ids" })
    .max(BULK_MAX_TOKENS, `must list at most ${BULK_MAX_TOKENS} ids`)
    .transform((ids) => [...new Set(ids)])
    .optional(),
});

export const bulkTokensInput = z.strictObject({
  action: z.enum(BULK_ACTIONS, {
    error: (iss) => (iss.input === undefined ? "is required" : `must be one of ${BULK_ACTIONS.join(", ")}`),
  }),
  filter: bulkFilter,
  dryRun: z.boolean({
    error: (iss) => (iss.input === undefined ? "is required: true to see what would change, false to change it" : "must be true or false"),
  }),
});

export const bulkTokensResponse = z.object({
  /** How many tokens the action touches (a dry run: would touch); tokens already in the asked-for state are not counted. */
  matched: z.number().int(),
  /** Those tokens by name, at most BULK_MAX_TOKENS. */
  tokens: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

export type BulkFilter = z.infer<typeof bulkFilter>;
export type BulkTokensInput = z.infer<typeof bulkTokensInput>;
export type BulkTokensResponse = z.infer<typeof bulkTokensResponse>;
