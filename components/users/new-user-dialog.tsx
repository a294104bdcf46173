"use client";

import { createUserInput, PASSWORD_MIN, type UserResponse } from "@/lib/schemas/user";
import { FormDialog } from "../ui/dialog";
import { bodySchema, DialogFormFooter, Form, FormCheckbox, useApiForm, useFinish } from "../ui/form";
import { AccountFields } from "./account-fields";

const schema = bodySchema((v: { email: string; name: string; password: string; superAdmin: boolean }) => v, createUserInput);

export function NewUserDialog() {
  return (
    <FormDialog trigger="New user" description="They sign in with this email and password; share the password with them securely.">
      {(close) => <NewUserForm onDone={close} />}
    </FormDialog>
  );
}

function NewUserForm({ onDone }: { onDone: () => void }) {
  const form = useApiForm(schema, { email: "", name: "", password: "", superAdmin: false });
  const finish = useFinish(onDone);
  return (
    <Form
      form={form}
      onSubmit={form.submitTo("POST", "/api/v1/users", (saved: UserResponse) => finish({ title: `Created ${saved.email}` }))}
    >
      <AccountFields own={false} passwordHint={`The initial password: at least ${PASSWORD_MIN} characters.`} />
      <FormCheckbox control={form.control} name="superAdmin" label="Super admin" hint="Can manage API tokens, users and the audit log." />
      <DialogFormFooter submitLabel="Create user" />
    </Form>
  );
}
