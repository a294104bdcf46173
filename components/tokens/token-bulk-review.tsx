"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { BULK_MAX_TOKENS, type BulkAction, type BulkFilter, type BulkTokensResponse } from "@/lib/schemas/token-bulk";
import { apiRequest } from "../api-request";
import { Button, buttonClasses } from "../ui/button";
import { overlayClasses, panelClasses } from "../ui/dialog";
import { FormAlert } from "../ui/form-field";
import { Input } from "../ui/input";
import { Spinner } from "../ui/spinner";
import { useToast } from "../ui/toast";
import { BULK_VERBS } from "./token-bulk-verbs";

// The review step of a bulk action: the dry run's list of exactly the tokens it changes, then
// the real run over those same tokens only (their ids join the filter, so a token that starts
// matching meanwhile is not touched). Deleting more than this many asks for the count to be typed.

export const TYPE_TO_CONFIRM_OVER = 100;

export type TokenBulkReviewProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  action: BulkAction;
  filter: BulkFilter;
  onDone: () => void;
};

export function TokenBulkReview({ open, onOpenChange, ...props }: TokenBulkReviewProps) {
  const [pending, setPending] = useState(false);
  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}>
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className={overlayClasses} />
        <AlertDialogPrimitive.Content className={`${panelClasses} sm:max-w-lg`}>
          <AlertDialogPrimitive.Title className="text-lg font-semibold">{BULK_VERBS[props.action].verb} tokens</AlertDialogPrimitive.Title>
          {open ? <Review {...props} pending={pending} setPending={setPending} close={() => onOpenChange(false)} /> : null}
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}

type ReviewProps = Omit<TokenBulkReviewProps, "open" | "onOpenChange"> & {
  pending: boolean;
  setPending: (pending: boolean) => void;
  close: () => void;
};

function Review({ action, filter, onDone, pending, setPending, close }: ReviewProps) {
  const router = useRouter();
  const { toast } = useToast();
  const id = useId();
  const [preview, setPreview] = useState<BulkTokensResponse | null>(null);
  const [error, setError] = useState<string>();
  const [typed, setTyped] = useState("");
  const { verb, done, effect } = BULK_VERBS[action];
  // The question as text, so a parent's re-render (a new but equal filter object) asks nothing again.
  const question = JSON.stringify({ action, filter, dryRun: true });

  useEffect(() => {
    let current = true;
    void apiRequest<BulkTokensResponse>("/api/v1/tokens/bulk", { method: "POST", body: JSON.parse(question) }).then((result) => {
      if (!current) return;
      if (result.ok) setPreview(result.data);
      else setError(result.problem.detail);
    });
    return () => {
      current = false;
    };
  }, [question]);

  const n = preview?.matched ?? 0;
  const tooMany = n > BULK_MAX_TOKENS;
  const mustType = action === "delete" && n > TYPE_TO_CONFIRM_OVER;
  const canConfirm = preview !== null && n > 0 && !tooMany && (!mustType || typed.trim() === String(n));
  const plural = (count: number) => `${count} token${count === 1 ? "" : "s"}`;

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canConfirm || pending || !preview) return;
    setPending(true);
    setError(undefined);
    const body = { action, filter: { ...filter, ids: preview.tokens.map((t) => t.id) }, dryRun: false };
    const result = await apiRequest<BulkTokensResponse>("/api/v1/tokens/bulk", { method: "POST", body });
    setPending(false);
    if (!result.ok) return setError(result.problem.detail);
    const skipped = n - result.data.matched;
    toast({
      tone: "success",
      title: `${done} ${plural(result.data.matched)}`,
      description: skipped > 0 ? `${plural(skipped)} had changed meanwhile and were left as they were.` : undefined,
    });
    onDone();
    close();
    router.refresh();
  }

  return (
    <form onSubmit={confirm} className="mt-2 space-y-4" noValidate>
      <AlertDialogPrimitive.Description asChild>
        <div className="text-sm text-muted">
          {preview === null && !error ? (
            <span className="inline-flex items-center gap-2">
              <Spinner /> Finding the tokens this changes…
            </span>
          ) : preview === null ? null : n === 0 ? (
            <p>No tokens match: nothing would change.{action === "enable" ? " None of the matching tokens is disabled." : ""}</p>
          ) : tooMany ? (
            <p>
              {n.toLocaleString("en")} tokens match, more than the {BULK_MAX_TOKENS.toLocaleString("en")} one action can change. Narrow the
              search or filters, or select the tokens.
            </p>
          ) : (
            <p>
              This will {verb.toLowerCase()} {n === 1 ? "this token" : `these ${n} tokens`}. {effect}
            </p>
          )}
        </div>
      </AlertDialogPrimitive.Description>
      {error ? <FormAlert>{error}</FormAlert> : null}
      {preview && n > 0 && !tooMany ? (
        <ul
          aria-label={`Tokens to ${verb.toLowerCase()}`}
          className="max-h-60 overflow-y-auto rounded-md border border-line bg-surface-muted p-2 font-mono text-sm"
        >
          {preview.tokens.map((t) => (
            <li key={t.id} className="truncate px-1 py-0.5">
              {t.name}
            </li>
          ))}
        </ul>
      ) : null}
      {mustType && !tooMany ? (
        <div className="space-y-1.5">
          <label htmlFor={id} className="block text-sm">
            Type <strong>{n}</strong> to delete {n} tokens
          </label>
          <Input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} inputMode="numeric" autoComplete="off" />
        </div>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <AlertDialogPrimitive.Cancel className={buttonClasses({ variant: "secondary" })} disabled={pending}>
          {preview && (n === 0 || tooMany) ? "Close" : "Cancel"}
        </AlertDialogPrimitive.Cancel>
        {preview && n > 0 && !tooMany ? (
          <Button type="submit" variant={action === "enable" ? "primary" : "danger"} loading={pending} disabled={!canConfirm}>
            {verb} {plural(n)}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
