"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PASSWORD_MIN, setupInput } from "@/lib/schemas/user";
import { apiRequest } from "../api-request";
import { bodySchema, Form, FormCheckbox, FormPassword, SubmitButton, showProblem, useApiForm } from "../ui/form";
import { AccountFields } from "../users/account-fields";
import { signInWithPassword } from "./sign-in-with-password";

type Values = { email: string; name: string; password: string; confirmPassword: string; loadDemoData: boolean };
const schema = bodySchema((v: Values) => v, setupInput);

/** First run: creates the first super admin through POST /api/setup, then signs in as them. */
export function SetupForm() {
  const router = useRouter();
  const form = useApiForm(schema, { email: "", name: "", password: "", confirmPassword: "", loadDemoData: false });
  const [leaving, setLeaving] = useState(false);
  // 403: someone finished setup meanwhile; the way on is to sign in.
  const [closed, setClosed] = useState(false);

  return (
    <Form
      form={form}
      onSubmit={async (body) => {
        const result = await apiRequest("/api/setup", { method: "POST", body });
        if (!result.ok) {
          setClosed(result.status === 403);
          return showProblem(form, result.problem);
        }
        setLeaving(true);
        const signedIn = await signInWithPassword(body.email, body.password);
        router.replace(signedIn.ok ? "/" : "/login");
        router.refresh();
      }}
    >
      {closed ? (
        <p className="text-sm">
          <Link href="/login" className="font-medium">
            Go to sign-in
          </Link>
        </p>
      ) : null}
      <AccountFields own passwordHint={`At least ${PASSWORD_MIN} characters.`} readOnly={leaving} />
      <FormPassword control={form.control} name="confirmPassword" label="Confirm password" autoComplete="new-password" readOnly={leaving} />
      <FormCheckbox
        control={form.control}
        name="loadDemoData"
        label="Load demo data (3 projects, 4 environments, 12 apps…)"
        hint="Also deployments, 4 Helm apps and 3 chart groups, to try roles and tokens at once. Leave it off for a real installation."
      />
      <SubmitButton pending={leaving} className="w-full">
        Create super admin
      </SubmitButton>
    </Form>
  );
}
