"use client";

import { useId } from "react";
import { useController } from "react-hook-form";
import { z } from "zod";
import { allowedIps as allowedIpsSchema, type TokenResponse } from "@/lib/schemas/token";
import { ALLOWED_IPS_MAX } from "@/lib/tokens/ip-allowlist";
import { Button } from "../ui/button";
import { type ApiForm, errorAt, Form, useApiForm, useFinish } from "../ui/form";
import { Input } from "../ui/input";

// The token's IP allowlist: one address or CIDR range per row. Checked in the browser by the
// API's own schema (lib/tokens/ip-allowlist.ts), so a bad entry is marked at its row before
// anything is sent, and the API's `allowedIps.N` errors land on the same row.

const allowlistBody = z.strictObject({ allowedIps: allowedIpsSchema });
type Values = { allowedIps: string[] };

export type TokenAllowlistFormProps = {
  token: Pick<TokenResponse, "id" | "name" | "allowedIps">;
  /** The address this browser's requests come from, as Tessera sees it: offered as a quick add. */
  yourIp: string | null;
};

export function TokenAllowlistForm({ token, yourIp }: TokenAllowlistFormProps) {
  const form = useApiForm(allowlistBody, { allowedIps: token.allowedIps });
  const finish = useFinish();
  const { isDirty, isSubmitting } = form.formState;
  const onSaved = (saved: TokenResponse) => {
    form.reset({ allowedIps: saved.allowedIps });
    finish({
      title: `Saved the allowlist of ${saved.name}`,
      description: saved.allowedIps.length ? "Requests from other addresses are refused from now on." : "Any address may use it now.",
    });
  };
  return (
    <Form
      form={form}
      onSubmit={form.submitTo("PATCH", `/api/v1/tokens/${token.id}`, onSaved)}
      aria-labelledby="allowlist-title"
      className="space-y-3"
    >
      <h3 id="allowlist-title" className="text-sm font-semibold">
        IP allowlist
      </h3>
      <AllowlistRows form={form} yourIp={yourIp} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end">
        {isDirty ? <p className="text-sm text-muted sm:mr-auto">You have unsaved changes.</p> : null}
        <Button variant="secondary" size="sm" disabled={!isDirty || isSubmitting} onClick={() => form.reset()}>
          Discard changes
        </Button>
        <Button type="submit" size="sm" loading={isSubmitting} disabled={!isDirty}>
          {isSubmitting ? "Saving…" : "Save allowlist"}
        </Button>
      </div>
    </Form>
  );
}

/** The API's message for a row, read against numbered rows: without the echoed value, positions counted from 1. */
function rowMessage(message: string): string {
  return message
    .replace(/^"[^"]*" /, "")
    .replace(/\(already at position (\d+)\)/, (_, n: string) => `(the same as address ${Number(n) + 1})`);
}

function AllowlistRows({ form, yourIp }: { form: ApiForm<Values, z.output<typeof allowlistBody>>; yourIp: string | null }) {
  const hintId = useId();
  const { field, formState } = useController({ control: form.control, name: "allowedIps" });
  const rows: string[] = field.value ?? [];
  const listError = errorAt(formState.errors, "allowedIps");
  const set = (next: string[]) => field.onChange(next);
  return (
    <fieldset className="space-y-2" disabled={formState.isSubmitting} aria-describedby={hintId}>
      <legend className="sr-only">Addresses and ranges allowed to use {rows.length ? "this token" : "it"}</legend>
      <p id={hintId} className="text-xs text-muted">
        Addresses (203.0.113.7) or CIDR ranges (10.0.0.0/8, 2001:db8::/32), up to {ALLOWED_IPS_MAX}. Requests from anywhere else are refused
        (403 ip_not_allowed). {rows.length === 0 ? "The list is empty: any address may use this token." : null}
      </p>
      {listError ? <p className="text-sm text-danger-text">Allowlist {listError}</p> : null}
      {rows.map((value, i) => {
        const error = errorAt(formState.errors, `allowedIps.${i}`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and removed by position; errors are keyed by index too
          <div key={i} className="space-y-1">
            <div className="flex items-center gap-2">
              <Input
                aria-label={`Allowed address ${i + 1}`}
                value={value}
                placeholder="203.0.113.0/24"
                spellCheck={false}
                autoComplete="off"
                aria-invalid={error ? true : undefined}
                onChange={(e) => set(rows.map((row, j) => (j === i ? e.target.value : row)))}
                onBlur={field.onBlur}
                className="min-w-0 flex-1 font-mono"
              />
              <Button variant="ghost" size="sm" aria-label={`Remove address ${i + 1}`} onClick={() => set(rows.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
            {error ? (
              <p className="text-sm text-danger-text">
                Address {i + 1} {rowMessage(error)}
              </p>
            ) : null}
          </div>
        );
      })}
      {rows.length < ALLOWED_IPS_MAX ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={() => set([...rows, ""])}>
            Add address
          </Button>
          {yourIp && !rows.includes(yourIp) ? (
            <Button variant="ghost" size="sm" onClick={() => set([...rows, yourIp])}>
              Add your address ({yourIp})
            </Button>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
