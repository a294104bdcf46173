"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Problem } from "@/lib/errors";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import type { UpdateUserInput, UserResponse } from "@/lib/schemas/user";
import { apiRequest } from "../api-request";
import { ConfirmDialog } from "../ui/alert-dialog";
import { DropdownMenuItem, DropdownMenuSeparator } from "../ui/dropdown-menu";
import { RowMenu, useRowMenu } from "../ui/row-menu";
import { useToast } from "../ui/toast";
import { EditPermissionsDialog } from "./edit-permissions-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { SignOutEverywhereDialog } from "./sign-out-everywhere-dialog";

type Dialog = "permissions" | "reset-password" | "sign-out-everywhere" | "delete" | "demote-self";

export type UserRowActionsProps = { user: UserResponse; isCurrentUser: boolean; catalog: PermissionCatalog };

export function UserRowActions({ user, isCurrentUser, catalog }: UserRowActionsProps) {
  const router = useRouter();
  const { toast } = useToast();
  const menu = useRowMenu<Dialog>();
  const [pending, setPending] = useState(false);
  const [dialogError, setDialogError] = useState<string>();

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
    menu.show(null);
    toast({ tone: "success", title: success });
  }

  const openDialog = (which: Dialog) => {
    setDialogError(undefined);
    menu.show(which);
  };

  return (
    <>
      <RowMenu name={user.email} menu={menu} busy={pending}>
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
      </RowMenu>

      <EditPermissionsDialog user={user} isCurrentUser={isCurrentUser} catalog={catalog} {...menu.dialog("permissions")} />
      <ResetPasswordDialog user={user} isCurrentUser={isCurrentUser} {...menu.dialog("reset-password")} />
      <SignOutEverywhereDialog user={user} isCurrentUser={isCurrentUser} {...menu.dialog("sign-out-everywhere")} />
      <ConfirmDialog
        {...menu.dialog("delete")}
        title={`Delete ${user.email}?`}
        description="They can no longer sign in, and their account cannot be restored. Their past actions stay in the audit log."
        confirmLabel="Delete user"
        pending={pending}
        error={dialogError}
        onConfirm={() => confirm(null, `Deleted ${user.email}`)}
      />
      <ConfirmDialog
        {...menu.dialog("demote-self")}
        title="Remove your own super admin role?"
        description="You will lose access to users, API tokens and the audit log as soon as you confirm."
        confirmLabel="Remove my super admin role"
        pending={pending}
        error={dialogError}
        onConfirm={() => confirm({ superAdmin: false }, "You are no longer a super admin")}
      />
    </>
  );
}
