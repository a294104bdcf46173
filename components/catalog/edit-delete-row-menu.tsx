"use client";

import type { ReactNode } from "react";
import type { ControlledDialogProps } from "../ui/dialog";
import { DropdownMenuItem, DropdownMenuSeparator } from "../ui/dropdown-menu";
import { RowMenu, useRowMenu } from "../ui/row-menu";
import { DeleteDialog } from "./delete-dialog";

export type EditDeleteRowMenuProps = {
  name: string;
  /** What the row is, e.g. "chart group": the delete dialog says "Delete chart group {name}?". */
  kind: string;
  /** The row's API path, e.g. /api/v1/projects/3. */
  path: string;
  /** The edit dialog, given its open state; omit when the caller may not edit. */
  edit?: { label?: string; render: (props: Required<ControlledDialogProps>) => ReactNode };
  /** The delete confirmation's text (what deleting does, or when it is refused); omit when the caller may not delete. */
  remove?: string;
};

/** The catalog's usual row menu: Edit and/or Delete, each opening its dialog, focus returning to the row. */
export function EditDeleteRowMenu({ name, kind, path, edit, remove }: EditDeleteRowMenuProps) {
  const menu = useRowMenu<"edit" | "delete">();
  return (
    <>
      <RowMenu name={name} menu={menu}>
        {edit ? <DropdownMenuItem onSelect={() => menu.show("edit")}>{edit.label ?? "Edit"}</DropdownMenuItem> : null}
        {edit && remove ? <DropdownMenuSeparator /> : null}
        {remove ? (
          <DropdownMenuItem tone="danger" onSelect={() => menu.show("delete")}>
            Delete
          </DropdownMenuItem>
        ) : null}
      </RowMenu>
      {edit?.render(menu.dialog("edit"))}
      {remove ? (
        <DeleteDialog
          {...menu.dialog("delete")}
          what={`${kind} ${name}`}
          description={remove}
          path={path}
          confirmLabel={`Delete ${kind}`}
        />
      ) : null}
    </>
  );
}
