import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { REQUESTED_PATH_HEADER, signInPath } from "@/lib/sign-in-path";
import { getCurrentUser, requireUser as requireSignedIn } from "@/server/auth/current-user";
import type { Principal } from "@/server/auth/principal";
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
