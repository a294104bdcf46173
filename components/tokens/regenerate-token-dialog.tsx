"use client";

import dynamic from "next/dynamic";
import type { TokenResponse } from "@/lib/schemas/token";
import { type ControlledDialogProps, FormDialog } from "../ui/dialog";
import { FormLoading } from "./form-loading";
import { type Reveal, useHandOverFocus } from "./secret-reveal";

// The form (calendar, select) loads when a dialog first opens, not with the list.
const RegenerateTokenForm = dynamic(() => import("./regenerate-token-form").then((m) => m.RegenerateTokenForm), {
  loading: () => <FormLoading />,
});

export type RegenerateTokenDialogProps = ControlledDialogProps & {
  token: Pick<TokenResponse, "id" | "name">;
  maxLifetimeDays: number | null;
  /** Where focus goes after the copy-once modal that follows. */
  returnFocus?: Reveal["returnFocus"];
};

export function RegenerateTokenDialog({ token, maxLifetimeDays, returnFocus, onCloseAutoFocus, ...dialog }: RegenerateTokenDialogProps) {
  const focus = useHandOverFocus(onCloseAutoFocus);
  return (
    <FormDialog
      {...dialog}
      title={`Regenerate ${token.name}`}
      description="Issues a new secret with a new expiry. The token keeps its name, description and permissions."
      className="sm:max-w-xl"
      onCloseAutoFocus={focus.onCloseAutoFocus}
    >
      {(close) => (
        <RegenerateTokenForm
          token={token}
          maxLifetimeDays={maxLifetimeDays}
          returnFocus={returnFocus}
          onDone={() => focus.handOver(close)}
        />
      )}
    </FormDialog>
  );
}
