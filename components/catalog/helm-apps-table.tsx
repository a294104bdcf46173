"use client";

import { canDeleteHelmApp, canUpdateHelmApp } from "@/lib/permissions/policy";
import type { Permissions } from "@/lib/permissions/schema";
import { HELM_APPS_DEFAULT_SORT, type HelmAppResponse } from "@/lib/schemas/catalog";
import { createDataTableColumnHelper, DataTable, type ListPage, rowActionsColumn } from "../ui/data-table";
import { DateTime } from "../ui/date-time";
import { EditDeleteRowMenu } from "./edit-delete-row-menu";
import { EditHelmAppDialog, InstallHelmAppDialog, type InstallTarget } from "./helm-app-dialogs";
import { UrlFilter } from "./url-filter";

type Row = HelmAppResponse & { canUpdate: boolean; canDelete: boolean };
const column = createDataTableColumnHelper<Row>();

const columns = column.columns([
  column.accessor("name", { header: "Name", cell: ({ getValue }) => <span className="font-medium whitespace-nowrap">{getValue()}</span> }),
  column.accessor("project", { header: "Project", enableSorting: false }),
  column.accessor("environment", { header: "Environment", enableSorting: false }),
  column.accessor("chart", {
    header: "Chart",
    enableSorting: false,
    cell: ({ getValue }) => <code className="text-xs whitespace-nowrap">{getValue()}</code>,
  }),
  column.accessor("version", {
    header: "Version",
    enableSorting: false,
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
  }),
  column.accessor("updatedAt", {
    header: "Updated",
    sortDescFirst: true,
    meta: { className: "hidden md:table-cell" },
    cell: ({ getValue }) => <DateTime value={getValue()} />,
  }),
  rowActionsColumn(column, (row) => (row.canUpdate || row.canDelete ? <HelmAppRowActions row={row} /> : null)),
]);

export type HelmAppsTableProps = {
  list: ListPage<HelmAppResponse>;
  project?: string;
  environment?: string;
  projects: string[];
  environments: string[];
  /** The signed-in user's permissions: decide each row's Edit values and Delete. */
  permissions: Permissions;
  /** Where Install may go; no button when empty. */
  installTargets: InstallTarget[];
};

export function HelmAppsTable({ list, project, environment, projects, environments, permissions, installTargets }: HelmAppsTableProps) {
  const rows = list.data.map((h) => {
    const ref = { project: h.project, environment: h.environment, name: h.name };
    return { ...h, canUpdate: canUpdateHelmApp(permissions, ref), canDelete: canDeleteHelmApp(permissions, ref) };
  });
  return (
    <DataTable
      list={{ ...list, data: rows }}
      columns={columns}
      defaultSort={HELM_APPS_DEFAULT_SORT}
      label="Helm apps"
      noun="Helm apps"
      toolbar={
        <div className="flex flex-wrap items-center justify-end gap-2">
          <UrlFilter param="project" label="Project" allLabel="All projects" options={projects} value={project} />
          <UrlFilter param="environment" label="Environment" allLabel="All environments" options={environments} value={environment} />
          {installTargets.length ? <InstallHelmAppDialog targets={installTargets} /> : null}
        </div>
      }
      emptyState={
        project || environment
          ? "No Helm apps that you can see match these filters."
          : projects.length
            ? "No Helm apps yet."
            : "You have no role on any Helm app yet. Ask a super admin for one."
      }
    />
  );
}

function HelmAppRowActions({ row }: { row: Row }) {
  return (
    <EditDeleteRowMenu
      name={row.name}
      edit={row.canUpdate ? { label: "Edit values", render: (dialog) => <EditHelmAppDialog helmApp={row} {...dialog} /> } : undefined}
      kind="Helm app"
      path={`/api/v1/helm-apps/${row.id}`}
      remove={row.canDelete ? `The release is removed from ${row.environment}. This cannot be undone.` : undefined}
    />
  );
}
