"use client";

import { createProjectInput, DESCRIPTION_MAX, type ProjectResponse, updateProjectInput } from "@/lib/schemas/catalog";
import { type ControlledDialogProps, FormDialog } from "../ui/dialog";
import { DialogFormFooter, Form, FormText, FormTextarea, useApiForm, useFinish } from "../ui/form";

export const SLUG_HINT = "Lowercase letters, digits and hyphens; starts and ends with a letter or digit. It cannot be changed later.";

export function NewProjectDialog() {
  return (
    <FormDialog trigger="New project" description="Apps and Helm apps belong to a project; grants give roles per project.">
      {(close) => <NewProjectForm onDone={close} />}
    </FormDialog>
  );
}

export function EditProjectDialog({ project, ...dialog }: ControlledDialogProps & { project: ProjectResponse }) {
  return (
    <FormDialog {...dialog} title={`Edit ${project.name}`} description="A project's name cannot change: grants refer to it.">
      {(close) => <EditProjectForm project={project} onDone={close} />}
    </FormDialog>
  );
}

function NewProjectForm({ onDone }: { onDone: () => void }) {
  const form = useApiForm(createProjectInput, { name: "", description: "" });
  const finish = useFinish(onDone);
  return (
    <Form
      form={form}
      onSubmit={form.submitTo<ProjectResponse>("POST", "/api/v1/projects", (p) => finish({ title: `Created project ${p.name}` }))}
    >
      <FormText control={form.control} name="name" label="Name" autoComplete="off" hint={SLUG_HINT} />
      <FormTextarea control={form.control} name="description" label="Description" max={DESCRIPTION_MAX} />
      <DialogFormFooter submitLabel="Create project" />
    </Form>
  );
}

function EditProjectForm({ project, onDone }: { project: ProjectResponse; onDone: () => void }) {
  const form = useApiForm(updateProjectInput, { description: project.description });
  const finish = useFinish(onDone);
  return (
    <Form
      form={form}
      onSubmit={form.submitTo<ProjectResponse>("PATCH", `/api/v1/projects/${project.id}`, (p) => finish({ title: `Saved ${p.name}` }))}
    >
      <FormTextarea control={form.control} name="description" label="Description" max={DESCRIPTION_MAX} />
      <DialogFormFooter submitLabel="Save changes" />
    </Form>
  );
}
