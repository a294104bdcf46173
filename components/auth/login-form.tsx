"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { Button } from "../ui/button";
import { FormAlert, TextField } from "../ui/form-field";
import { safeCallbackPath, signInWithPassword } from "./sign-in-with-password";

export type LoginFormProps = {
  /** Where to go after signing in; only same-origin paths are followed. */
  callbackUrl?: string;
  /** A message to show from the start, e.g. for next-auth's `?error=` code. */
  initialError?: string;
  /** Off when the page offers single sign-on first. */
  autoFocus?: boolean;
};

type Errors = { email?: string; password?: string };

// The one form written with plain state instead of react-hook-form and zod (components/ui/form.tsx):
// the sign-in page is the first thing everyone loads, and those two were a third of its
// JavaScript (docs/performance.md, "First-load JavaScript"). It keeps the other forms' manners:
// field messages under the fields, the server's message at the top, focus on the first
// invalid field, one submit at a time. Only presence is checked here: whether the pair is
// right is next-auth's to say, in one message.
export function LoginForm({ callbackUrl, initialError, autoFocus = true }: LoginFormProps) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState(initialError);
  const [submitting, setSubmitting] = useState(false);
  // Stays true while the next page loads, so the form cannot be sent again.
  const [leaving, setLeaving] = useState(false);

  const focusFirstInvalid = () => requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting || leaving) return;
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const found: Errors = { email: email ? undefined : "is required", password: password ? undefined : "is required" };
    setErrors(found);
    if (found.email || found.password) return focusFirstInvalid();
    setSubmitting(true);
    const result = await signInWithPassword(email, password);
    setSubmitting(false);
    if (!result.ok) return setAlert(result.message);
    setAlert(undefined);
    setLeaving(true);
    router.replace(safeCallbackPath(callbackUrl, window.location.origin));
    router.refresh();
  }

  const busy = submitting || leaving;
  return (
    <form ref={ref} noValidate aria-busy={busy || undefined} className="space-y-4" onSubmit={submit}>
      <FormAlert>{alert}</FormAlert>
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        autoFocus={autoFocus}
        readOnly={leaving}
        error={errors.email}
        onChange={() => errors.email && setErrors({ ...errors, email: undefined })}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        readOnly={leaving}
        error={errors.password}
        onChange={() => errors.password && setErrors({ ...errors, password: undefined })}
      />
      <Button type="submit" loading={busy} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
