"use client";

import { ENVIRONMENTS_DEFAULT_SORT, type EnvironmentResponse } from "@/lib/schemas/catalog";
import { Badge } from "../ui/badge";
import { createDataTableColumnHelper, type ListPage, rowActionsColumn } from "../ui/data-table";
import { EditDeleteRowMenu } from "./edit-delete-row-menu";
import { EditEnvironmentDialog, NewEnvironmentDialog } from "./environment-dialog";
import { ManagedTable } from "./managed-table";

const column = createDataTableColumnHelper<EnvironmentResponse>();

const nameColumn = column.accessor("name", {
  header: "Name",
  cell: ({ row }) => (
    <span className="flex items-center gap-2 font-medium whitespace-nowrap">
      {row.original.name}
      {row.original.production ? <Badge tone="warning">Production</Badge> : null}
    </span>
  ),
});
const clusterColumn = column.accessor("cluster", {
  header: "Cluster",
  enableSorting: false,
  cell: ({ getValue }) => <span className="whitespace-nowrap">{getValue()}</span>,
});
const namespaceColumn = column.accessor("namespace", {
  header: "Namespace",
  enableSorting: false,
  cell: ({ getValue }) => <code className="text-xs whitespace-nowrap">{getValue()}</code>,
});
const descriptionColumn = column.accessor("description", {
  header: "Description",
  enableSorting: false,
  meta: { className: "hidden md:table-cell" },
  cell: ({ getValue }) => <span className="line-clamp-2 text-muted">{getValue() || "—"}</span>,
});
const readColumns = column.columns([nameColumn, clusterColumn, namespaceColumn, descriptionColumn]);
const columns = {
  read: readColumns,
  manage: column.columns([...readColumns, rowActionsColumn(column, (environment) => <EnvironmentRowActions environment={environment} />)]),
};

export function EnvironmentsTable({ list, canManage }: { list: ListPage<EnvironmentResponse>; canManage: boolean }) {
  return (
    <ManagedTable
      list={list}
      canManage={canManage}
      columns={columns}
      defaultSort={ENVIRONMENTS_DEFAULT_SORT}
      label="Environments"
      noun="environments"
      create={<NewEnvironmentDialog />}
      empty={{
        manage: "No environments yet. Create one to deploy apps to it.",
        read: "No environments yet. A super admin creates them.",
      }}
    />
  );
}

function EnvironmentRowActions({ environment }: { environment: EnvironmentResponse }) {
  return (
    <EditDeleteRowMenu
      name={environment.name}
      edit={{ render: (dialog) => <EditEnvironmentDialog environment={environment} {...dialog} /> }}
      kind="environment"
      path={`/api/v1/environments/${environment.id}`}
      remove="An environment that apps were deployed to, that has Helm apps, or that grants name cannot be deleted."
    />
  );
}
