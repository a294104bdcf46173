"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { Button } from "../ui/button";
import { useToast } from "../ui/toast";
import { DeleteTokenDialog } from "./delete-token-dialog";
import { RegenerateTokenDialog } from "./regenerate-token-dialog";

export type TokenDetailActionsProps = { token: TokenResponse; now: string; maxLifetimeDays: number | null };

/** Regenerate and Delete on a token's page; deleting goes back to the list. */
export function TokenDetailActions({ token, now, maxLifetimeDays }: TokenDetailActionsProps) {
  const router = useRouter();
  const { toast } = useToast();
  const regenerateButton = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<"regenerate" | "delete" | null>(null);

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
        onOpenChange={(next) => setOpen(next ? "regenerate" : null)}
        maxLifetimeDays={maxLifetimeDays}
        returnFocus={() => regenerateButton.current}
      />
      <DeleteTokenDialog
        token={token}
        now={now}
        open={open === "delete"}
        onOpenChange={(next) => setOpen(next ? "delete" : null)}
        onDeleted={() => {
          toast({ tone: "success", title: `Deleted ${token.name}`, description: "Its secret stopped working at once." });
          router.push("/tokens");
        }}
      />
    </>
  );
}
