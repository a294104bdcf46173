"use client";

import type { ReactNode } from "react";
import { DataTable, type DataTableProps } from "../ui/data-table";

// Projects and environments are read by everyone and changed by super admins only: those get
// the row menus and the "New …" button, everyone else the same list without them.

export type ManagedTableProps<TData extends { id: number }> = Omit<DataTableProps<TData>, "columns" | "toolbar" | "emptyState"> & {
  canManage: boolean;
  /** The columns without, and with, the row menu. */
  columns: { read: DataTableProps<TData>["columns"]; manage: DataTableProps<TData>["columns"] };
  /** The "New …" dialog. */
  create: ReactNode;
  /** What an empty list says to those who can fill it, and to the rest. */
  empty: { manage: string; read: string };
};

export function ManagedTable<TData extends { id: number }>({ canManage, columns, create, empty, ...props }: ManagedTableProps<TData>) {
  return (
    <DataTable
      {...props}
      columns={canManage ? columns.manage : columns.read}
      toolbar={canManage ? create : null}
      emptyState={canManage ? empty.manage : empty.read}
    />
  );
}
