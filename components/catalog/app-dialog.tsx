"use client";

import { useRouter } from "next/navigation";
import type { Control } from "react-hook-form";
import { type AppResponse, createAppInput, DESCRIPTION_MAX, type Label, updateAppInput } from "@/lib/schemas/catalog";
import { type ControlledDialogProps, FormDialog } from "../ui/dialog";
import { bodySchema, DialogFormFooter, Form, FormSelect, FormText, FormTextarea, useApiForm, useFinish } from "../ui/form";
import { LabelsEditor } from "./labels-editor";

export const APP_NAME_HINT = "2–30 characters: lowercase letters, digits and hyphens; starts with a letter";

type Values = { name: string; project: string; description: string; labels: Label[] };
const createSchema = bodySchema((v: Values) => v, createAppInput);
// An app keeps its name and project, so an edit sends the rest.
const updateSchema = bodySchema(({ name: _, project: __, ...v }: Values) => v, updateAppInput);

/** "Create app": `projects` are those where the user may create apps (admin or manager on the whole project). */
export function CreateAppDialog({ projects, defaultProject }: { projects: string[]; defaultProject?: string }) {
  return (
    <FormDialog trigger="Create app" description="A Devtron application in a project." className="sm:max-w-lg">
      {(close) => <CreateAppForm projects={projects} defaultProject={defaultProject} onDone={close} />}
    </FormDialog>
  );
}

export function EditAppDialog({ app, ...dialog }: ControlledDialogProps & { app: AppResponse }) {
  return (
    <FormDialog {...dialog} title={`Edit ${app.name}`} description="An app's name and project cannot change." className="sm:max-w-lg">
      {(close) => <EditAppForm app={app} onDone={close} />}
    </FormDialog>
  );
}

function CreateAppForm({ projects, defaultProject, onDone }: { projects: string[]; defaultProject?: string; onDone: () => void }) {
  const router = useRouter();
  const project = defaultProject && projects.includes(defaultProject) ? defaultProject : projects.length === 1 ? projects[0]! : "";
  const form = useApiForm(createSchema, { name: "", project, description: "", labels: [] });
  const finish = useFinish(onDone);
  const onSaved = (saved: AppResponse) => {
    router.push(`/apps/${saved.id}`);
    finish({ title: `Created app ${saved.name}` });
  };
  return (
    <Form form={form} onSubmit={form.submitTo("POST", "/api/v1/apps", onSaved)}>
      <FormText control={form.control} name="name" label="Name" autoComplete="off" hint={APP_NAME_HINT} />
      <FormSelect control={form.control} name="project" label="Project" placeholder="Choose a project" options={projects} />
      <AppFields control={form.control} submitLabel="Create app" />
    </Form>
  );
}

function EditAppForm({ app, onDone }: { app: AppResponse; onDone: () => void }) {
  const { name, project, description, labels } = app;
  const form = useApiForm(updateSchema, { name, project, description, labels });
  const finish = useFinish(onDone);
  return (
    <Form
      form={form}
      onSubmit={form.submitTo("PATCH", `/api/v1/apps/${app.id}`, (saved: AppResponse) => finish({ title: `Saved ${saved.name}` }))}
    >
      <AppFields control={form.control} submitLabel="Save changes" />
    </Form>
  );
}

function AppFields({ control, submitLabel }: { control: Control<Values, unknown, unknown>; submitLabel: string }) {
  return (
    <>
      <FormTextarea control={control} name="description" label="Description" max={DESCRIPTION_MAX} />
      <LabelsEditor control={control} name="labels" />
      <DialogFormFooter submitLabel={submitLabel} />
    </>
  );
}
