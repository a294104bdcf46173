"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { Button } from "../ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "../ui/dropdown-menu";
import { useToast } from "../ui/toast";
import { DeleteTokenDialog } from "./delete-token-dialog";
import { RegenerateTokenDialog } from "./regenerate-token-dialog";

type Open = "regenerate" | "delete" | null;

export type TokenRowActionsProps = { token: TokenResponse; now: string; maxLifetimeDays: number | null };

/** The row menu: Edit (the detail page), Regenerate, Delete. */
export function TokenRowActions({ token, now, maxLifetimeDays }: TokenRowActionsProps) {
  const router = useRouter();
  const { toast } = useToast();
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<Open>(null);

  // The menu item that opened a dialog is gone when it closes: give focus back to the row's button.
  const returnFocus = (event: Event) => {
    event.preventDefault();
    trigger.current?.focus();
  };

  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} variant="ghost" size="icon" aria-label={`Actions for ${token.name}`}>
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="currentColor">
              <circle cx="3" cy="8" r="1.4" />
              <circle cx="8" cy="8" r="1.4" />
              <circle cx="13" cy="8" r="1.4" />
            </svg>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel className="font-mono">{token.name}</DropdownMenuLabel>
          <DropdownMenuItem asChild>
            <Link href={`/tokens/${token.id}`} className="text-fg no-underline hover:no-underline">
              Edit
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setOpen("regenerate")}>Regenerate</DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem tone="danger" onSelect={() => setOpen("delete")}>
            Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      <RegenerateTokenDialog
        token={token}
        open={open === "regenerate"}
        onOpenChange={(next) => setOpen(next ? "regenerate" : null)}
        maxLifetimeDays={maxLifetimeDays}
        onCloseAutoFocus={returnFocus}
        returnFocus={() => trigger.current}
      />
      <DeleteTokenDialog
        token={token}
        now={now}
        open={open === "delete"}
        onOpenChange={(next) => setOpen(next ? "delete" : null)}
        onCloseAutoFocus={returnFocus}
        onDeleted={() => {
          toast({ tone: "success", title: `Deleted ${token.name}`, description: "Its secret stopped working at once." });
          router.refresh();
        }}
      />
    </>
  );
}
