"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import type { UpdateUserInput, UserResponse } from "@/lib/schemas/user";
import { apiRequest } from "../api-request";
import { ApiConfirmDialog } from "../ui/alert-dialog";
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

  const path = `/api/v1/users/${user.id}`;

  /** From the menu: the outcome goes to a toast, since no dialog is open to hold it. */
  async function patchFromMenu(body: UpdateUserInput, success: string) {
    setPending(true);
    const result = await apiRequest(path, { method: "PATCH", body });
    setPending(false);
    if (!result.ok) return toast({ tone: "error", title: "That did not work", description: result.problem.detail });
    toast({ tone: "success", title: success });
    router.refresh();
  }

  /** After a confirmation: its refusals stay in the dialog (ApiConfirmDialog); a success closes it. */
  function done(success: string) {
    menu.show(null);
    toast({ tone: "success", title: success });
    router.refresh();
  }

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
              ? menu.show("demote-self")
              : patchFromMenu(
                  { superAdmin: !user.superAdmin },
                  `${user.email} is ${user.superAdmin ? "no longer a super admin" : "now a super admin"}`,
                )
          }
        >
          {user.superAdmin ? "Remove super admin" : "Make super admin"}
        </DropdownMenuItem>
        <DropdownMenuItem disabled={pending} onSelect={() => menu.show("permissions")}>
          Edit permissions
        </DropdownMenuItem>
        <DropdownMenuItem disabled={pending} onSelect={() => menu.show("reset-password")}>
          Reset password
        </DropdownMenuItem>
        <DropdownMenuItem disabled={pending} onSelect={() => menu.show("sign-out-everywhere")}>
          Sign out everywhere
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem tone="danger" disabled={isCurrentUser || pending} onSelect={() => menu.show("delete")}>
          Delete
        </DropdownMenuItem>
      </RowMenu>

      <EditPermissionsDialog user={user} isCurrentUser={isCurrentUser} catalog={catalog} {...menu.dialog("permissions")} />
      <ResetPasswordDialog user={user} isCurrentUser={isCurrentUser} {...menu.dialog("reset-password")} />
      <SignOutEverywhereDialog user={user} isCurrentUser={isCurrentUser} {...menu.dialog("sign-out-everywhere")} />
      <ApiConfirmDialog
        {...menu.dialog("delete")}
        title={`Delete ${user.email}?`}
        description="They can no longer sign in, and their account cannot be restored. Their past actions stay in the audit log."
        confirmLabel="Delete user"
        request={() => apiRequest(path, { method: "DELETE" })}
        onDone={() => done(`Deleted ${user.email}`)}
      />
      <ApiConfirmDialog
        {...menu.dialog("demote-self")}
        title="Remove your own super admin role?"
        description="You will lose access to users, API tokens and the audit log as soon as you confirm."
        confirmLabel="Remove my super admin role"
        request={() => apiRequest(path, { method: "PATCH", body: { superAdmin: false } })}
        onDone={() => done("You are no longer a super admin")}
      />
    </>
  );
}
