"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import { type ReactNode, useState } from "react";
import type { ApiResult } from "../api-request";
import { Button, buttonClasses } from "./button";
import { cn } from "./cn";
import { overlayClasses, panelClasses } from "./dialog";
import { FormAlert } from "./form-field";

export type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  /** The confirm button's label, e.g. "Delete user". */
  confirmLabel: string;
  cancelLabel?: string;
  variant?: "danger" | "primary";
  /** While true the confirm button shows progress and the dialog stays open. */
  pending?: boolean;
  /** Why the last attempt failed (e.g. the API's problem detail), shown inside the dialog. */
  error?: string;
  onConfirm: () => void;
  onCloseAutoFocus?: (event: Event) => void;
};

/**
 * A confirmation for destructive actions (role="alertdialog"). Cancel has the initial
 * focus, so a stray Enter never confirms; the caller closes it when its work is done.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  variant = "danger",
  pending = false,
  error,
  onConfirm,
  onCloseAutoFocus,
}: ConfirmDialogProps) {
  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}>
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className={overlayClasses} />
        <AlertDialogPrimitive.Content className={panelClasses} onCloseAutoFocus={onCloseAutoFocus}>
          <AlertDialogPrimitive.Title className="text-lg font-semibold">{title}</AlertDialogPrimitive.Title>
          <AlertDialogPrimitive.Description className="mt-2 text-sm text-muted">{description}</AlertDialogPrimitive.Description>
          {error ? (
            <div className="mt-4">
              <FormAlert>{error}</FormAlert>
            </div>
          ) : null}
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialogPrimitive.Cancel className={buttonClasses({ variant: "secondary" })} disabled={pending}>
              {cancelLabel}
            </AlertDialogPrimitive.Cancel>
            {/* Not AlertDialog.Action: that would close the dialog before the request finishes. */}
            <Button variant={variant} loading={pending} onClick={onConfirm} className={cn(pending && "cursor-wait")}>
              {confirmLabel}
            </Button>
          </div>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}

export type ApiConfirmDialogProps<T> = Omit<ConfirmDialogProps, "pending" | "error" | "onConfirm"> & {
  /** The request the confirm button sends (apiRequest). */
  request: () => Promise<ApiResult<T>>;
  /** After a success, with the answer; closing the dialog (or leaving the page) is up to it. The button shows progress until it ends. */
  onDone: (data: T) => void | Promise<void>;
};

/** A confirmation that sends one request: progress on the button, and a refusal's detail inside the dialog. */
export function ApiConfirmDialog<T>({ request, onDone, onOpenChange, ...props }: ApiConfirmDialogProps<T>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <ConfirmDialog
      {...props}
      pending={pending}
      error={error}
      onOpenChange={(next) => {
        if (next) setError(undefined);
        onOpenChange(next);
      }}
      onConfirm={async () => {
        setPending(true);
        setError(undefined);
        const result = await request();
        if (result.ok) await onDone(result.data);
        else setError(result.problem.detail);
        setPending(false);
      }}
    />
  );
}
