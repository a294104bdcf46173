"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { apiRequest } from "../api-request";
import { Button } from "../ui/button";
import { DialogClose, DialogFooter } from "../ui/dialog";
import { FormAlert } from "../ui/form-field";
import { defaultExpiryChoice, type ExpiryChoice, expiryBody } from "./expiry-choice";
import { ExpiryField } from "./expiry-field";
import { GraceField } from "./grace-field";
import { NO_ERRORS, type TokenFormErrors, tokenFormErrors } from "./problem-fields";
import { type Reveal, useRevealSecret } from "./secret-reveal";
import { WarningMark } from "./warning-mark";

export type RegenerateTokenFormProps = {
  token: Pick<TokenResponse, "id" | "name">;
  maxLifetimeDays: number | null;
  returnFocus?: Reveal["returnFocus"];
  onDone: () => void;
};

export function RegenerateTokenForm({ token, maxLifetimeDays, returnFocus, onDone }: RegenerateTokenFormProps) {
  const router = useRouter();
  const reveal = useRevealSecret();
  const [expiry, setExpiry] = useState<ExpiryChoice>(() => defaultExpiryChoice(maxLifetimeDays));
  const [graceSeconds, setGraceSeconds] = useState(0);
  const [errors, setErrors] = useState<TokenFormErrors>(NO_ERRORS);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const expiryFields = expiryBody(expiry);
    if (!expiryFields) return setErrors({ ...NO_ERRORS, expiry: "Pick the day the new token should expire." });
    setErrors(NO_ERRORS);
    setPending(true);
    const result = await apiRequest<{ token: TokenResponse; secret: string }>(`/api/v1/tokens/${token.id}/regenerate`, {
      method: "POST",
      body: { ...expiryFields, graceSeconds },
    });
    setPending(false);
    if (!result.ok) return setErrors(tokenFormErrors(result.problem));
    reveal({ secret: result.data.secret, tokenName: result.data.token.name, regenerated: true, returnFocus });
    onDone();
    router.refresh();
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-busy={pending || undefined}>
      <FormAlert>{errors.alert}</FormAlert>
      <div role="note" className="flex gap-2 rounded-md border border-warning-text/30 bg-warning-soft px-3 py-2 text-sm text-warning-text">
        <WarningMark className="mt-0.5" />
        <p>
          Scripts and tools that use the current token must be updated with the new one. Once the grace period ends, the old token is
          refused.
        </p>
      </div>
      <ExpiryField
        value={expiry}
        onChange={setExpiry}
        maxLifetimeDays={maxLifetimeDays}
        error={errors.expiry}
        disabled={pending}
        subject="The new token"
      />
      <GraceField value={graceSeconds} onChange={setGraceSeconds} error={errors.graceSeconds} disabled={pending} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary" disabled={pending}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          {pending ? "Regenerating…" : "Regenerate token"}
        </Button>
      </DialogFooter>
    </form>
  );
}
