"use client";

import { type FormEvent, useRef, useState } from "react";
import { PASSWORD_MIN, password as passwordSchema, type UserResponse } from "@/lib/schemas/user";
import { apiRequest, fieldErrorsOf } from "../api-request";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "../ui/dialog";
import { FormAlert, TextField } from "../ui/form-field";
import { useToast } from "../ui/toast";
import { useFocusFirstError } from "../ui/use-focus-first-error";

export type ResetPasswordDialogProps = {
  user: Pick<UserResponse, "id" | "email">;
  /** Changing one's own password keeps this session; anyone else's reset signs them out everywhere. */
  isCurrentUser?: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
};

export function ResetPasswordDialog({ user, isCurrentUser = false, open, onOpenChange, onCloseAutoFocus }: ResetPasswordDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Reset password"
        description={
          isCurrentUser
            ? "Set a new password for yourself. Your current password stops working at once, and your other sessions end; this one stays signed in."
            : `Set a new password for ${user.email}. Their current password stops working at once, and they are signed out everywhere.`
        }
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <ResetPasswordForm user={user} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ResetPasswordForm({ user, onDone }: { user: ResetPasswordDialogProps["user"]; onDone: () => void }) {
  const { toast } = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ password?: string }>({});
  const [alert, setAlert] = useState<string>();
  useFocusFirstError(formRef, error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const parsed = passwordSchema.safeParse(String(new FormData(event.currentTarget).get("password") ?? ""));
    setAlert(undefined);
    if (!parsed.success) {
      setError({ password: parsed.error.issues[0]?.message ?? "is invalid" });
      return;
    }
    setError({});
    setPending(true);
    const result = await apiRequest<UserResponse>(`/api/v1/users/${user.id}`, { method: "PATCH", body: { password: parsed.data } });
    setPending(false);
    if (result.ok) {
      toast({ tone: "success", title: `Password reset for ${user.email}`, description: "Share the new password with them securely." });
      onDone();
      return;
    }
    const fieldErrors = fieldErrorsOf(result.problem);
    if (fieldErrors.password) setError({ password: fieldErrors.password });
    else setAlert(result.problem.detail);
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert>{alert}</FormAlert>
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={error.password}
      />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          Reset password
        </Button>
      </DialogFooter>
    </form>
  );
}
