"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import type { TokenResponse } from "@/lib/schemas/token";
import { DropdownMenuItem, DropdownMenuSeparator } from "../ui/dropdown-menu";
import { RowMenu, useRowMenu } from "../ui/row-menu";
import { useOpenedOnce } from "../ui/use-opened-once";
import { useEnableToken } from "./use-enable-token";
import { useTokenDeleted } from "./use-token-deleted";

// The dialogs load when first opened, not with the list: a page of rows shows only menus.
const RegenerateTokenDialog = dynamic(() => import("./regenerate-token-dialog").then((m) => m.RegenerateTokenDialog));
const DisableTokenDialog = dynamic(() => import("./token-switch").then((m) => m.DisableTokenDialog));
const DeleteTokenDialog = dynamic(() => import("./delete-token-dialog").then((m) => m.DeleteTokenDialog));

export type TokenRowActionsProps = { token: TokenResponse; now: string; maxLifetimeDays: number | null };

/** The row menu: Edit (the detail page), Disable or Enable, Regenerate, Delete. */
export function TokenRowActions({ token, now, maxLifetimeDays }: TokenRowActionsProps) {
  const menu = useRowMenu<"disable" | "regenerate" | "delete">();
  const onDeleted = useTokenDeleted(token);
  const enabling = useEnableToken(token);
  const regenerate = menu.dialog("regenerate");
  const disable = menu.dialog("disable");
  const remove = menu.dialog("delete");
  const opened = { regenerate: useOpenedOnce(regenerate.open), disable: useOpenedOnce(disable.open), delete: useOpenedOnce(remove.open) };
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
      {opened.regenerate ? (
        <RegenerateTokenDialog {...regenerate} token={token} maxLifetimeDays={maxLifetimeDays} returnFocus={() => menu.trigger.current} />
      ) : null}
      {opened.disable ? <DisableTokenDialog {...disable} token={token} /> : null}
      {opened.delete ? <DeleteTokenDialog {...remove} token={token} now={now} onDeleted={onDeleted} /> : null}
    </>
  );
}
