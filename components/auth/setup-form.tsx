"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { PASSWORD_MIN, setupInput } from "@/lib/schemas/user";
import { apiRequest, fieldErrorsOf, fieldErrorsOfIssues, type FieldErrors } from "../api-request";
import { Button } from "../ui/button";
import { FormAlert, TextField } from "../ui/form-field";
import { useFocusFirstError } from "../ui/use-focus-first-error";
import { signInWithPassword } from "./sign-in-with-password";

/** First run: creates the first super admin through POST /api/setup, then signs in as them. */
export function SetupForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<{ message: string; setUp: boolean }>();
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    const form = new FormData(event.currentTarget);
    const parsed = setupInput.safeParse({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      password: String(form.get("password") ?? ""),
      confirmPassword: String(form.get("confirmPassword") ?? ""),
    });
    setAlert(undefined);
    if (!parsed.success) {
      setErrors(fieldErrorsOfIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    busy.current = true;
    setPending(true);
    const result = await apiRequest("/api/setup", { method: "POST", body: parsed.data });
    if (result.ok) {
      const signedIn = await signInWithPassword(parsed.data.email, parsed.data.password);
      router.replace(signedIn.ok ? "/" : "/login");
      router.refresh();
      return;
    }
    busy.current = false;
    setPending(false);
    const fieldErrors = fieldErrorsOf(result.problem);
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length === 0) setAlert({ message: result.problem.detail, setUp: result.status === 403 });
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      {alert ? (
        <FormAlert>
          {alert.message}
          {alert.setUp ? (
            <>
              {" "}
              <Link href="/login" className="font-medium">
                Go to sign-in
              </Link>
            </>
          ) : null}
        </FormAlert>
      ) : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" autoFocus error={errors.email} readOnly={pending} />
      <TextField label="Name" name="name" autoComplete="name" error={errors.name} readOnly={pending} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={errors.password}
        readOnly={pending}
      />
      <TextField
        label="Confirm password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword}
        readOnly={pending}
      />
      <Button type="submit" loading={pending} className="w-full">
        Create super admin
      </Button>
    </form>
  );
}
