"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import { type FormEvent, useId, useRef, useState } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { apiRequest } from "../api-request";
import { Button, buttonClasses } from "../ui/button";
import { overlayClasses, panelClasses } from "../ui/dialog";
import { FormAlert } from "../ui/form-field";
import { Input } from "../ui/input";
import { RelativeTime } from "./relative-time";

export type DeleteTokenDialogProps = {
  token: Pick<TokenResponse, "id" | "name" | "description" | "lastUsedAt" | "lastUsedIp">;
  now: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted: () => void;
  onCloseAutoFocus?: (event: Event) => void;
};

export { useTokenDeleted } from "./use-token-deleted";

/** Deleting asks for the token's name, after showing what it is and when it was last used. */
export function DeleteTokenDialog({ token, now, open, onOpenChange, onDeleted, onCloseAutoFocus }: DeleteTokenDialogProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const matches = typed.trim() === token.name;

  function setOpen(next: boolean) {
    if (pending) return;
    if (!next) {
      setTyped("");
      setError(undefined);
    }
    onOpenChange(next);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches || pending) return;
    setPending(true);
    const result = await apiRequest(`/api/v1/tokens/${token.id}`, { method: "DELETE" });
    setPending(false);
    if (!result.ok) return setError(result.problem.detail);
    setTyped("");
    onOpenChange(false);
    onDeleted();
  }

  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className={overlayClasses} />
        <AlertDialogPrimitive.Content
          className={panelClasses}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            input.current?.focus();
          }}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <AlertDialogPrimitive.Title className="text-lg font-semibold">Delete {token.name}?</AlertDialogPrimitive.Title>
          <AlertDialogPrimitive.Description className="mt-2 text-sm text-muted">
            Anything using this token is refused from the moment you delete it. This cannot be undone; the audit log keeps its history.
          </AlertDialogPrimitive.Description>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-md border border-line bg-surface-muted p-3 text-sm">
            <dt className="text-muted">Name</dt>
            <dd className="font-mono break-all">{token.name}</dd>
            <dt className="text-muted">Description</dt>
            <dd className="break-words">{token.description || <span className="text-muted">None</span>}</dd>
            <dt className="text-muted">Last used</dt>
            <dd>
              {token.lastUsedAt ? (
                <>
                  <RelativeTime value={token.lastUsedAt} now={now} />
                  {token.lastUsedIp ? <span className="text-muted"> from {token.lastUsedIp}</span> : null}
                </>
              ) : (
                "Never used"
              )}
            </dd>
          </dl>
          <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
            {error ? <FormAlert>{error}</FormAlert> : null}
            <div className="space-y-1.5">
              <label htmlFor={id} className="block text-sm">
                Type <strong className="font-mono">{token.name}</strong> to confirm
              </label>
              <Input
                ref={input}
                id={id}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                className="font-mono"
              />
            </div>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <AlertDialogPrimitive.Cancel className={buttonClasses({ variant: "secondary" })} disabled={pending}>
                Cancel
              </AlertDialogPrimitive.Cancel>
              <Button type="submit" variant="danger" loading={pending} disabled={!matches}>
                Delete token
              </Button>
            </div>
          </form>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
