"use client";

import { useId } from "react";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { NOTIFY_EMAILS_MAX, type TokenResponse } from "@/lib/schemas/token";
import { Button } from "../ui/button";
import { Form, useApiForm, useFinish } from "../ui/form";
import { Input } from "../ui/input";
import { ValueListEditor } from "../ui/value-list-editor";
import { editTokenSchema } from "./token-form-schemas";
import { TokenPermissionsField } from "./token-permissions-field";
import { TokenDescriptionField } from "./token-text-fields";

export type TokenEditFormProps = { token: TokenResponse; catalog: PermissionCatalog };

/**
 * The editable part of a token: description, permissions and who else is told about it (the name
 * is fixed; the secret and expiry change by regenerating).
 */
export function TokenEditForm({ token, catalog }: TokenEditFormProps) {
  const nameId = useId();
  const form = useApiForm(editTokenSchema, {
    description: token.description,
    permissions: token.permissions,
    notifyEmails: token.notifyEmails,
  });
  const finish = useFinish();
  const { isDirty, isSubmitting } = form.formState;
  const onSaved = (saved: TokenResponse) => {
    // What was saved is the form's new starting point, so it is clean again.
    form.reset({ description: saved.description, permissions: saved.permissions, notifyEmails: saved.notifyEmails });
    finish({ title: `Saved ${saved.name}`, description: "Its new permissions apply to the next request." });
  };

  return (
    <Form
      form={form}
      onSubmit={form.submitTo("PATCH", `/api/v1/tokens/${token.id}`, onSaved)}
      aria-labelledby="edit-title"
      className="space-y-5 rounded-xl border border-line bg-surface p-5 shadow-sm"
    >
      <h2 id="edit-title" className="text-base font-semibold">
        Settings
      </h2>
      <div className="space-y-1.5">
        <label htmlFor={nameId} className="block text-sm font-medium">
          Name
        </label>
        <Input id={nameId} value={token.name} readOnly aria-describedby={`${nameId}-hint`} className="bg-surface-muted font-mono" />
        <p id={`${nameId}-hint`} className="text-xs text-muted">
          A token keeps its name. To use another name, generate a new token.
        </p>
      </div>
      <TokenDescriptionField control={form.control} name="description" />
      <TokenPermissionsField control={form.control} name="permissions" catalog={catalog} />
      <ValueListEditor
        control={form.control}
        name="notifyEmails"
        legend="Also notify"
        noun="address"
        type="email"
        hint={
          token.createdBy.startsWith("API-TOKEN:")
            ? "Expiry reminders and leak notices go by email to these addresses."
            : `Expiry reminders and leak notices go by email to whoever generated the token (${token.createdBy}) and to these addresses.`
        }
        placeholder="oncall@example.com"
        max={NOTIFY_EMAILS_MAX}
        emptyText="No other addresses."
      />
      <div className="flex flex-col-reverse gap-2 border-t border-line pt-4 sm:flex-row sm:items-center sm:justify-end">
        {isDirty ? <p className="text-sm text-muted sm:mr-auto">You have unsaved changes.</p> : null}
        <Button variant="secondary" disabled={!isDirty || isSubmitting} onClick={() => form.reset()}>
          Discard changes
        </Button>
        <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
          {isSubmitting ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </Form>
  );
}
