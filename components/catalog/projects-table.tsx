"use client";

import { PROJECTS_DEFAULT_SORT, type ProjectResponse } from "@/lib/schemas/catalog";
import { createDataTableColumnHelper, type ListPage, rowActionsColumn } from "../ui/data-table";
import { DateTime } from "../ui/date-time";
import { EditDeleteRowMenu } from "./edit-delete-row-menu";
import { ManagedTable } from "./managed-table";
import { EditProjectDialog, NewProjectDialog } from "./project-dialog";

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

const readColumns = column.columns([nameColumn, descriptionColumn, createdColumn]);
const columns = {
  read: readColumns,
  manage: column.columns([...readColumns, rowActionsColumn(column, (project) => <ProjectRowActions project={project} />)]),
};

export function ProjectsTable({ list, canManage }: { list: ListPage<ProjectResponse>; canManage: boolean }) {
  return (
    <ManagedTable
      list={list}
      canManage={canManage}
      columns={columns}
      defaultSort={PROJECTS_DEFAULT_SORT}
      label="Projects"
      noun="projects"
      create={<NewProjectDialog />}
      empty={{ manage: "No projects yet. Create one to add apps to it.", read: "No projects yet. A super admin creates them." }}
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
      remove="A project that still has apps, Helm apps or grants naming it cannot be deleted."
    />
  );
}
