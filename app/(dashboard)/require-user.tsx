import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactElement } from "react";
import { SuperAdminOnly } from "@/components/super-admin-only";
import { REQUESTED_PATH_HEADER, signInPath } from "@/lib/sign-in-path";
import { getCurrentUser, requireUser as requireSignedIn } from "@/server/auth/current-user";
import { isSuperAdmin, type Principal } from "@/server/auth/principal";
import { needsSetup } from "@/server/setup/setup";

/**
 * For dashboard pages and their layout: the signed-in user. Without a session the visitor goes
 * to sign-in with the page they asked for as `callbackUrl`, so signing in brings them back
 * there; the first run still goes to /setup.
 */
export async function requireUser(): Promise<Principal> {
  const user = await getCurrentUser();
  if (user) return user;
  if (!(await needsSetup())) redirect(signInPath((await headers()).get(REQUESTED_PATH_HEADER)));
  return requireSignedIn();
}

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
