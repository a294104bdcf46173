"use client";

import Link from "next/link";
import type { TokenResponse } from "@/lib/schemas/token";
import { DropdownMenuItem, DropdownMenuSeparator } from "../ui/dropdown-menu";
import { RowMenu, useRowMenu } from "../ui/row-menu";
import { DeleteTokenDialog, useTokenDeleted } from "./delete-token-dialog";
import { RegenerateTokenDialog } from "./regenerate-token-dialog";
import { DisableTokenDialog, useEnableToken } from "./token-switch";

export type TokenRowActionsProps = { token: TokenResponse; now: string; maxLifetimeDays: number | null };

/** The row menu: Edit (the detail page), Disable or Enable, Regenerate, Delete. */
export function TokenRowActions({ token, now, maxLifetimeDays }: TokenRowActionsProps) {
  const menu = useRowMenu<"disable" | "regenerate" | "delete">();
  const onDeleted = useTokenDeleted(token);
  const enabling = useEnableToken(token);
  return (
    <>
      <RowMenu name={token.name} menu={menu} headingClassName="font-mono" busy={enabling.pending}>
        <DropdownMenuItem asChild>
          <Link href={`/tokens/${token.id}`} className="text-fg no-underline hover:no-underline">
            Edit
          </Link>
        </DropdownMenuItem>
        {token.disabled ? (
          <DropdownMenuItem disabled={enabling.pending} onSelect={() => enabling.enable()}>
            Enable
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem onSelect={() => menu.show("disable")}>Disable</DropdownMenuItem>
        )}
        <DropdownMenuItem onSelect={() => menu.show("regenerate")}>Regenerate</DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem tone="danger" onSelect={() => menu.show("delete")}>
          Delete
        </DropdownMenuItem>
      </RowMenu>
      <RegenerateTokenDialog
        {...menu.dialog("regenerate")}
        token={token}
        maxLifetimeDays={maxLifetimeDays}
        returnFocus={() => menu.trigger.current}
      />
      <DisableTokenDialog {...menu.dialog("disable")} token={token} />
      <DeleteTokenDialog {...menu.dialog("delete")} token={token} now={now} onDeleted={onDeleted} />
    </>
  );
}
