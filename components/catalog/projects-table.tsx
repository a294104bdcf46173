"use client";

import type { ProjectResponse } from "@/lib/schemas/catalog";
import { createDataTableColumnHelper, DataTable, type ListPage, rowActionsColumn } from "../ui/data-table";
import { DateTime } from "../ui/date-time";
import { EditDeleteRowMenu } from "./edit-delete-row-menu";
import { EditProjectDialog, NewProjectDialog } from "./project-dialog";

export const PROJECTS_DEFAULT_SORT = "name";

const column = createDataTableColumnHelper<ProjectResponse>();

const nameColumn = column.accessor("name", {
  header: "Name",
  cell: ({ getValue }) => <span className="font-medium whitespace-nowrap">{getValue()}</span>,
});
const descriptionColumn = column.accessor("description", {
  header: "Description",
  enableSorting: false,
  cell: ({ getValue }) => <span className="line-clamp-2 text-muted">{getValue() || "—"}</span>,
});
const createdColumn = column.accessor("createdAt", {
  header: "Created",
  sortDescFirst: true,
  meta: { className: "hidden md:table-cell" },
  cell: ({ getValue }) => <DateTime value={getValue()} />,
});

const actionsColumn = rowActionsColumn(column, (project) => <ProjectRowActions project={project} />);

const readColumns = column.columns([nameColumn, descriptionColumn, createdColumn]);
const manageColumns = column.columns([nameColumn, descriptionColumn, createdColumn, actionsColumn]);

export type ProjectsTableProps = {
  list: ListPage<ProjectResponse>;
  /** Super admins create, edit and delete projects. */
  canManage: boolean;
};

export function ProjectsTable({ list, canManage }: ProjectsTableProps) {
  return (
    <DataTable
      list={list}
      columns={canManage ? manageColumns : readColumns}
      defaultSort={PROJECTS_DEFAULT_SORT}
      label="Projects"
      noun="projects"
      toolbar={canManage ? <NewProjectDialog /> : null}
      emptyState={canManage ? "No projects yet. Create one to add apps to it." : "No projects yet. A super admin creates them."}
    />
  );
}

function ProjectRowActions({ project }: { project: ProjectResponse }) {
  return (
    <EditDeleteRowMenu
      name={project.name}
      edit={{ render: (dialog) => <EditProjectDialog project={project} {...dialog} /> }}
      kind="project"
      path={`/api/v1/projects/${project.id}`}
      remove={"A project that still has apps, Helm apps or grants naming it cannot be deleted."}
    />
  );
}
