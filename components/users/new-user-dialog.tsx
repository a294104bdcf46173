"use client";

import { createUserInput, PASSWORD_MIN, type UserResponse } from "@/lib/schemas/user";
import { FormDialog } from "../ui/dialog";
import { bodySchema, DialogFormFooter, Form, FormCheckbox, useApiForm, useFinish } from "../ui/form";
import { AccountFields } from "./account-fields";

type Values = { email: string; name: string; password: string; superAdmin: boolean };

// With single sign-on configured an empty password is left out: the user signs in through SSO only.
const schemas = {
  required: bodySchema((v: Values) => v, createUserInput),
  optional: bodySchema((v: Values) => ({ ...v, password: v.password || undefined }), createUserInput),
};

export type NewUserDialogProps = {
  /** Whether an SSO provider is configured, so that a user may be added without a password. */
  sso?: boolean;
};

export function NewUserDialog({ sso = false }: NewUserDialogProps) {
  const description = sso
    ? "They sign in with single sign-on by this email. Give them a password only if they also need to sign in with one."
    : "They sign in with this email and password; share the password with them securely.";
  return (
    <FormDialog trigger="New user" description={description}>
      {(close) => <NewUserForm sso={sso} onDone={close} />}
    </FormDialog>
  );
}

function NewUserForm({ sso, onDone }: { sso: boolean; onDone: () => void }) {
  const form = useApiForm(sso ? schemas.optional : schemas.required, { email: "", name: "", password: "", superAdmin: false });
  const finish = useFinish(onDone);
  return (
    <Form
      form={form}
      onSubmit={form.submitTo("POST", "/api/v1/users", (saved: UserResponse) => finish({ title: `Created ${saved.email}` }))}
    >
      <AccountFields
        own={false}
        passwordLabel={sso ? "Password (optional)" : "Password"}
        passwordHint={
          sso
            ? `Leave empty to sign in only with single sign-on; otherwise at least ${PASSWORD_MIN} characters.`
            : `The initial password: at least ${PASSWORD_MIN} characters.`
        }
      />
      <FormCheckbox control={form.control} name="superAdmin" label="Super admin" hint="Can manage API tokens, users and the audit log." />
      <DialogFormFooter submitLabel="Create user" />
    </Form>
  );
}
