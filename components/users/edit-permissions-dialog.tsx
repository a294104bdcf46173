"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import type { Permissions } from "@/lib/permissions/schema";
import type { UserResponse } from "@/lib/schemas/user";
import { apiRequest } from "../api-request";
import { type FieldError, PermissionEditor, validatePermissions } from "../permissions/permission-editor";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "../ui/dialog";
import { FormAlert } from "../ui/form-field";
import { useToast } from "../ui/toast";
import { useFocusFirstError } from "../ui/use-focus-first-error";

export type EditPermissionsDialogProps = {
  user: Pick<UserResponse, "id" | "email" | "permissions">;
  isCurrentUser: boolean;
  catalog: PermissionCatalog;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
};

export function EditPermissionsDialog({ user, isCurrentUser, catalog, open, onOpenChange, onCloseAutoFocus }: EditPermissionsDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Edit permissions"
        description={`What ${user.email} may see and do. Changes apply on their next request.`}
        className="sm:max-w-3xl"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {/* Mounted only while open, so every opening starts from the saved permissions. */}
        {open ? (
          <EditPermissionsForm user={user} isCurrentUser={isCurrentUser} catalog={catalog} onDone={() => onOpenChange(false)} />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function EditPermissionsForm({
  user,
  isCurrentUser,
  catalog,
  onDone,
}: Omit<EditPermissionsDialogProps, "open" | "onOpenChange"> & { onDone: () => void }) {
  const router = useRouter();
  const { toast } = useToast();
  const [permissions, setPermissions] = useState<Permissions>(user.permissions);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [alert, setAlert] = useState<string>();
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const demotingSelf = isCurrentUser && user.permissions.superAdmin && !permissions.superAdmin;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setAlert(undefined);
    const problems = validatePermissions(permissions);
    setErrors(problems);
    if (problems.length) return;
    setPending(true);
    const result = await apiRequest<UserResponse>(`/api/v1/users/${user.id}`, { method: "PATCH", body: { permissions } });
    setPending(false);
    if (result.ok) {
      toast({ tone: "success", title: `Saved permissions of ${user.email}` });
      onDone();
      router.refresh();
      return;
    }
    const fieldErrors = result.problem.errors ?? [];
    setErrors(fieldErrors);
    // A refusal that is not about one field (the last super admin, say) is shown above the editor.
    if (!fieldErrors.some((e) => e.path.startsWith("permissions"))) setAlert(result.problem.detail);
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <PermissionEditor value={permissions} onChange={setPermissions} catalog={catalog} errors={errors} disabled={pending} />
      {demotingSelf ? (
        <FormAlert tone="info">
          You are removing your own super admin role: you will lose access to users, API tokens and the audit log.
        </FormAlert>
      ) : null}
      {/* Next to the buttons: a long list of grants scrolls the top of the dialog out of view. */}
      <FormAlert>{alert ?? (errors.length ? "Fix the highlighted fields and save again." : undefined)}</FormAlert>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          Save permissions
        </Button>
      </DialogFooter>
    </form>
  );
}
