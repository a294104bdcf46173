"use client";

import { signOut } from "next-auth/react";
import { useRef, useState } from "react";
import type { SessionsEnded } from "@/lib/schemas/session";
import { apiRequest } from "../api-request";
import { ConfirmDialog } from "../ui/alert-dialog";
import { Button } from "../ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "../ui/dropdown-menu";

/**
 * After one's own sessions were ended through the API, this browser's cookie is already
 * worthless; next-auth's sign-out clears it and goes to the login page.
 */
export async function leaveEndedSession(): Promise<void> {
  await signOut({ callbackUrl: "/login" }).catch(() => window.location.assign("/login"));
}

/** The signed-in user's own menu: "Sign out everywhere" ends every session of theirs, on every device. */
export function AccountMenu() {
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function signOutEverywhere() {
    setPending(true);
    setError(undefined);
    const result = await apiRequest<SessionsEnded>("/api/v1/me/sessions", { method: "DELETE" });
    if (!result.ok) {
      setPending(false);
      setError(result.problem.detail);
      return;
    }
    await leaveEndedSession();
  }

  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} variant="ghost" size="icon" aria-label="Account options">
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="currentColor">
              <circle cx="3" cy="8" r="1.4" />
              <circle cx="8" cy="8" r="1.4" />
              <circle cx="13" cy="8" r="1.4" />
            </svg>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent side="top">
          <DropdownMenuItem
            tone="danger"
            onSelect={() => {
              setError(undefined);
              setOpen(true);
            }}
          >
            Sign out everywhere
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Sign out everywhere?"
        description="Every session of yours ends at once, on every device and browser, this one included. Anyone using a copy of your session is signed out too. You can sign in again right away."
        confirmLabel="Sign out everywhere"
        pending={pending}
        error={error}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          trigger.current?.focus();
        }}
        onConfirm={signOutEverywhere}
      />
    </>
  );
}
