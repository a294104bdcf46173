"use client";

import Link from "next/link";
import { APPS_DEFAULT_SORT, type AppResponse } from "@/lib/schemas/catalog";
import { createDataTableColumnHelper, DataTable, type ListPage } from "../ui/data-table";
import { DateTime } from "../ui/date-time";
import { CreateAppDialog } from "./app-dialog";
import { UrlFilter } from "./url-filter";

const column = createDataTableColumnHelper<AppResponse>();

const columns = column.columns([
  column.accessor("name", {
    header: "Name",
    cell: ({ row }) => (
      <Link href={`/apps/${row.original.id}`} className="font-medium whitespace-nowrap">
        {row.original.name}
      </Link>
    ),
  }),
  column.accessor("project", {
    header: "Project",
    enableSorting: false,
    cell: ({ getValue }) => <span className="whitespace-nowrap">{getValue()}</span>,
  }),
  column.accessor("description", {
    header: "Description",
    enableSorting: false,
    meta: { className: "hidden lg:table-cell" },
    cell: ({ getValue }) => <span className="line-clamp-2 text-muted">{getValue() || "—"}</span>,
  }),
  column.accessor("createdAt", {
    header: "Created",
    sortDescFirst: true,
    meta: { className: "hidden md:table-cell" },
    cell: ({ getValue }) => <DateTime value={getValue()} />,
  }),
  column.accessor("updatedAt", { header: "Updated", sortDescFirst: true, cell: ({ getValue }) => <DateTime value={getValue()} /> }),
]);

export type AppsTableProps = {
  list: ListPage<AppResponse>;
  /** The project filter (the `project` URL parameter) and its choices. */
  project?: string;
  projects: string[];
  /** Projects where this user may create apps; no button when empty. */
  creatableProjects: string[];
};

export function AppsTable({ list, project, projects, creatableProjects }: AppsTableProps) {
  return (
    <DataTable
      list={list}
      columns={columns}
      defaultSort={APPS_DEFAULT_SORT}
      label="Devtron apps"
      noun="apps"
      toolbar={
        <div className="flex flex-wrap items-center justify-end gap-2">
          <UrlFilter param="project" label="Project" allLabel="All projects" options={projects} value={project} />
          {creatableProjects.length ? <CreateAppDialog projects={creatableProjects} defaultProject={project} /> : null}
        </div>
      }
      emptyState={
        project
          ? `No apps in ${project} that you can see.`
          : projects.length || creatableProjects.length
            ? "No apps yet."
            : "You have no role on any Devtron app yet. Ask a super admin for one."
      }
    />
  );
}
