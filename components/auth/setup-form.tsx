"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { PASSWORD_MIN, setupInput } from "@/lib/schemas/user";
import { apiRequest, type FieldErrors, fieldErrorsOf, fieldErrorsOfIssues } from "../api-request";
import { Button } from "../ui/button";
import { FormAlert, TextField } from "../ui/form-field";
import { Checkbox } from "../ui/input";
import { useFocusFirstError } from "../ui/use-focus-first-error";
import { signInWithPassword } from "./sign-in-with-password";

/** First run: creates the first super admin through POST /api/setup, then signs in as them. */
export function SetupForm() {
  const router = useRouter();
  const demoId = useId();
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
      loadDemoData: form.get("loadDemoData") === "on",
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
      <div className="flex items-start gap-3 rounded-md border border-line p-3">
        <Checkbox id={demoId} name="loadDemoData" className="mt-0.5" aria-describedby={`${demoId}-hint`} disabled={pending} />
        <div>
          <label htmlFor={demoId} className="text-sm font-medium">
            Load demo data (3 projects, 4 environments, 12 apps…)
          </label>
          <p id={`${demoId}-hint`} className="text-xs text-muted">
            Also deployments, 4 Helm apps and 3 chart groups, to try roles and tokens at once. Leave it off for a real installation.
          </p>
        </div>
      </div>
      <Button type="submit" loading={pending} className="w-full">
        Create super admin
      </Button>
    </form>
  );
}
