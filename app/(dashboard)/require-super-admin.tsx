import "server-only";
import type { ReactElement } from "react";
import { SuperAdminOnly } from "@/components/super-admin-only";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin, type Principal } from "@/server/auth/principal";

/**
 * For super-admin pages: the signed-in super admin, or (for anyone else) the page that says
 * `title` and what to do instead.
 */
export async function requireSuperAdmin(
  title: string,
  advice?: string,
): Promise<{ user: Principal; refusal: null } | { user: null; refusal: ReactElement }> {
  const user = await requireUser();
  if (isSuperAdmin(user)) return { user, refusal: null };
  return {
    user: null,
    refusal: (
      <SuperAdminOnly title={title} who={user.label}>
        {advice}
      </SuperAdminOnly>
    ),
  };
}
