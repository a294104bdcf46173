"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { createUserInput, PASSWORD_MIN, type UserResponse } from "@/lib/schemas/user";
import { apiRequest, type FieldErrors, fieldErrorsOf, fieldErrorsOfIssues } from "../api-request";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "../ui/dialog";
import { FormAlert, TextField } from "../ui/form-field";
import { Checkbox } from "../ui/input";
import { useToast } from "../ui/toast";
import { useFocusFirstError } from "../ui/use-focus-first-error";

export function NewUserDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>New user</Button>
      </DialogTrigger>
      <DialogContent title="New user" description="They sign in with this email and password; share the password with them securely.">
        <NewUserForm onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function NewUserForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const { toast } = useToast();
  const superAdminId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string>();
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const parsed = createUserInput.safeParse({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      password: String(form.get("password") ?? ""),
      superAdmin: form.get("superAdmin") === "on",
    });
    setAlert(undefined);
    if (!parsed.success) {
      setErrors(fieldErrorsOfIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setPending(true);
    const result = await apiRequest<UserResponse>("/api/v1/users", { method: "POST", body: parsed.data });
    setPending(false);
    if (result.ok) {
      toast({ tone: "success", title: `Created ${result.data.email}` });
      onDone();
      router.refresh();
      return;
    }
    const fieldErrors = fieldErrorsOf(result.problem);
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length === 0) setAlert(result.problem.detail);
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert>{alert}</FormAlert>
      <TextField label="Email" name="email" type="email" autoComplete="off" error={errors.email} />
      <TextField label="Name" name="name" autoComplete="off" error={errors.name} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`The initial password: at least ${PASSWORD_MIN} characters.`}
        error={errors.password}
      />
      <div className="flex items-start gap-3 rounded-md border border-line p-3">
        <Checkbox id={superAdminId} name="superAdmin" className="mt-0.5" aria-describedby={`${superAdminId}-hint`} />
        <div>
          <label htmlFor={superAdminId} className="text-sm font-medium">
            Super admin
          </label>
          <p id={`${superAdminId}-hint`} className="text-xs text-muted">
            Can manage API tokens, users and the audit log.
          </p>
        </div>
      </div>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          Create user
        </Button>
      </DialogFooter>
    </form>
  );
}
