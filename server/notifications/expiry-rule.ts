import "server-only";
import type { TokenResponse } from "@/lib/schemas/token";
import type { Tx } from "../db";
import { getSettings } from "../settings/settings";

// token.expiring and token.expired. Each expiry of each token has notices keyed by
// (token, expiresAt, daysBefore), daysBefore being a reminder threshold or 0 for the
// expiry itself; a notice row is written with its event, so each fires once, on every
// instance together, and a new expiry (a regenerate) arms a fresh set.
//
// The rule: once some thresholds have been crossed, the nearest one (the smallest) is
// due. A token created 5 days before its expiry therefore gets the 7-day reminder once
// and never the 30-day one, and a scheduler that was down across two thresholds sends
// only the nearer. Past the expiry only token.expired is due. One exception: a threshold
// equal to the lifetime a token was just given (a 30-day token and the 30-day reminder)
// is marked as done when the expiry is set (armReminders), so that choosing a preset
// does not earn an immediate "expires in 30 days".

export const DAY_MS = 86_400_000;
/** An expiry further back than this gets no token.expired: an upgrade must not announce every token that expired years ago. */
export const EXPIRED_LOOKBACK_DAYS = 7;

/** The notice due now for this expiry: a threshold in days, 0 for token.expired, or null. */
export function dueNotice(expiresAt: Date, now: Date, reminderDays: readonly number[]): number | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return left > -EXPIRED_LOOKBACK_DAYS * DAY_MS ? 0 : null;
  const crossed = reminderDays.filter((d) => left <= d * DAY_MS);
  return crossed.length > 0 ? Math.min(...crossed) : null;
}

/** How close a token's lifetime must be to a threshold to count as equal to it (the shortest expiry is a minute ahead). */
const SAME_LIFETIME_MS = 60_000;

/** Called where an expiry is set (a token is created or regenerated), inside that transaction. */
export async function armReminders(tx: Tx, token: TokenResponse, now: Date): Promise<void> {
  if (!token.expiresAt) return;
  const expiresAt = new Date(token.expiresAt);
  const lifetime = expiresAt.getTime() - now.getTime();
  const { reminderDays } = await getSettings(tx);
  const same = reminderDays.filter((d) => Math.abs(lifetime - d * DAY_MS) <= SAME_LIFETIME_MS);
  if (same.length === 0) return;
  await tx.tokenExpiryNotice.createMany({
    data: same.map((daysBefore) => ({ tokenId: token.id, expiresAt, daysBefore, createdAt: now })),
    skipDuplicates: true,
  });
}
