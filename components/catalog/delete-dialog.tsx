"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "../api-request";
import { ConfirmDialog } from "../ui/alert-dialog";
import { useToast } from "../ui/toast";

export type DeleteDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** What is deleted, e.g. "project payments". */
  what: string;
  description: string;
  /** The API path to DELETE, e.g. /api/v1/projects/3. */
  path: string;
  confirmLabel: string;
  /** Where to go afterwards; without it the current page refreshes. */
  redirectTo?: string;
  onCloseAutoFocus?: (event: Event) => void;
};

/** Confirms, deletes, and keeps a refusal (e.g. the 409 naming what still uses it) inside the dialog. */
export function DeleteDialog({
  open,
  onOpenChange,
  what,
  description,
  path,
  confirmLabel,
  redirectTo,
  onCloseAutoFocus,
}: DeleteDialogProps) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function onConfirm() {
    setPending(true);
    const result = await apiRequest(path, { method: "DELETE" });
    setPending(false);
    if (!result.ok) return setError(result.problem.detail);
    onOpenChange(false);
    toast({ tone: "success", title: `Deleted ${what}` });
    if (redirectTo) router.push(redirectTo);
    router.refresh();
  }

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (next) setError(undefined);
        onOpenChange(next);
      }}
      title={`Delete ${what}?`}
      description={description}
      confirmLabel={confirmLabel}
      pending={pending}
      error={error}
      onConfirm={onConfirm}
      onCloseAutoFocus={onCloseAutoFocus}
    />
  );
}
