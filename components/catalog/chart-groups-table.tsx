"use client";

import { canDeleteChartGroup, canUpdateChartGroup } from "@/lib/permissions/policy";
import type { Permissions } from "@/lib/permissions/schema";
import { CHART_GROUPS_DEFAULT_SORT, type ChartGroupResponse } from "@/lib/schemas/catalog";
import { createDataTableColumnHelper, DataTable, type ListPage, rowActionsColumn } from "../ui/data-table";
import { DateTime } from "../ui/date-time";
import { EditChartGroupDialog, NewChartGroupDialog } from "./chart-group-dialog";
import { EditDeleteRowMenu } from "./edit-delete-row-menu";

type Row = ChartGroupResponse & { canUpdate: boolean; canDelete: boolean };
const column = createDataTableColumnHelper<Row>();

const columns = column.columns([
  column.accessor("name", { header: "Name", cell: ({ getValue }) => <span className="font-medium whitespace-nowrap">{getValue()}</span> }),
  column.accessor("description", {
    header: "Description",
    enableSorting: false,
    cell: ({ getValue }) => <span className="line-clamp-2 text-muted">{getValue() || "—"}</span>,
  }),
  column.accessor((g) => g.charts.length, {
    id: "charts",
    header: "Charts",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="tabular-nums" title={row.original.charts.map((c) => `${c.name} ${c.version}`).join("\n") || undefined}>
        {row.original.charts.length}
      </span>
    ),
  }),
  column.accessor("createdAt", {
    header: "Created",
    sortDescFirst: true,
    meta: { className: "hidden md:table-cell" },
    cell: ({ getValue }) => <DateTime value={getValue()} />,
  }),
  rowActionsColumn(column, (row) => (row.canUpdate || row.canDelete ? <ChartGroupRowActions row={row} /> : null)),
]);

export type ChartGroupsTableProps = {
  list: ListPage<ChartGroupResponse>;
  permissions: Permissions;
  canCreate: boolean;
};

export function ChartGroupsTable({ list, permissions, canCreate }: ChartGroupsTableProps) {
  const rows = list.data.map((g) => ({
    ...g,
    canUpdate: canUpdateChartGroup(permissions, g.name),
    canDelete: canDeleteChartGroup(permissions, g.name),
  }));
  return (
    <DataTable
      list={{ ...list, data: rows }}
      columns={columns}
      defaultSort={CHART_GROUPS_DEFAULT_SORT}
      label="Chart groups"
      noun="chart groups"
      toolbar={canCreate ? <NewChartGroupDialog /> : null}
      emptyState="No chart groups yet."
    />
  );
}

function ChartGroupRowActions({ row }: { row: Row }) {
  return (
    <EditDeleteRowMenu
      name={row.name}
      edit={row.canUpdate ? { render: (dialog) => <EditChartGroupDialog group={row} {...dialog} /> } : undefined}
      kind="chart group"
      path={`/api/v1/chart-groups/${row.id}`}
      remove={row.canDelete ? "A chart group that grants still name cannot be deleted." : undefined}
    />
  );
}
