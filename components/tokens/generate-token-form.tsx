"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { NO_PERMISSIONS, type Permissions } from "@/lib/permissions/schema";
import { createTokenInput, type TokenResponse, tokenNameProblems } from "@/lib/schemas/token";
import { apiRequest } from "../api-request";
import { Button } from "../ui/button";
import { DialogClose, DialogFooter } from "../ui/dialog";
import { FormAlert } from "../ui/form-field";
import { useFocusFirstError } from "../ui/use-focus-first-error";
import { defaultExpiryChoice, type ExpiryChoice, expiryBody } from "./expiry-choice";
import { ExpiryField } from "./expiry-field";
import { issuesToErrors, NO_ERRORS, type TokenFormErrors, tokenFormErrors } from "./problem-fields";
import { GENERATE_BUTTON_ATTR, useRevealSecret } from "./secret-reveal";
import { TokenPermissionsField, validatePermissions } from "./token-permissions-field";
import { DescriptionField, TokenNameField } from "./token-text-fields";

export type GenerateTokenFormProps = {
  catalog: PermissionCatalog;
  maxLifetimeDays: number | null;
  onGenerated: () => void;
};

export function GenerateTokenForm({ catalog, maxLifetimeDays, onGenerated }: GenerateTokenFormProps) {
  const router = useRouter();
  const reveal = useRevealSecret();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [expiry, setExpiry] = useState<ExpiryChoice>(() => defaultExpiryChoice(maxLifetimeDays));
  const [permissions, setPermissions] = useState<Permissions>(NO_PERMISSIONS);
  const [errors, setErrors] = useState<TokenFormErrors>(NO_ERRORS);
  // The server's refusal of a name holds only while that name is in the box.
  const [takenName, setTakenName] = useState<string>();
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const expiryFields = expiryBody(expiry);
    if (!expiryFields) return setErrors({ ...NO_ERRORS, expiry: "Pick the day the token should expire." });
    const parsed = createTokenInput.safeParse({ name, description, ...expiryFields, permissions });
    const permissionProblems = validatePermissions(permissions);
    if (!parsed.success || tokenNameProblems(name).length || permissionProblems.length) {
      const found = parsed.success ? { ...NO_ERRORS } : issuesToErrors(parsed.error.issues);
      return setErrors({ ...found, permissions: permissionProblems.length ? permissionProblems : found.permissions });
    }
    setErrors(NO_ERRORS);
    setPending(true);
    const result = await apiRequest<{ token: TokenResponse; secret: string }>("/api/v1/tokens", { method: "POST", body: parsed.data });
    setPending(false);
    if (result.ok) {
      reveal({
        secret: result.data.secret,
        tokenName: result.data.token.name,
        regenerated: false,
        returnFocus: () => document.querySelector<HTMLElement>(`[${GENERATE_BUTTON_ATTR}]`),
      });
      onGenerated();
      router.refresh();
      return;
    }
    const next = tokenFormErrors(result.problem);
    if (next.name) setTakenName(name);
    setErrors(next);
  }

  const nameError = takenName !== undefined && takenName === name ? errors.name : undefined;

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-5" aria-busy={pending || undefined}>
      <FormAlert>{errors.alert}</FormAlert>
      <TokenNameField value={name} onChange={setName} serverError={nameError} showEmpty={submitted} disabled={pending} autoFocus />
      <DescriptionField value={description} onChange={setDescription} error={errors.description} disabled={pending} />
      <ExpiryField value={expiry} onChange={setExpiry} maxLifetimeDays={maxLifetimeDays} error={errors.expiry} disabled={pending} />
      <TokenPermissionsField
        value={permissions}
        onChange={setPermissions}
        catalog={catalog}
        errors={errors.permissions}
        disabled={pending}
      />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary" disabled={pending}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          {pending ? "Generating…" : "Generate token"}
        </Button>
      </DialogFooter>
    </form>
  );
}
