"use client";

import dynamic from "next/dynamic";
import type { RefObject } from "react";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { FormDialog } from "../ui/dialog";
import { FormLoading } from "./form-loading";
import { useHandOverFocus } from "./secret-reveal";

// The dialog itself, loaded by its button (generate-token-dialog.tsx). The form inside
// (calendar, permission editor) is a chunk of its own, so the dialog can show while it loads.
export const loadGenerateTokenForm = () => import("./generate-token-form");
const GenerateTokenForm = dynamic(() => loadGenerateTokenForm().then((m) => m.GenerateTokenForm), { loading: () => <FormLoading /> });

export type GenerateTokenFormDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  catalog: PermissionCatalog;
  maxLifetimeDays: number | null;
  /** Where focus goes back when the dialog closes without handing over to the copy-once modal. */
  returnFocusTo: RefObject<HTMLButtonElement | null>;
};

export function GenerateTokenFormDialog({ open, onOpenChange, catalog, maxLifetimeDays, returnFocusTo }: GenerateTokenFormDialogProps) {
  const focus = useHandOverFocus((event) => {
    event.preventDefault();
    returnFocusTo.current?.focus();
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Generate new token"
      description="Scripts and tools use it to call Tessera's API with the permissions you give it here."
      className="sm:max-w-2xl"
      onCloseAutoFocus={focus.onCloseAutoFocus}
    >
      {(close) => <GenerateTokenForm catalog={catalog} maxLifetimeDays={maxLifetimeDays} onGenerated={() => focus.handOver(close)} />}
    </FormDialog>
  );
}
