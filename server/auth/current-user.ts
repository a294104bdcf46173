import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { needsSetup } from "../setup/setup";
import type { Principal } from "./principal";
import { principalFromCookie } from "./session";

/**
 * For pages: the signed-in user as of this request (re-read from the database), or null.
 * Same path as the API's. Cached per render, so a layout and its page share one query.
 */
export const getCurrentUser = cache(async (): Promise<Principal | null> => principalFromCookie((await cookies()).toString()));

/** For dashboard pages: first run goes to /setup, no session (or a disabled account) goes to /login. */
export async function requireUser(): Promise<Principal> {
  if (await needsSetup()) redirect("/setup");
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
