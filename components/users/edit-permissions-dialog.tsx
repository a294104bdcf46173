"use client";

import { useWatch } from "react-hook-form";
import { z } from "zod";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import type { UserResponse } from "@/lib/schemas/user";
import { permissionsField } from "../permissions/grant-model";
import { FormPermissionEditor } from "../permissions/permission-editor";
import { type ControlledDialogProps, FormDialog } from "../ui/dialog";
import { DialogFormFooter, Form, useApiForm, useFinish } from "../ui/form";
import { FormAlert } from "../ui/form-field";

export type EditPermissionsDialogProps = ControlledDialogProps & {
  user: Pick<UserResponse, "id" | "email" | "permissions">;
  isCurrentUser: boolean;
  catalog: PermissionCatalog;
};

const schema = z.object({ permissions: permissionsField });

export function EditPermissionsDialog({ user, isCurrentUser, catalog, ...dialog }: EditPermissionsDialogProps) {
  return (
    <FormDialog
      {...dialog}
      title="Edit permissions"
      description={`What ${user.email} may see and do. Changes apply on their next request.`}
      className="sm:max-w-3xl"
    >
      {(close) => <EditPermissionsForm user={user} isCurrentUser={isCurrentUser} catalog={catalog} onDone={close} />}
    </FormDialog>
  );
}

function EditPermissionsForm({
  user,
  isCurrentUser,
  catalog,
  onDone,
}: Pick<EditPermissionsDialogProps, "user" | "isCurrentUser" | "catalog"> & { onDone: () => void }) {
  const form = useApiForm(schema, { permissions: user.permissions });
  const finish = useFinish(onDone);
  const superAdmin = useWatch({ control: form.control, name: "permissions.superAdmin" });
  const demotingSelf = isCurrentUser && user.permissions.superAdmin && !superAdmin;
  const invalid = Object.keys(form.formState.errors).some((key) => key !== "root");
  return (
    // A refusal goes next to the buttons: a long list of grants scrolls the top of the dialog out of view.
    <Form
      form={form}
      alertAt="end"
      onSubmit={form.submitTo("PATCH", `/api/v1/users/${user.id}`, () => finish({ title: `Saved permissions of ${user.email}` }))}
    >
      <FormPermissionEditor control={form.control} name="permissions" catalog={catalog} subject="This user" />
      {demotingSelf ? (
        <FormAlert tone="info">
          You are removing your own super admin role: you will lose access to users, API tokens and the audit log.
        </FormAlert>
      ) : null}
      {invalid ? <FormAlert>Fix the highlighted fields and save again.</FormAlert> : null}
      <DialogFormFooter submitLabel="Save permissions" />
    </Form>
  );
}
