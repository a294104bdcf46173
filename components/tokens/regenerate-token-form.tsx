"use client";

import { useRouter } from "next/navigation";
import type { TokenResponse } from "@/lib/schemas/token";
import { DialogFormFooter, Form, useApiForm } from "../ui/form";
import { WarningNote } from "../ui/warning-mark";
import { defaultExpiryChoice } from "./expiry-choice";
import { ExpiryField } from "./expiry-field";
import { GraceField } from "./grace-field";
import { GraceQuietField } from "./grace-quiet-field";
import { type Reveal, useRevealSecret } from "./secret-reveal";
import { regenerateTokenSchema, tokenFieldOf } from "./token-form-schemas";

export type RegenerateTokenFormProps = {
  token: Pick<TokenResponse, "id" | "name">;
  maxLifetimeDays: number | null;
  returnFocus?: Reveal["returnFocus"];
  onDone: () => void;
};

export function RegenerateTokenForm({ token, maxLifetimeDays, returnFocus, onDone }: RegenerateTokenFormProps) {
  const router = useRouter();
  const reveal = useRevealSecret();
  const form = useApiForm(
    regenerateTokenSchema,
    { expiry: defaultExpiryChoice(maxLifetimeDays), graceSeconds: 0, graceQuietSeconds: null },
    { fieldOf: tokenFieldOf },
  );
  const onRegenerated = ({ token: saved, secret }: { token: TokenResponse; secret: string }) => {
    reveal({ secret, tokenName: saved.name, regenerated: true, returnFocus });
    onDone();
    router.refresh();
  };
  return (
    <Form form={form} onSubmit={form.submitTo("POST", `/api/v1/tokens/${token.id}/regenerate`, onRegenerated)} className="space-y-5">
      <WarningNote>
        Scripts and tools that use the current token must be updated with the new one. Once the grace period ends, the old token is refused.
      </WarningNote>
      <ExpiryField control={form.control} name="expiry" maxLifetimeDays={maxLifetimeDays} subject="The new token" />
      <GraceField control={form.control} name="graceSeconds" />
      {form.watch("graceSeconds") > 0 ? <GraceQuietField control={form.control} name="graceQuietSeconds" /> : null}
      <DialogFormFooter submitLabel="Regenerate token" pendingLabel="Regenerating…" />
    </Form>
  );
}
