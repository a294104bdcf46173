"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { Problem } from "@/lib/errors";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import type { UpdateUserInput, UserResponse } from "@/lib/schemas/user";
import { apiRequest } from "../api-request";
import { ConfirmDialog } from "../ui/alert-dialog";
import { Button } from "../ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "../ui/dropdown-menu";
import { Spinner } from "../ui/spinner";
import { useToast } from "../ui/toast";
import { EditPermissionsDialog } from "./edit-permissions-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { SignOutEverywhereDialog } from "./sign-out-everywhere-dialog";

type Open = "permissions" | "reset-password" | "sign-out-everywhere" | "delete" | "demote-self" | null;

export type UserRowActionsProps = { user: UserResponse; isCurrentUser: boolean; catalog: PermissionCatalog };

export function UserRowActions({ user, isCurrentUser, catalog }: UserRowActionsProps) {
  const router = useRouter();
  const { toast } = useToast();
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<Open>(null);
  const [pending, setPending] = useState(false);
  const [dialogError, setDialogError] = useState<string>();

  // The menu item that opened a dialog is gone when it closes: give focus back to the row's button.
  const returnFocus = (event: Event) => {
    event.preventDefault();
    trigger.current?.focus();
  };

  async function send(body: UpdateUserInput | null): Promise<Problem | null> {
    setPending(true);
    const path = `/api/v1/users/${user.id}`;
    const result = await apiRequest(path, body ? { method: "PATCH", body } : { method: "DELETE" });
    setPending(false);
    if (!result.ok) return result.problem;
    router.refresh();
    return null;
  }

  /** From the menu: the outcome goes to a toast, since no dialog is open to hold it. */
  async function patchFromMenu(body: UpdateUserInput, success: string) {
    const problem = await send(body);
    if (problem) toast({ tone: "error", title: "That did not work", description: problem.detail });
    else toast({ tone: "success", title: success });
  }

  /** From a confirmation: a refusal stays in the dialog, next to the button that caused it. */
  async function confirm(body: UpdateUserInput | null, success: string) {
    const problem = await send(body);
    if (problem) return setDialogError(problem.detail);
    setOpen(null);
    toast({ tone: "success", title: success });
  }

  const openDialog = (which: Open) => {
    setDialogError(undefined);
    setOpen(which);
  };

  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} variant="ghost" size="icon" aria-label={`Actions for ${user.email}`} aria-busy={pending || undefined}>
            {pending ? (
              <Spinner />
            ) : (
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="currentColor">
                <circle cx="3" cy="8" r="1.4" />
                <circle cx="8" cy="8" r="1.4" />
                <circle cx="13" cy="8" r="1.4" />
              </svg>
            )}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>{user.email}</DropdownMenuLabel>
          <DropdownMenuItem
            disabled={isCurrentUser || pending}
            onSelect={() => patchFromMenu({ disabled: !user.disabled }, `${user.disabled ? "Enabled" : "Disabled"} ${user.email}`)}
          >
            {user.disabled ? "Enable" : "Disable"}
          </DropdownMenuItem>
          <DropdownMenuItem
            disabled={pending}
            onSelect={() =>
              user.superAdmin && isCurrentUser
                ? openDialog("demote-self")
                : patchFromMenu(
                    { superAdmin: !user.superAdmin },
                    `${user.email} is ${user.superAdmin ? "no longer a super admin" : "now a super admin"}`,
                  )
            }
          >
            {user.superAdmin ? "Remove super admin" : "Make super admin"}
          </DropdownMenuItem>
          <DropdownMenuItem disabled={pending} onSelect={() => openDialog("permissions")}>
            Edit permissions
          </DropdownMenuItem>
          <DropdownMenuItem disabled={pending} onSelect={() => openDialog("reset-password")}>
            Reset password
          </DropdownMenuItem>
          <DropdownMenuItem disabled={pending} onSelect={() => openDialog("sign-out-everywhere")}>
            Sign out everywhere
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem tone="danger" disabled={isCurrentUser || pending} onSelect={() => openDialog("delete")}>
            Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      <EditPermissionsDialog
        user={user}
        isCurrentUser={isCurrentUser}
        catalog={catalog}
        open={open === "permissions"}
        onOpenChange={(next) => setOpen(next ? "permissions" : null)}
        onCloseAutoFocus={returnFocus}
      />
      <ResetPasswordDialog
        user={user}
        isCurrentUser={isCurrentUser}
        open={open === "reset-password"}
        onOpenChange={(next) => setOpen(next ? "reset-password" : null)}
        onCloseAutoFocus={returnFocus}
      />
      <SignOutEverywhereDialog
        user={user}
        isCurrentUser={isCurrentUser}
        open={open === "sign-out-everywhere"}
        onOpenChange={(next) => setOpen(next ? "sign-out-everywhere" : null)}
        onCloseAutoFocus={returnFocus}
      />
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={(next) => setOpen(next ? "delete" : null)}
        title={`Delete ${user.email}?`}
        description="They can no longer sign in, and their account cannot be restored. Their past actions stay in the audit log."
        confirmLabel="Delete user"
        pending={pending}
        error={dialogError}
        onCloseAutoFocus={returnFocus}
        onConfirm={() => confirm(null, `Deleted ${user.email}`)}
      />
      <ConfirmDialog
        open={open === "demote-self"}
        onOpenChange={(next) => setOpen(next ? "demote-self" : null)}
        title="Remove your own super admin role?"
        description="You will lose access to users, API tokens and the audit log as soon as you confirm."
        confirmLabel="Remove my super admin role"
        pending={pending}
        error={dialogError}
        onCloseAutoFocus={returnFocus}
        onConfirm={() => confirm({ superAdmin: false }, "You are no longer a super admin")}
      />
    </>
  );
}
