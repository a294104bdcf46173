"use client";

import { z } from "zod";
import { PASSWORD_MIN, password, type UserResponse } from "@/lib/schemas/user";
import { type ControlledDialogProps, FormDialog } from "../ui/dialog";
import { DialogFormFooter, Form, FormPassword, useApiForm, useFinish } from "../ui/form";

export type ResetPasswordDialogProps = ControlledDialogProps & {
  user: Pick<UserResponse, "id" | "email">;
  /** Changing one's own password keeps this session; anyone else's reset signs them out everywhere. */
  isCurrentUser?: boolean;
};

const schema = z.object({ password });

export function ResetPasswordDialog({ user, isCurrentUser = false, ...dialog }: ResetPasswordDialogProps) {
  return (
    <FormDialog
      {...dialog}
      title="Reset password"
      description={
        isCurrentUser
          ? "Set a new password for yourself. Your current password stops working at once, and your other sessions end; this one stays signed in."
          : `Set a new password for ${user.email}. Their current password stops working at once, and they are signed out everywhere.`
      }
    >
      {(close) => <ResetPasswordForm user={user} onDone={close} />}
    </FormDialog>
  );
}

function ResetPasswordForm({ user, onDone }: { user: ResetPasswordDialogProps["user"]; onDone: () => void }) {
  const form = useApiForm(schema, { password: "" });
  const finish = useFinish(onDone);
  const onSaved = () => finish({ title: `Password reset for ${user.email}`, description: "Share the new password with them securely." });
  return (
    <Form form={form} onSubmit={form.submitTo("PATCH", `/api/v1/users/${user.id}`, onSaved)}>
      <FormPassword
        control={form.control}
        name="password"
        label="New password"
        autoComplete="new-password"
        autoFocus
        hint={`At least ${PASSWORD_MIN} characters.`}
      />
      <DialogFormFooter submitLabel="Reset password" />
    </Form>
  );
}
