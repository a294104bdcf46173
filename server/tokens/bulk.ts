import "server-only";
import { fieldError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BULK_MAX_TOKENS, type BulkAction, type BulkTokensInput, type BulkTokensResponse } from "@/lib/schemas/token-bulk";
import { recordEvent } from "../audit/record";
import type { Actor } from "../auth/principal";
import { getDb } from "../db";
import { emitEvent } from "../notifications/events";
import { tokenWhere } from "./token-filter";
import { PUBLIC_FIELDS, recordSwitch, switchedColumns, toTokenResponse } from "./tokens";

// Disable, enable or delete every token a filter matches, in one transaction with one audit
// event and one outbox event per token, exactly as one-by-one changes would write them. A
// dry run reads the same rows and changes nothing. Tokens already in the asked-for state
// (disabling a disabled token) are not matched: what is listed is what changes.

/** The tokens the action would change: the filter's, less those it would leave as they are. */
function actionWhere(input: BulkTokensInput, now: Date): Prisma.ApiTokenWhereInput {
  const applies: Record<BulkAction, Prisma.ApiTokenWhereInput> = {
    delete: {},
    disable: { disabledAt: null },
    enable: { disabledAt: { not: null } },
  };
  return { AND: [tokenWhere(input.filter, now), applies[input.action]] };
}

const BY_NAME = [{ name: "asc" }, { id: "asc" }] satisfies Prisma.ApiTokenOrderByWithRelationInput[];

export async function bulkTokens(input: BulkTokensInput, actor: Actor, now = new Date()): Promise<BulkTokensResponse> {
  const db = await getDb();
  const where = actionWhere(input, now);
  if (input.dryRun) {
    const [matched, tokens] = await Promise.all([
      db.apiToken.count({ where }),
      db.apiToken.findMany({ where, select: { id: true, name: true }, orderBy: BY_NAME, take: BULK_MAX_TOKENS }),
    ]);
    return { matched, tokens };
  }
  return db.$transaction(async (tx) => {
    const matched = await tx.apiToken.count({ where });
    if (matched > BULK_MAX_TOKENS) {
      throw fieldError(
        "filter",
        `matches ${matched} tokens, and one request changes at most ${BULK_MAX_TOKENS}: narrow the filter, or repeat the action until nothing matches`,
      );
    }
    // The update re-checks the filter row by row under its lock, so a token another request
    // changed meanwhile is not changed (or recorded) twice.
    const changed = await tx.apiToken.updateManyAndReturn({
      where,
      data: { ...changeOf(input.action, now), updatedBy: actor.name },
      select: PUBLIC_FIELDS,
    });
    changed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
    for (const token of changed) {
      if (input.action === "delete") {
        await recordEvent(tx, {
          action: "token.deleted",
          actor,
          target: { type: "token", id: token.id },
          details: { name: token.name, bulk: true },
        });
        await emitEvent(tx, "token.deleted", toTokenResponse(token, now), {}, now);
      } else await recordSwitch(tx, token, input.action === "disable" ? "token.disabled" : "token.enabled", actor, now, { bulk: true });
    }
    return { matched: changed.length, tokens: changed.map((t) => ({ id: t.id, name: t.name })) };
  });
}

function changeOf(action: BulkAction, now: Date): Prisma.ApiTokenUpdateManyMutationInput {
  if (action === "delete") return { deletedAt: now, previousHash: null, previousValidUntil: null };
  return switchedColumns(action === "disable", "manual", now);
}
