"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import type { Permissions } from "@/lib/permissions/schema";
import { type TokenResponse, updateTokenInput } from "@/lib/schemas/token";
import { apiRequest } from "../api-request";
import { Button } from "../ui/button";
import { FormAlert } from "../ui/form-field";
import { Input } from "../ui/input";
import { useToast } from "../ui/toast";
import { useFocusFirstError } from "../ui/use-focus-first-error";
import { issuesToErrors, NO_ERRORS, type TokenFormErrors, tokenFormErrors } from "./problem-fields";
import { TokenPermissionsField, validatePermissions } from "./token-permissions-field";
import { DescriptionField } from "./token-text-fields";

export type TokenEditFormProps = { token: TokenResponse; catalog: PermissionCatalog };

/** The editable part of a token: description and permissions (the name is fixed; the secret and expiry change by regenerating). */
export function TokenEditForm({ token, catalog }: TokenEditFormProps) {
  const router = useRouter();
  const { toast } = useToast();
  const nameId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [description, setDescription] = useState(token.description);
  const [permissions, setPermissions] = useState<Permissions>(token.permissions);
  const [errors, setErrors] = useState<TokenFormErrors>(NO_ERRORS);
  const [pending, setPending] = useState(false);
  useFocusFirstError(formRef, errors);

  // Compared with the saved token, so a refresh after saving makes the form clean again.
  const dirty = description !== token.description || JSON.stringify(permissions) !== JSON.stringify(token.permissions);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || !dirty) return;
    const permissionProblems = validatePermissions(permissions);
    if (permissionProblems.length) return setErrors({ ...NO_ERRORS, permissions: permissionProblems });
    const parsed = updateTokenInput.safeParse({ description, permissions });
    if (!parsed.success) return setErrors(issuesToErrors(parsed.error.issues));
    setErrors(NO_ERRORS);
    setPending(true);
    const result = await apiRequest<TokenResponse>(`/api/v1/tokens/${token.id}`, { method: "PATCH", body: parsed.data });
    setPending(false);
    if (!result.ok) return setErrors(tokenFormErrors(result.problem));
    toast({ tone: "success", title: `Saved ${token.name}`, description: "Its new permissions apply to the next request." });
    router.refresh();
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="edit-title"
      className="space-y-5 rounded-xl border border-line bg-surface p-5 shadow-sm"
    >
      <h2 id="edit-title" className="text-base font-semibold">
        Settings
      </h2>
      <FormAlert>{errors.alert}</FormAlert>
      <div className="space-y-1.5">
        <label htmlFor={nameId} className="block text-sm font-medium">
          Name
        </label>
        <Input id={nameId} value={token.name} readOnly aria-describedby={`${nameId}-hint`} className="bg-surface-muted font-mono" />
        <p id={`${nameId}-hint`} className="text-xs text-muted">
          A token keeps its name. To use another name, generate a new token.
        </p>
      </div>
      <DescriptionField value={description} onChange={setDescription} error={errors.description} disabled={pending} />
      <TokenPermissionsField
        value={permissions}
        onChange={setPermissions}
        catalog={catalog}
        errors={errors.permissions}
        disabled={pending}
      />
      <div className="flex flex-col-reverse gap-2 border-t border-line pt-4 sm:flex-row sm:items-center sm:justify-end">
        {dirty ? <p className="text-sm text-muted sm:mr-auto">You have unsaved changes.</p> : null}
        <Button
          variant="secondary"
          disabled={!dirty || pending}
          onClick={() => {
            setDescription(token.description);
            setPermissions(token.permissions);
            setErrors(NO_ERRORS);
          }}
        >
          Discard changes
        </Button>
        <Button type="submit" loading={pending} disabled={!dirty}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
