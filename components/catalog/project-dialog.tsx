"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { createProjectInput, DESCRIPTION_MAX, type ProjectResponse, updateProjectInput } from "@/lib/schemas/catalog";
import { fieldErrorsOfIssues } from "../api-request";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "../ui/dialog";
import { FormAlert, TextField } from "../ui/form-field";
import { useToast } from "../ui/toast";
import { useFocusFirstError } from "../ui/use-focus-first-error";
import { TextareaField } from "./form-controls";
import { useApiForm } from "./use-api-form";

export const SLUG_HINT = "Lowercase letters, digits and hyphens; starts and ends with a letter or digit. It cannot be changed later.";

export function NewProjectDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>New project</Button>
      </DialogTrigger>
      <DialogContent title="New project" description="Apps and Helm apps belong to a project; grants give roles per project.">
        <ProjectForm onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

export type EditProjectDialogProps = {
  project: ProjectResponse;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (e: Event) => void;
};

export function EditProjectDialog({ project, open, onOpenChange, onCloseAutoFocus }: EditProjectDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={`Edit ${project.name}`}
        description="A project's name cannot change: grants refer to it."
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {open ? <ProjectForm project={project} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function ProjectForm({ project, onDone }: { project?: ProjectResponse; onDone: () => void }) {
  const router = useRouter();
  const { toast } = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [description, setDescription] = useState(project?.description ?? "");
  const { pending, errors, setErrors, alert, send } = useApiForm();
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = project ? updateProjectInput.safeParse({ description }) : createProjectInput.safeParse({ name, description });
    if (!parsed.success) return setErrors(fieldErrorsOfIssues(parsed.error.issues));
    const saved = await send<ProjectResponse>(
      project ? `/api/v1/projects/${project.id}` : "/api/v1/projects",
      { method: project ? "PATCH" : "POST", body: parsed.data },
      ["name", "description"],
    );
    if (!saved) return;
    toast({ tone: "success", title: project ? `Saved ${saved.name}` : `Created project ${saved.name}` });
    onDone();
    router.refresh();
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert>{alert}</FormAlert>
      {project ? null : (
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          hint={SLUG_HINT}
          error={errors.name}
        />
      )}
      <TextareaField
        label="Description"
        name="description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        max={DESCRIPTION_MAX}
        error={errors.description}
      />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          {project ? "Save changes" : "Create project"}
        </Button>
      </DialogFooter>
    </form>
  );
}
