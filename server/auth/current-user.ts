import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { REQUESTED_PATH_HEADER, signInPath } from "@/lib/sign-in-path";
import { needsSetup } from "../setup/setup";
import type { Principal } from "./principal";
import { principalFromCookie } from "./session";

/**
 * For pages: the signed-in user as of this request (re-read from the database), or null.
 * Same path as the API's. Cached per render, so a layout and its page share one query.
 */
export const getCurrentUser = cache(async (): Promise<Principal | null> => principalFromCookie((await cookies()).toString()));

/**
 * For dashboard pages and their layout: the signed-in user. The first run goes to /setup;
 * without a session (or with a disabled account) the visitor goes to sign-in with the page
 * they asked for as `callbackUrl` (proxy.ts records it), so signing in brings them back.
 */
export async function requireUser(): Promise<Principal> {
  const user = await getCurrentUser();
  if (user) return user;
  if (await needsSetup()) redirect("/setup");
  redirect(signInPath((await headers()).get(REQUESTED_PATH_HEADER)));
}
