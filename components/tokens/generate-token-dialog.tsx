"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { Button } from "../ui/button";
import { Dialog, DialogContent, DialogTrigger } from "../ui/dialog";
import { FormLoading } from "./form-loading";
import { GENERATE_BUTTON_ATTR } from "./secret-reveal";

// The form (calendar, permission editor) loads when the dialog first opens, or when the
// pointer or focus reaches its button, not with the list.
const loadForm = () => import("./generate-token-form");
const GenerateTokenForm = dynamic(() => loadForm().then((m) => m.GenerateTokenForm), { loading: () => <FormLoading /> });

export type GenerateTokenDialogProps = {
  catalog: PermissionCatalog;
  maxLifetimeDays: number | null;
  variant?: "primary" | "secondary";
};

export function GenerateTokenDialog({ catalog, maxLifetimeDays, variant = "primary" }: GenerateTokenDialogProps) {
  const [open, setOpen] = useState(false);
  const [handedOver, setHandedOver] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={variant} onPointerEnter={loadForm} onFocus={loadForm} {...{ [GENERATE_BUTTON_ATTR]: "" }}>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="M8 3v10M3 8h10" strokeLinecap="round" />
          </svg>
          Generate new token
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Generate new token"
        description="Scripts and tools use it to call Tessera's API with the permissions you give it here."
        className="sm:max-w-2xl"
        onCloseAutoFocus={(event) => {
          // When the copy-once modal takes over, it owns focus; do not pull it back to this trigger.
          if (!handedOver) return;
          event.preventDefault();
          setHandedOver(false);
        }}
      >
        <GenerateTokenForm
          catalog={catalog}
          maxLifetimeDays={maxLifetimeDays}
          onGenerated={() => {
            setHandedOver(true);
            setOpen(false);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
