"use client";

import { useRef, useState } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { Button } from "../ui/button";
import { DeleteTokenDialog, useTokenDeleted } from "./delete-token-dialog";
import { RegenerateTokenDialog } from "./regenerate-token-dialog";

export type TokenDetailActionsProps = { token: TokenResponse; now: string; maxLifetimeDays: number | null };

/** Regenerate and Delete on a token's page; deleting goes back to the list. */
export function TokenDetailActions({ token, now, maxLifetimeDays }: TokenDetailActionsProps) {
  const regenerateButton = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<"regenerate" | "delete" | null>(null);
  const onDeleted = useTokenDeleted(token, "/tokens");
  const openChange = (which: "regenerate" | "delete") => (next: boolean) => setOpen(next ? which : null);
  return (
    <>
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
      <DeleteTokenDialog token={token} now={now} open={open === "delete"} onOpenChange={openChange("delete")} onDeleted={onDeleted} />
    </>
  );
}
