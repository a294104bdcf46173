"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { z } from "zod";
import { Form, FormPassword, FormText, SubmitButton, useApiForm } from "../ui/form";
import { safeCallbackPath, signInWithPassword } from "./sign-in-with-password";

export type LoginFormProps = {
  /** Where to go after signing in; only same-origin paths are followed. */
  callbackUrl?: string;
  /** A message to show from the start, e.g. for next-auth's `?error=` code. */
  initialError?: string;
  /** Off when the page offers single sign-on first. */
  autoFocus?: boolean;
};

// Only presence is checked here: whether the pair is right is next-auth's to say, in one message.
const schema = z.object({ email: z.string().trim().min(1, "is required"), password: z.string().min(1, "is required") });

export function LoginForm({ callbackUrl, initialError, autoFocus = true }: LoginFormProps) {
  const router = useRouter();
  const form = useApiForm(schema, { email: "", password: "" });
  // Stays true while the next page loads, so the form cannot be sent again.
  const [leaving, setLeaving] = useState(false);
  const { setError } = form;
  useEffect(() => {
    if (initialError) setError("root.server", { type: "server", message: initialError });
  }, [initialError, setError]);

  return (
    <Form
      form={form}
      onSubmit={async ({ email, password }) => {
        const result = await signInWithPassword(email, password);
        if (!result.ok) return form.setError("root.server", { type: "server", message: result.message });
        setLeaving(true);
        router.replace(safeCallbackPath(callbackUrl, window.location.origin));
        router.refresh();
      }}
    >
      <FormText
        control={form.control}
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        autoFocus={autoFocus}
        readOnly={leaving}
      />
      <FormPassword control={form.control} name="password" label="Password" autoComplete="current-password" readOnly={leaving} />
      <SubmitButton pending={leaving} className="w-full">
        Sign in
      </SubmitButton>
    </Form>
  );
}
