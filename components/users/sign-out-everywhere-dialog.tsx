"use client";

import type { SessionsEnded } from "@/lib/schemas/session";
import type { UserResponse } from "@/lib/schemas/user";
import { apiRequest } from "../api-request";
import { leaveEndedSession } from "../auth/account-menu";
import { ApiConfirmDialog } from "../ui/alert-dialog";
import type { ControlledDialogProps } from "../ui/dialog";
import { useToast } from "../ui/toast";

export type SignOutEverywhereDialogProps = ControlledDialogProps & {
  user: Pick<UserResponse, "id" | "email">;
  isCurrentUser: boolean;
};

/** A super admin ends every session of a user; their own included, when this browser then signs out too. */
export function SignOutEverywhereDialog({ user, isCurrentUser, ...dialog }: SignOutEverywhereDialogProps) {
  const { toast } = useToast();
  return (
    <ApiConfirmDialog<SessionsEnded>
      {...dialog}
      title={isCurrentUser ? "Sign yourself out everywhere?" : `Sign ${user.email} out everywhere?`}
      description={
        isCurrentUser
          ? "Every session of yours ends at once, this one included. You can sign in again right away."
          : "Every session of theirs ends at once, on every device, and anyone holding a copy of one is signed out too. They can sign in again with their password."
      }
      confirmLabel="Sign out everywhere"
      request={() => apiRequest(`/api/v1/users/${user.id}/sessions`, { method: "DELETE" })}
      onDone={({ ended }) => {
        if (isCurrentUser) return leaveEndedSession();
        dialog.onOpenChange(false);
        toast({
          tone: "success",
          title: `Signed ${user.email} out everywhere`,
          description: ended === 0 ? "They had no active sessions." : `${ended} active session${ended === 1 ? "" : "s"} ended.`,
        });
      }}
    />
  );
}
