"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { type AppResponse, createAppInput, DESCRIPTION_MAX, type Label, updateAppInput } from "@/lib/schemas/catalog";
import { fieldErrorsOfIssues } from "../api-request";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "../ui/dialog";
import { FormAlert, TextField } from "../ui/form-field";
import { useToast } from "../ui/toast";
import { useFocusFirstError } from "../ui/use-focus-first-error";
import { SelectField, TextareaField } from "./form-controls";
import { LabelsEditor } from "./labels-editor";
import { useApiForm } from "./use-api-form";

export const APP_NAME_HINT = "2–30 characters: lowercase letters, digits and hyphens; starts with a letter";
const FIELDS = ["name", "project", "description", "labels"] as const;

/** "Create app": `projects` are those where the user may create apps (admin or manager on the whole project). */
export function CreateAppDialog({ projects, defaultProject }: { projects: string[]; defaultProject?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Create app</Button>
      </DialogTrigger>
      <DialogContent title="Create app" description="A Devtron application in a project." className="sm:max-w-lg">
        <AppForm projects={projects} defaultProject={defaultProject} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

export function EditAppDialog({ app, open, onOpenChange }: { app: AppResponse; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={`Edit ${app.name}`} description="An app's name and project cannot change." className="sm:max-w-lg">
        {open ? <AppForm app={app} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function AppForm({
  app,
  projects = [],
  defaultProject,
  onDone,
}: {
  app?: AppResponse;
  projects?: string[];
  defaultProject?: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const { toast } = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [project, setProject] = useState(
    defaultProject && projects.includes(defaultProject) ? defaultProject : projects.length === 1 ? projects[0]! : "",
  );
  const [description, setDescription] = useState(app?.description ?? "");
  const [labels, setLabels] = useState<Label[]>(app?.labels ?? []);
  const { pending, errors, setErrors, alert, send } = useApiForm();
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = app
      ? updateAppInput.safeParse({ description, labels })
      : createAppInput.safeParse({ name, project, description, labels });
    if (!parsed.success) return setErrors(fieldErrorsOfIssues(parsed.error.issues));
    const saved = await send<AppResponse>(
      app ? `/api/v1/apps/${app.id}` : "/api/v1/apps",
      { method: app ? "PATCH" : "POST", body: parsed.data },
      FIELDS,
    );
    if (!saved) return;
    toast({ tone: "success", title: app ? `Saved ${saved.name}` : `Created app ${saved.name}` });
    onDone();
    if (!app) router.push(`/apps/${saved.id}`);
    router.refresh();
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert>{alert}</FormAlert>
      {app ? null : (
        <>
          <TextField
            label="Name"
            name="name"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            hint={APP_NAME_HINT}
            error={errors.name}
          />
          <SelectField
            label="Project"
            placeholder="Choose a project"
            options={projects}
            value={project}
            onChange={(e) => setProject(e.target.value)}
            error={errors.project}
          />
        </>
      )}
      <TextareaField
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        max={DESCRIPTION_MAX}
        error={errors.description}
      />
      <LabelsEditor value={labels} onChange={setLabels} errors={errors} disabled={pending} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          {app ? "Save changes" : "Create app"}
        </Button>
      </DialogFooter>
    </form>
  );
}
