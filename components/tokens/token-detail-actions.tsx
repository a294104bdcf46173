"use client";

import { useRef, useState } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { Button } from "../ui/button";
import { DeleteTokenDialog, useTokenDeleted } from "./delete-token-dialog";
import { RegenerateTokenDialog } from "./regenerate-token-dialog";
import { DisableTokenDialog, useEnableToken } from "./token-switch";

export type TokenDetailActionsProps = { token: TokenResponse; now: string; maxLifetimeDays: number | null };

type Which = "disable" | "regenerate" | "delete";

/** Disable or Enable, Regenerate and Delete on a token's page; deleting goes back to the list. */
export function TokenDetailActions({ token, now, maxLifetimeDays }: TokenDetailActionsProps) {
  const regenerateButton = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<Which | null>(null);
  const onDeleted = useTokenDeleted(token, "/tokens");
  const enabling = useEnableToken(token);
  const openChange = (which: Which) => (next: boolean) => setOpen(next ? which : null);
  return (
    <>
      {token.disabled ? (
        <Button variant="secondary" loading={enabling.pending} onClick={() => enabling.enable()}>
          Enable
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => setOpen("disable")}>
          Disable
        </Button>
      )}
      <Button ref={regenerateButton} variant="secondary" onClick={() => setOpen("regenerate")}>
        Regenerate
      </Button>
      <Button variant="danger" onClick={() => setOpen("delete")}>
        Delete
      </Button>
      <RegenerateTokenDialog
        token={token}
        open={open === "regenerate"}
        onOpenChange={openChange("regenerate")}
        maxLifetimeDays={maxLifetimeDays}
        returnFocus={() => regenerateButton.current}
      />
      <DisableTokenDialog token={token} open={open === "disable"} onOpenChange={openChange("disable")} />
      <DeleteTokenDialog token={token} now={now} open={open === "delete"} onOpenChange={openChange("delete")} onDeleted={onDeleted} />
    </>
  );
}
