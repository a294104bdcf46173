"use client";

import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { Button } from "../ui/button";
import { Icon } from "../ui/icon";
import { useOpenedOnce } from "../ui/use-opened-once";
import { GENERATE_BUTTON_ATTR } from "./secret-reveal";

// Only the button is in the token list's first load: the dialog and its form load when the
// pointer or focus reaches it (or at the press, for a touch), and the dialog opens on the
// press. The list page keeps to its JavaScript budget this way (docs/performance.md).
const loadDialog = () => import("./generate-token-form-dialog");
const preload = () => void loadDialog().then((m) => m.loadGenerateTokenForm());
const GenerateTokenFormDialog = dynamic(() => loadDialog().then((m) => m.GenerateTokenFormDialog));

export type GenerateTokenDialogProps = {
  catalog: PermissionCatalog;
  maxLifetimeDays: number | null;
  variant?: "primary" | "secondary";
};

export function GenerateTokenDialog({ catalog, maxLifetimeDays, variant = "primary" }: GenerateTokenDialogProps) {
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const mounted = useOpenedOnce(open);
  return (
    <>
      <Button
        ref={button}
        variant={variant}
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen(true)}
        {...{ [GENERATE_BUTTON_ATTR]: "" }}
      >
        <Icon strokeWidth={1.8}>
          <path d="M8 3v10M3 8h10" strokeLinecap="round" />
        </Icon>
        Generate new token
      </Button>
      {mounted ? (
        <GenerateTokenFormDialog
          open={open}
          onOpenChange={setOpen}
          catalog={catalog}
          maxLifetimeDays={maxLifetimeDays}
          returnFocusTo={button}
        />
      ) : null}
    </>
  );
}
