import "server-only";
import type { Grant, Permissions } from "@/lib/permissions/schema";
import type { IntrospectResponse } from "@/lib/schemas/token-leaks";
import { getDb } from "../db";
import { verifyToken } from "./verify";

// RFC 7662 token introspection (POST /api/v1/introspect), for gateways that check Tessera
// tokens themselves (docs/integrations.md). The answer for a secret is exactly what the API
// would do with it: a secret the API accepts is active — an old secret still in its grace
// window too — and anything it refuses is `{ active: false }` and nothing more, so a gateway
// learns no reason and a caller no more than the API itself tells. The token's IP allowlist is
// not applied: the address of the gateway's client is not known here. Looking a secret up
// here is not a use of it: no usage is recorded.

const INACTIVE: IntrospectResponse = { active: false };
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export async function introspectToken(secret: string, now = new Date()): Promise<IntrospectResponse> {
  const result = await verifyToken(secret, now);
  if (!result.ok) return INACTIVE;
  const db = await getDb();
  const token = await db.apiToken.findUnique({
    where: { id: result.principal.id },
    select: { createdAt: true, expiresAt: true, previousValidUntil: true, version: true },
  });
  if (!token) return INACTIVE;
  const oldSecret = result.graceSecret !== null && result.graceSecret !== token.version;
  const ends = [token.expiresAt, oldSecret ? token.previousValidUntil : null].filter((d): d is Date => d !== null);
  const exp = ends.length ? Math.min(...ends.map(seconds)) : undefined;
  return {
    active: true,
    sub: String(result.principal.id),
    name: result.principal.name,
    ...(exp === undefined ? {} : { exp }),
    iat: seconds(token.createdAt),
    scope: scopeOf(result.principal.permissions),
    token_type: "api_token",
  };
}

const names = (list: readonly string[]) => (list.length === 0 ? "*" : list.map(encodeURIComponent).join(","));

/**
 * Permissions as an OAuth scope (space-separated): `super_admin`, or one string per grant —
 * `devtron-app:<role>:<project>/<environments>/<apps>`, `helm-app:…` alike, and
 * `chart-group:<role>:<groups>` — where a list is comma-separated, `*` means all, and names
 * are percent-encoded so none can contain a separator.
 */
export function scopeOf(permissions: Permissions): string {
  if (permissions.superAdmin) return "super_admin";
  return permissions.grants.map(grantScope).join(" ");
}

function grantScope(g: Grant): string {
  if (g.entity === "chart-group") return `chart-group:${g.role}:${names(g.groups)}`;
  return `${g.entity}:${g.role}:${encodeURIComponent(g.project)}/${names(g.environments)}/${names(g.apps)}`;
}
