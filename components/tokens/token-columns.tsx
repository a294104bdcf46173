"use client";

import Link from "next/link";
import { createContext, useContext } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { PermissionSummary } from "../permissions/permission-summary";
import { Badge } from "../ui/badge";
import { createDataTableColumnHelper, rowActionsColumn } from "../ui/data-table";
import { DateTime } from "../ui/date-time";
import { RelativeTime } from "./relative-time";
import { TokenExpiry } from "./token-expiry";
import { TokenRowActions } from "./token-row-actions";
import { SelectPageCheckbox, SelectTokenCheckbox } from "./token-selection";

const column = createDataTableColumnHelper<TokenResponse>();

/** What every row needs besides its token: the server render's time (ISO) and the lifetime limit. */
export const TokenListContext = createContext<{ now: string; maxLifetimeDays: number | null }>({
  now: new Date(0).toISOString(),
  maxLifetimeDays: null,
});

// Cells are React components to the table (FlexRender creates them by type), so the column
// definitions must keep their identity across renders; changing values come from context.
// Otherwise every router.refresh() would remount each row's menu and lose focus and dialogs.
function LastUsedCell({ token }: { token: TokenResponse }) {
  const { now } = useContext(TokenListContext);
  if (!token.lastUsedAt) return <span className="whitespace-nowrap text-muted">Never used</span>;
  return (
    <span className="flex flex-col">
      <RelativeTime value={token.lastUsedAt} now={now} />
      {token.lastUsedIp ? <span className="font-mono text-xs text-muted 2xl:hidden">{token.lastUsedIp}</span> : null}
    </span>
  );
}

function ExpiresCell({ expiresAt }: { expiresAt: string | null }) {
  return <TokenExpiry expiresAt={expiresAt} now={useContext(TokenListContext).now} />;
}

function ActionsCell({ token }: { token: TokenResponse }) {
  const { now, maxLifetimeDays } = useContext(TokenListContext);
  return <TokenRowActions token={token} now={now} maxLifetimeDays={maxLifetimeDays} />;
}

/** The list's columns; ids of sortable columns are the API's sort keys. */
export const tokenColumns = column.columns([
  column.display({
    id: "select",
    header: () => <SelectPageCheckbox />,
    meta: { className: "w-10 pr-0" },
    cell: ({ row }) => <SelectTokenCheckbox token={row.original} />,
  }),
  column.accessor("name", {
    header: "Name",
    cell: ({ row }) => (
      <span className="flex max-w-60 min-w-36 flex-col">
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link href={`/tokens/${row.original.id}`} className="font-mono font-medium break-words">
            {row.original.name}
          </Link>
          {row.original.disabled ? (
            <Badge tone="danger" className="font-sans">
              Disabled
            </Badge>
          ) : null}
        </span>
        {/* Below 1536 px the description rides under the name instead of taking a column. */}
        {row.original.description ? (
          <span className="truncate text-xs text-muted 2xl:hidden" title={row.original.description}>
            {row.original.description}
          </span>
        ) : null}
        {/* Below 768 px (a phone) so do the expiry and the last use: their columns would be scrolled out of sight. */}
        <span className="mt-1.5 flex flex-col gap-1 text-xs md:hidden">
          <ExpiresCell expiresAt={row.original.expiresAt} />
          <LastUsedCell token={row.original} />
        </span>
      </span>
    ),
  }),
  column.accessor("description", {
    header: "Description",
    enableSorting: false,
    meta: { className: "hidden 2xl:table-cell" },
    cell: ({ getValue }) =>
      getValue() ? (
        <span className="block max-w-56 truncate text-muted" title={getValue()}>
          {getValue()}
        </span>
      ) : (
        <span className="text-muted">—</span>
      ),
  }),
  column.accessor("permissions", {
    header: "Permissions",
    enableSorting: false,
    cell: ({ getValue }) => (
      <span className="block max-w-56 min-w-28 text-sm">
        <PermissionSummary permissions={getValue()} />
      </span>
    ),
  }),
  column.accessor("lastUsedAt", {
    header: "Last used",
    sortDescFirst: true,
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) => <LastUsedCell token={row.original} />,
  }),
  column.accessor("lastUsedIp", {
    id: "lastUsedIp",
    header: "Last used IP",
    enableSorting: false,
    meta: { className: "hidden 2xl:table-cell" },
    cell: ({ getValue }) => <span className="font-mono text-xs whitespace-nowrap text-muted">{getValue() ?? "—"}</span>,
  }),
  column.accessor("expiresAt", {
    header: "Expires",
    meta: { className: "hidden md:table-cell" },
    cell: ({ getValue }) => <ExpiresCell expiresAt={getValue()} />,
  }),
  column.accessor("createdBy", {
    id: "createdAt",
    header: "Created",
    sortDescFirst: true,
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) => (
      <span className="flex max-w-44 flex-col whitespace-nowrap">
        <span className="truncate" title={row.original.createdBy}>
          {row.original.createdBy}
        </span>
        <span className="text-xs text-muted">
          <DateTime value={row.original.createdAt} />
        </span>
      </span>
    ),
  }),
  rowActionsColumn(column, (token) => <ActionsCell token={token} />),
]);
