import { decodeTokenCursor, type TokenCursor } from "@/lib/tokens/list-cursor";
import "server-only";
import { renameErrorPaths } from "@/lib/errors";
import { NO_PERMISSIONS } from "@/lib/permissions/schema";
import type { DevtronTokenResponse } from "@/lib/schemas/devtron-token";
import type { TokenResponse } from "@/lib/schemas/token";
import { type Actor, tokenLabel } from "../auth/principal";
import { lifetimeLimit } from "../settings/settings";
import { listTokens } from "./token-list";
import { createToken, getTokenOrThrow, regenerateToken, updateToken } from "./tokens";

// Devtron's API-token surface as a thin adapter over the same services. A token made
// here has no roles until they are set (Devtron sets them with a second call; here it
// is PATCH /api/v1/tokens/{id} or the dashboard).

const ONE_YEAR_DAYS = 365;

/**
 * Devtron knows no disabled tokens, so a disabled one is listed as expired: at the moment it
 * was disabled (or its real expiry, if that came first). Devtron's UI and scripts then treat
 * it as a token that no longer works, which it is until it is enabled.
 */
function listedExpireAtInMs(t: TokenResponse): number {
  const expires = t.expiresAt ? Date.parse(t.expiresAt) : 0;
  if (!t.disabledAt) return expires;
  const disabled = Date.parse(t.disabledAt);
  return expires !== 0 && expires < disabled ? expires : disabled;
}

function toDevtronToken(t: TokenResponse): DevtronTokenResponse {
  return {
    id: t.id,
    userId: t.id,
    userIdentifier: tokenLabel(t.name),
    name: t.name,
    description: t.description,
    expireAtInMs: listedExpireAtInMs(t),
    token: "",
    lastUsedAt: t.lastUsedAt ?? "",
    lastUsedByIp: t.lastUsedIp ?? "",
    updatedAt: t.updatedAt,
  };
}

/** 0 → never; a time → that time; omitted → Devtron's one-year default (or the server's limit, if shorter). */
async function expiryFrom(expireAtInMs: number | undefined) {
  if (expireAtInMs === undefined) return { expiresInDays: Math.min(ONE_YEAR_DAYS, (await lifetimeLimit())?.days ?? ONE_YEAR_DAYS) };
  return { expiresAt: expireAtInMs === 0 ? null : new Date(expireAtInMs).toISOString() };
}

export async function listDevtronTokens(): Promise<DevtronTokenResponse[]> {
  const all: DevtronTokenResponse[] = [];
  // Cursor by cursor: past TOKEN_TOTAL_EXACT_LIMIT the total is only an estimate to stop at.
  for (let cursor: TokenCursor | undefined; ; ) {
    const batch = await listTokens({ page: 1, pageSize: 100, sort: "name", cursor });
    all.push(...batch.data.map(toDevtronToken));
    const next = batch.nextCursor ? decodeTokenCursor(batch.nextCursor, ["name"]) : null;
    if (!next) return all;
    cursor = next;
  }
}

const DEVTRON_FIELDS = { expiresAt: "expireAtInMs", expiresInDays: "expireAtInMs" };
const devtronFields = (error: unknown): never => {
  throw renameErrorPaths(error, DEVTRON_FIELDS);
};

export async function createDevtronToken(input: { name: string; description: string; expireAtInMs?: number }, actor: Actor) {
  const args = { name: input.name, description: input.description, permissions: NO_PERMISSIONS, ...(await expiryFrom(input.expireAtInMs)) };
  const { token, secret } = await createToken(args, actor).catch(devtronFields);
  return { success: true, token: secret, userId: token.id, userIdentifier: tokenLabel(token.name) };
}

/** Devtron regenerates only when the expiry changes; otherwise it updates the description and answers token "". */
export async function updateDevtronToken(
  id: number,
  input: { description?: string; expireAtInMs?: number },
  actor: Actor,
  receivedAt = new Date(),
) {
  const current = await getTokenOrThrow(id);
  const currentMs = current.expiresAt ? Date.parse(current.expiresAt) : 0;
  // A script that sends back what the list showed (a disabled token's listed expiry) changes nothing.
  const unchanged = [currentMs, listedExpireAtInMs(current)];
  const regenerate = input.expireAtInMs !== undefined && !unchanged.includes(input.expireAtInMs);
  // Regenerate first: it validates the expiry, so a bad one changes nothing at all.
  const secret = regenerate
    ? (await regenerateToken(id, { ...(await expiryFrom(input.expireAtInMs)), graceSeconds: 0 }, actor, receivedAt).catch(devtronFields))
        .secret
    : "";
  if (input.description !== undefined && input.description !== current.description)
    await updateToken(id, { description: input.description }, actor);
  return { success: true, token: secret, hideApiToken: true };
}
