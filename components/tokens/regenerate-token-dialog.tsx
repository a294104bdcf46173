"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { Dialog, DialogContent } from "../ui/dialog";
import { FormLoading } from "./form-loading";
import type { Reveal } from "./secret-reveal";

// The form (calendar, select) loads when a dialog first opens, not with the list.
const RegenerateTokenForm = dynamic(() => import("./regenerate-token-form").then((m) => m.RegenerateTokenForm), {
  loading: () => <FormLoading />,
});

export type RegenerateTokenDialogProps = {
  token: Pick<TokenResponse, "id" | "name">;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  maxLifetimeDays: number | null;
  onCloseAutoFocus?: (event: Event) => void;
  /** Where focus goes after the copy-once modal that follows. */
  returnFocus?: Reveal["returnFocus"];
};

export function RegenerateTokenDialog({
  token,
  open,
  onOpenChange,
  maxLifetimeDays,
  onCloseAutoFocus,
  returnFocus,
}: RegenerateTokenDialogProps) {
  const [handedOver, setHandedOver] = useState(false);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={`Regenerate ${token.name}`}
        description="Issues a new secret with a new expiry. The token keeps its name, description and permissions."
        className="sm:max-w-xl"
        onCloseAutoFocus={(event) => {
          // When the copy-once modal takes over, it owns focus; otherwise focus goes back as the caller wants.
          if (!handedOver) return onCloseAutoFocus?.(event);
          event.preventDefault();
          setHandedOver(false);
        }}
      >
        <RegenerateTokenForm
          token={token}
          maxLifetimeDays={maxLifetimeDays}
          returnFocus={returnFocus}
          onDone={() => {
            setHandedOver(true);
            onOpenChange(false);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
