import "server-only";
import { ApiError } from "@/lib/errors";
import { hashSecret, isWellFormedToken, TOKEN_LENGTH } from "@/lib/tokens/format";
import { type IpRange, ipAllowed, parseAllowlist } from "@/lib/tokens/ip-allowlist";
import { type Principal, permissionsFrom, tokenLabel } from "../auth/principal";
import { getSql } from "../db";
import { type LimitPolicy, limiter } from "../limits/rate-limit";
import { recordRefusal, recordSecretUse, recordUsage } from "./usage";

// The check on every API call (docs/design.md, "The request path"): shape and checksum first, without the
// database; then one indexed lookup by hash (current or superseded secret); then
// deleted / past-grace / disabled / expired, and the client address against the token's
// allowlist. Nothing here writes to the database. While a regenerated token has two working
// secrets (its grace window), the answer also says which one was used (`graceSecret`: the
// version that secret was current at), so rotation can show who still uses the old one.

export type VerifyResult =
  | { ok: true; principal: Principal; allowlist: readonly IpRange[]; graceSecret: number | null }
  | { ok: false; reason: "malformed" | "unknown" | "deleted" | "superseded" | "disabled" | "expired" };

type Row = {
  id: number;
  name: string;
  version: number;
  superAdmin: boolean;
  grants: unknown;
  deleted: boolean;
  current: boolean;
  in_grace: boolean | null;
  expired: boolean;
  disabled: boolean;
  allowedIps: string[] | null;
};

// The database compares the times itself (timestamps are stored as UTC without a zone),
// so no driver's date parsing is involved.
const LOOKUP = `SELECT id, name, version, "superAdmin", grants, "deletedAt" IS NOT NULL AS deleted, "secretHash" = $1 AS current,
  "previousValidUntil" > $2::timestamp AS in_grace, COALESCE("expiresAt" <= $2::timestamp, false) AS expired,
  "disabledAt" IS NOT NULL AS disabled, "allowedIps"
  FROM "ApiToken" WHERE "secretHash" = $1 OR "previousHash" = $1 LIMIT 1`;

export async function verifyToken(secret: string, now: Date = new Date()): Promise<VerifyResult> {
  if (!isWellFormedToken(secret)) return { ok: false, reason: "malformed" };
  const sql = await getSql();
  const [row] = await sql<Row>(LOOKUP, [hashSecret(secret), now.toISOString()]);
  if (!row) return { ok: false, reason: "unknown" };
  if (row.deleted) return { ok: false, reason: "deleted" };
  if (!row.current && !row.in_grace) return { ok: false, reason: "superseded" };
  if (row.disabled) return { ok: false, reason: "disabled" };
  if (row.expired) return { ok: false, reason: "expired" };
  return {
    ok: true,
    allowlist: allowlistOf(row.allowedIps),
    graceSecret: row.in_grace ? (row.current ? row.version : row.version - 1) : null,
    principal: {
      type: "token",
      id: row.id,
      name: row.name,
      label: tokenLabel(row.name),
      permissions: permissionsFrom(row.superAdmin, row.grants),
    },
  };
}

// Parsed allowlists, by their stored text: tokens share few distinct lists, and parsing 50
// ranges on every request would cost more than the lookup. Bounded; cleared when full.
const NO_RANGES: readonly IpRange[] = [];
const PARSED_LISTS_MAX = 1000;
const parsedLists = new Map<string, readonly IpRange[]>();

function allowlistOf(entries: string[] | null): readonly IpRange[] {
  if (!entries || entries.length === 0) return NO_RANGES;
  const key = entries.join(" ");
  let ranges = parsedLists.get(key);
  if (!ranges) {
    if (parsedLists.size >= PARSED_LISTS_MAX) parsedLists.clear();
    ranges = parseAllowlist(entries);
    parsedLists.set(key, ranges);
  }
  return ranges;
}

/** Failed token checks allowed per client IP per minute before 429. */
export const TOKEN_FAILURE_LIMIT = 20;
export const TOKEN_FAILURES: LimitPolicy = { name: "token-auth:ip", limit: TOKEN_FAILURE_LIMIT, windowMs: 60_000 };
const failures = () => limiter(TOKEN_FAILURES);

/** The token a request carries: `Authorization: Bearer …` or Devtron's `token` header; null when it carries none. */
export function tokenFromHeaders(headers: Headers): string | null {
  const auth = headers.get("authorization");
  if (auth !== null) {
    const match = /^Bearer +(.*)$/i.exec(auth);
    return match ? match[1]!.trim() : auth;
  }
  const token = headers.get("token");
  return token === null ? null : token.trim();
}

/**
 * Authenticates a request's token or throws 401 / 429. A valid token always gets in,
 * even from an IP over its failure limit: the limiter slows guessing, it never locks
 * out a real token. Success touches no limiter: it costs the one lookup and nothing more.
 */
export async function authenticateToken(secret: string, ip: string, userAgent = ""): Promise<Principal> {
  const wellFormed = secret.length === TOKEN_LENGTH && isWellFormedToken(secret);
  // A malformed token is never looked up; a well-formed one always is, limited or not.
  const result: VerifyResult = wellFormed ? await verifyToken(secret) : { ok: false, reason: "malformed" };
  if (result.ok) {
    // NO_RANGES is an empty allowlist (anywhere); a list whose entries all failed to parse is [] and refuses every address.
    if (result.allowlist !== NO_RANGES && !ipAllowed(result.allowlist, ip)) {
      recordRefusal(result.principal.id, ip);
      throw new ApiError(
        "ip_not_allowed",
        `This token accepts requests only from the addresses on its allowlist, and this one came from ${ip}.`,
      );
    }
    recordUsage(result.principal.id, ip);
    if (result.graceSecret !== null) recordSecretUse(result.principal.id, result.graceSecret, ip, userAgent);
    return result.principal;
  }
  // Only a real token can be expired or disabled, so neither is a guess and neither is counted.
  if (result.reason === "expired") throw new ApiError("token_expired", "This token has expired. Regenerate it to get a new one.");
  if (result.reason === "disabled")
    throw new ApiError("token_disabled", "This token is disabled. A super admin can enable it again; its secret stays the same.");
  // The failure is counted and judged in one atomic step: of any number of concurrent
  // failures from one IP, exactly the first TOKEN_FAILURE_LIMIT counted are answered 401.
  const { allowed, retryAfter } = await failures().consume(ip);
  if (!allowed) throw tooMany(retryAfter);
  throw new ApiError("unauthorized", "The token is not valid. Check that it was copied whole, and that it was not deleted or regenerated.");
}

function tooMany(seconds: number): ApiError {
  return new ApiError("rate_limited", `Too many failed authentication attempts from your address. Try again in ${seconds} seconds.`, {
    retryAfter: seconds,
  });
}
