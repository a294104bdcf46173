"use client";

import { useMemo } from "react";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { USERS_DEFAULT_SORT, type UserResponse } from "@/lib/schemas/user";
import { PermissionSummary } from "../permissions/permission-summary";
import { Badge } from "../ui/badge";
import { createDataTableColumnHelper, DataTable, type ListPage, rowActionsColumn } from "../ui/data-table";
import { DateTime } from "../ui/date-time";
import { NewUserDialog } from "./new-user-dialog";
import { UserRowActions } from "./user-row-actions";

type Row = UserResponse & { isCurrentUser: boolean; catalog: PermissionCatalog; providerNames: Partial<Record<string, string>> };

/** "Password", or a provider's configured name (its id once it is no longer configured). */
const methodName = (method: string, names: Partial<Record<string, string>>) =>
  method === "password" ? "Password" : (names[method] ?? method);
const column = createDataTableColumnHelper<Row>();

const columns = column.columns([
  column.accessor("name", {
    header: "Name",
    cell: ({ row }) => (
      <span className="flex items-center gap-2 font-medium whitespace-nowrap">
        {row.original.name}
        {row.original.isCurrentUser ? <Badge>You</Badge> : null}
      </span>
    ),
  }),
  column.accessor("email", { header: "Email", cell: ({ getValue }) => <span className="whitespace-nowrap text-muted">{getValue()}</span> }),
  column.accessor("permissions", {
    header: "Permissions",
    enableSorting: false,
    cell: ({ getValue }) => <PermissionSummary permissions={getValue()} />,
  }),
  column.accessor("disabled", {
    id: "status",
    header: "Status",
    enableSorting: false,
    cell: ({ getValue }) => (getValue() ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>),
  }),
  column.accessor("signInMethods", {
    id: "signIn",
    header: "Sign-in",
    enableSorting: false,
    cell: ({ row }) => {
      const { signInMethods, lastSignInAt, lastSignInMethod, providerNames } = row.original;
      return (
        <div className="space-y-1">
          <span className="flex flex-wrap gap-1">
            {signInMethods.map((method) => (
              <Badge key={method}>{methodName(method, providerNames)}</Badge>
            ))}
          </span>
          <p className="text-xs whitespace-nowrap text-muted">
            {lastSignInAt ? (
              <>
                {/* The day keeps the table narrow; the exact time is on hover. */}
                Last: <DateTime value={lastSignInAt} /> · {methodName(lastSignInMethod ?? "", providerNames)}
              </>
            ) : (
              "Never signed in"
            )}
          </p>
        </div>
      );
    },
  }),
  column.accessor("createdAt", {
    header: "Created",
    sortDescFirst: true,
    meta: { className: "hidden md:table-cell" },
    cell: ({ getValue }) => <DateTime value={getValue()} />,
  }),
  rowActionsColumn(column, (user) => <UserRowActions user={user} isCurrentUser={user.isCurrentUser} catalog={user.catalog} />),
]);

export type UsersTableProps = {
  list: ListPage<UserResponse>;
  currentUserId: number;
  /** The names the permission editor offers. */
  catalog: PermissionCatalog;
  /** The configured SSO providers' names by id (server/auth/sso-config.ts). */
  providerNames: Partial<Record<string, string>>;
};

export function UsersTable({ list, currentUserId, catalog, providerNames }: UsersTableProps) {
  // The catalog and names ride along on each row (shared objects) so the static columns can reach them.
  const rows = useMemo(
    () => list.data.map((user) => ({ ...user, isCurrentUser: user.id === currentUserId, catalog, providerNames })),
    [list.data, currentUserId, catalog, providerNames],
  );
  return (
    <DataTable
      list={{ ...list, data: rows }}
      columns={columns}
      defaultSort={USERS_DEFAULT_SORT}
      label="Users"
      noun="users"
      searchPlaceholder="Search by name or email"
      toolbar={<NewUserDialog sso={Object.keys(providerNames).length > 0} />}
      emptyState="No users yet."
    />
  );
}
