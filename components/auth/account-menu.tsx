"use client";

import dynamic from "next/dynamic";
import type { SessionsEnded } from "@/lib/schemas/session";
import { apiRequest } from "../api-request";
import { DropdownMenuItem } from "../ui/dropdown-menu";
import { ActionsMenu, useRowMenu } from "../ui/row-menu";
import { useOpenedOnce } from "../ui/use-opened-once";
import { signOutToLogin } from "./sign-out-button";

/**
 * After one's own sessions were ended through the API, this browser's cookie is already
 * worthless; next-auth's sign-out clears it and goes to the login page.
 */
export async function leaveEndedSession(): Promise<void> {
  await signOutToLogin().catch(() => window.location.assign("/login"));
}

// The confirmation loads when first asked for: every dashboard page shows this menu.
const ApiConfirmDialog = dynamic(() => import("../ui/alert-dialog").then((m) => m.ApiConfirmDialog));

/** The signed-in user's own menu: "Sign out everywhere" ends every session of theirs, on every device. */
export function AccountMenu() {
  const menu = useRowMenu<"sign-out-everywhere">();
  const confirm = menu.dialog("sign-out-everywhere");
  const opened = useOpenedOnce(confirm.open);
  return (
    <>
      <ActionsMenu menu={menu} label="Account options" side="top">
        <DropdownMenuItem tone="danger" onSelect={() => menu.show("sign-out-everywhere")}>
          Sign out everywhere
        </DropdownMenuItem>
      </ActionsMenu>
      {opened ? (
        <ApiConfirmDialog
          {...confirm}
          title="Sign out everywhere?"
          description="Every session of yours ends at once, on every device and browser, this one included. Anyone using a copy of your session is signed out too. You can sign in again right away."
          confirmLabel="Sign out everywhere"
          request={() => apiRequest<SessionsEnded>("/api/v1/me/sessions", { method: "DELETE" })}
          onDone={leaveEndedSession}
        />
      ) : null}
    </>
  );
}
