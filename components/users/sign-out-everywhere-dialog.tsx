"use client";

import { useState } from "react";
import type { SessionsEnded } from "@/lib/schemas/session";
import type { UserResponse } from "@/lib/schemas/user";
import { apiRequest } from "../api-request";
import { leaveEndedSession } from "../auth/account-menu";
import { ConfirmDialog } from "../ui/alert-dialog";
import { useToast } from "../ui/toast";

export type SignOutEverywhereDialogProps = {
  user: Pick<UserResponse, "id" | "email">;
  isCurrentUser: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
};

/** A super admin ends every session of a user; their own included, when this browser then signs out too. */
export function SignOutEverywhereDialog({ user, isCurrentUser, open, onOpenChange, onCloseAutoFocus }: SignOutEverywhereDialogProps) {
  const { toast } = useToast();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    setPending(true);
    setError(undefined);
    const result = await apiRequest<SessionsEnded>(`/api/v1/users/${user.id}/sessions`, { method: "DELETE" });
    if (!result.ok) {
      setPending(false);
      return setError(result.problem.detail);
    }
    if (isCurrentUser) return leaveEndedSession();
    setPending(false);
    onOpenChange(false);
    const { ended } = result.data;
    toast({
      tone: "success",
      title: `Signed ${user.email} out everywhere`,
      description: ended === 0 ? "They had no active sessions." : `${ended} active session${ended === 1 ? "" : "s"} ended.`,
    });
  }

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (next) setError(undefined);
        onOpenChange(next);
      }}
      title={isCurrentUser ? "Sign yourself out everywhere?" : `Sign ${user.email} out everywhere?`}
      description={
        isCurrentUser
          ? "Every session of yours ends at once, this one included. You can sign in again right away."
          : "Every session of theirs ends at once, on every device, and anyone holding a copy of one is signed out too. They can sign in again with their password."
      }
      confirmLabel="Sign out everywhere"
      pending={pending}
      error={error}
      onCloseAutoFocus={onCloseAutoFocus}
      onConfirm={confirm}
    />
  );
}
