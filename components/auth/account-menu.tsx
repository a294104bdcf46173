"use client";

import { signOut } from "next-auth/react";
import type { SessionsEnded } from "@/lib/schemas/session";
import { apiRequest } from "../api-request";
import { ApiConfirmDialog } from "../ui/alert-dialog";
import { DropdownMenuItem } from "../ui/dropdown-menu";
import { ActionsMenu, useRowMenu } from "../ui/row-menu";

/**
 * After one's own sessions were ended through the API, this browser's cookie is already
 * worthless; next-auth's sign-out clears it and goes to the login page.
 */
export async function leaveEndedSession(): Promise<void> {
  await signOut({ callbackUrl: "/login" }).catch(() => window.location.assign("/login"));
}

/** The signed-in user's own menu: "Sign out everywhere" ends every session of theirs, on every device. */
export function AccountMenu() {
  const menu = useRowMenu<"sign-out-everywhere">();
  return (
    <>
      <ActionsMenu menu={menu} label="Account options" side="top">
        <DropdownMenuItem tone="danger" onSelect={() => menu.show("sign-out-everywhere")}>
          Sign out everywhere
        </DropdownMenuItem>
      </ActionsMenu>
      <ApiConfirmDialog
        {...menu.dialog("sign-out-everywhere")}
        title="Sign out everywhere?"
        description="Every session of yours ends at once, on every device and browser, this one included. Anyone using a copy of your session is signed out too. You can sign in again right away."
        confirmLabel="Sign out everywhere"
        request={() => apiRequest<SessionsEnded>("/api/v1/me/sessions", { method: "DELETE" })}
        onDone={leaveEndedSession}
      />
    </>
  );
}
