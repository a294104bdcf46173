"use client";

import { type ReactNode, type RefObject, useRef, useState } from "react";
import { Button } from "../ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "../ui/dropdown-menu";
import { DeleteDialog } from "./delete-dialog";

/** The row's "…" button; dialogs opened from it give focus back to it (the menu item is gone by then). */
export function useRowMenu() {
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = (event: Event) => {
    event.preventDefault();
    trigger.current?.focus();
  };
  return { trigger, returnFocus };
}

export function RowMenu({ name, trigger, children }: { name: string; trigger: RefObject<HTMLButtonElement | null>; children: ReactNode }) {
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button ref={trigger} variant="ghost" size="icon" aria-label={`Actions for ${name}`}>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="currentColor">
            <circle cx="3" cy="8" r="1.4" />
            <circle cx="8" cy="8" r="1.4" />
            <circle cx="13" cy="8" r="1.4" />
          </svg>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>{name}</DropdownMenuLabel>
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

type DialogProps = { open: boolean; onOpenChange: (open: boolean) => void; onCloseAutoFocus: (event: Event) => void };

export type EditDeleteRowMenuProps = {
  name: string;
  /** The edit dialog, given its open state; omit when the caller may not edit. */
  edit?: { label?: string; render: (props: DialogProps) => ReactNode };
  /** What to delete; omit when the caller may not delete. */
  remove?: { what: string; description: string; path: string; confirmLabel: string };
};

/** The catalog's usual row menu: Edit and/or Delete, each opening its dialog, focus returning to the row. */
export function EditDeleteRowMenu({ name, edit, remove }: EditDeleteRowMenuProps) {
  const { trigger, returnFocus } = useRowMenu();
  const [open, setOpen] = useState<"edit" | "delete" | null>(null);
  const dialog = (which: "edit" | "delete"): DialogProps => ({
    open: open === which,
    onOpenChange: (o) => setOpen(o ? which : null),
    onCloseAutoFocus: returnFocus,
  });
  return (
    <>
      <RowMenu name={name} trigger={trigger}>
        {edit ? <DropdownMenuItem onSelect={() => setOpen("edit")}>{edit.label ?? "Edit"}</DropdownMenuItem> : null}
        {edit && remove ? <DropdownMenuSeparator /> : null}
        {remove ? (
          <DropdownMenuItem tone="danger" onSelect={() => setOpen("delete")}>
            Delete
          </DropdownMenuItem>
        ) : null}
      </RowMenu>
      {edit?.render(dialog("edit"))}
      {remove ? <DeleteDialog {...dialog("delete")} {...remove} /> : null}
    </>
  );
}
