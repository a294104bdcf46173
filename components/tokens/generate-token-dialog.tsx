"use client";

import dynamic from "next/dynamic";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { Button } from "../ui/button";
import { FormDialog } from "../ui/dialog";
import { Icon } from "../ui/icon";
import { FormLoading } from "./form-loading";
import { GENERATE_BUTTON_ATTR, useHandOverFocus } from "./secret-reveal";

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
  const focus = useHandOverFocus();
  return (
    <FormDialog
      trigger={
        <Button variant={variant} onPointerEnter={loadForm} onFocus={loadForm} {...{ [GENERATE_BUTTON_ATTR]: "" }}>
          <Icon strokeWidth={1.8}>
            <path d="M8 3v10M3 8h10" strokeLinecap="round" />
          </Icon>
          Generate new token
        </Button>
      }
      title="Generate new token"
      description="Scripts and tools use it to call Tessera's API with the permissions you give it here."
      className="sm:max-w-2xl"
      onCloseAutoFocus={focus.onCloseAutoFocus}
    >
      {(close) => <GenerateTokenForm catalog={catalog} maxLifetimeDays={maxLifetimeDays} onGenerated={() => focus.handOver(close)} />}
    </FormDialog>
  );
}
