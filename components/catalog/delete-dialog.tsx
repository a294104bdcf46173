"use client";

import { useRouter } from "next/navigation";
import { apiRequest } from "../api-request";
import { ApiConfirmDialog } from "../ui/alert-dialog";
import type { ControlledDialogProps } from "../ui/dialog";
import { useToast } from "../ui/toast";

export type DeleteDialogProps = ControlledDialogProps & {
  /** What is deleted, e.g. "project payments". */
  what: string;
  description: string;
  /** The API path to DELETE, e.g. /api/v1/projects/3. */
  path: string;
  confirmLabel: string;
  /** Where to go afterwards; without it the current page refreshes. */
  redirectTo?: string;
};

/** Confirms, deletes, and keeps a refusal (e.g. the 409 naming what still uses it) inside the dialog. */
export function DeleteDialog({ what, path, redirectTo, ...dialog }: DeleteDialogProps) {
  const router = useRouter();
  const { toast } = useToast();
  return (
    <ApiConfirmDialog
      {...dialog}
      title={`Delete ${what}?`}
      request={() => apiRequest(path, { method: "DELETE" })}
      onDone={() => {
        dialog.onOpenChange(false);
        toast({ tone: "success", title: `Deleted ${what}` });
        if (redirectTo) router.push(redirectTo);
        router.refresh();
      }}
    />
  );
}
