import "server-only";
import { ApiError } from "@/lib/errors";
import { type AccessRequest, type Explanation, explain } from "@/lib/permissions/policy";
import { permissionsFrom } from "../auth/principal";
import { getDb } from "../db";

// "Can this token …?": the answer of the policy that guards the routes (lib/permissions/policy.ts
// explain, which decides through the same rules as authorize), about the token's current
// permissions. A token that is disabled or expired can do nothing at all, whatever its grants.

export async function explainTokenAccess(id: number, request: AccessRequest, now = new Date()): Promise<Explanation> {
  const db = await getDb();
  const token = await db.apiToken.findFirst({
    where: { id, deletedAt: null },
    select: { superAdmin: true, grants: true, disabledAt: true, expiresAt: true },
  });
  if (!token) throw new ApiError("not_found", `No token with id ${id}.`);
  const answer = explain(permissionsFrom(token.superAdmin, token.grants), request);
  const off = token.disabledAt ? "is disabled" : token.expiresAt && token.expiresAt <= now ? "has expired" : null;
  if (off === null) return answer;
  const grants = answer.allowed
    ? `Its permissions would allow it: ${answer.reason}`
    : `Its permissions would not allow it either: ${answer.reason}`;
  return { allowed: false, reason: `Not allowed: the token ${off}, so every request with it is refused. ${grants}`, grant: null };
}
