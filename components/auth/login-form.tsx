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
};

export function LoginForm({ callbackUrl, initialError }: LoginFormProps) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const [pending, setPending] = useState(false);
  const busy = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const required = { email: email ? undefined : "is required", password: password ? undefined : "is required" };
    setMissing(required);
    if (required.email || required.password) return;

    busy.current = true;
    setPending(true);
    setError(undefined);
    const result = await signInWithPassword(email, password);
    if (result.ok) {
      // Stay "pending" while the next page loads, so the form cannot be sent again.
      router.replace(safeCallbackPath(callbackUrl, window.location.origin));
      router.refresh();
      return;
    }
    busy.current = false;
    setPending(false);
    setError(result.message);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-describedby={error ? "login-error" : undefined}>
      <div id="login-error">
        <FormAlert>{error}</FormAlert>
      </div>
      <TextField label="Email" name="email" type="email" autoComplete="username" autoFocus error={missing.email} readOnly={pending} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={missing.password}
        readOnly={pending}
      />
      <Button type="submit" loading={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
