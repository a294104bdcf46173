"use client";

import { useRouter } from "next/navigation";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { NO_PERMISSIONS } from "@/lib/permissions/schema";
import type { TokenResponse } from "@/lib/schemas/token";
import { DialogFormFooter, Form, useApiForm } from "../ui/form";
import { defaultExpiryChoice } from "./expiry-choice";
import { ExpiryField } from "./expiry-field";
import { GENERATE_BUTTON_ATTR, useRevealSecret } from "./secret-reveal";
import { generateTokenSchema, tokenFieldOf } from "./token-form-schemas";
import { TokenPermissionsField } from "./token-permissions-field";
import { TokenDescriptionField, TokenNameField } from "./token-text-fields";

export type GenerateTokenFormProps = {
  catalog: PermissionCatalog;
  maxLifetimeDays: number | null;
  onGenerated: () => void;
};

export function GenerateTokenForm({ catalog, maxLifetimeDays, onGenerated }: GenerateTokenFormProps) {
  const router = useRouter();
  const reveal = useRevealSecret();
  const form = useApiForm(
    generateTokenSchema,
    { name: "", description: "", expiry: defaultExpiryChoice(maxLifetimeDays), permissions: NO_PERMISSIONS },
    { fieldOf: tokenFieldOf },
  );
  const onSaved = ({ token, secret }: { token: TokenResponse; secret: string }) => {
    reveal({
      secret,
      tokenName: token.name,
      regenerated: false,
      returnFocus: () => document.querySelector<HTMLElement>(`[${GENERATE_BUTTON_ATTR}]`),
    });
    onGenerated();
    router.refresh();
  };
  return (
    <Form form={form} onSubmit={form.submitTo("POST", "/api/v1/tokens", onSaved)} className="space-y-5">
      <TokenNameField control={form.control} name="name" autoFocus />
      <TokenDescriptionField control={form.control} name="description" />
      <ExpiryField control={form.control} name="expiry" maxLifetimeDays={maxLifetimeDays} />
      <TokenPermissionsField control={form.control} name="permissions" catalog={catalog} />
      <DialogFormFooter submitLabel="Generate token" pendingLabel="Generating…" />
    </Form>
  );
}
