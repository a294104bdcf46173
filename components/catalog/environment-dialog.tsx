"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { createEnvironmentInput, DESCRIPTION_MAX, type EnvironmentResponse, updateEnvironmentInput } from "@/lib/schemas/catalog";
import { fieldErrorsOfIssues } from "../api-request";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "../ui/dialog";
import { FormAlert, TextField } from "../ui/form-field";
import { Checkbox } from "../ui/input";
import { useToast } from "../ui/toast";
import { useFocusFirstError } from "../ui/use-focus-first-error";
import { TextareaField } from "./form-controls";
import { SLUG_HINT } from "./project-dialog";
import { useApiForm } from "./use-api-form";

const FIELDS = ["name", "cluster", "namespace", "production", "description"] as const;

export function NewEnvironmentDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>New environment</Button>
      </DialogTrigger>
      <DialogContent title="New environment" description="A deployment target: a namespace on a cluster.">
        <EnvironmentForm onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

export type EditEnvironmentDialogProps = {
  environment: EnvironmentResponse;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (e: Event) => void;
};

export function EditEnvironmentDialog({ environment, open, onOpenChange, onCloseAutoFocus }: EditEnvironmentDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={`Edit ${environment.name}`}
        description="An environment's name cannot change: grants refer to it."
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {open ? <EnvironmentForm environment={environment} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function EnvironmentForm({ environment, onDone }: { environment?: EnvironmentResponse; onDone: () => void }) {
  const router = useRouter();
  const { toast } = useToast();
  const productionId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [cluster, setCluster] = useState(environment?.cluster ?? "default_cluster");
  const [namespace, setNamespace] = useState(environment?.namespace ?? "");
  const [production, setProduction] = useState(environment?.production ?? false);
  const [description, setDescription] = useState(environment?.description ?? "");
  const { pending, errors, setErrors, alert, send } = useApiForm();
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { cluster, namespace: namespace.trim() || undefined, production, description };
    const parsed = environment ? updateEnvironmentInput.safeParse(fields) : createEnvironmentInput.safeParse({ name, ...fields });
    if (!parsed.success) return setErrors(fieldErrorsOfIssues(parsed.error.issues));
    const saved = await send<EnvironmentResponse>(
      environment ? `/api/v1/environments/${environment.id}` : "/api/v1/environments",
      { method: environment ? "PATCH" : "POST", body: parsed.data },
      FIELDS,
    );
    if (!saved) return;
    toast({ tone: "success", title: environment ? `Saved ${saved.name}` : `Created environment ${saved.name}` });
    onDone();
    router.refresh();
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert>{alert}</FormAlert>
      {environment ? null : (
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
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Cluster"
          name="cluster"
          autoComplete="off"
          value={cluster}
          onChange={(e) => setCluster(e.target.value)}
          error={errors.cluster}
        />
        <TextField
          label="Namespace"
          name="namespace"
          autoComplete="off"
          value={namespace}
          onChange={(e) => setNamespace(e.target.value)}
          hint={environment ? undefined : "Defaults to the name."}
          error={errors.namespace}
        />
      </div>
      <div className="flex items-start gap-3 rounded-md border border-line p-3">
        <Checkbox
          id={productionId}
          checked={production}
          onChange={(e) => setProduction(e.target.checked)}
          className="mt-0.5"
          aria-describedby={`${productionId}-hint`}
        />
        <div>
          <label htmlFor={productionId} className="text-sm font-medium">
            Production
          </label>
          <p id={`${productionId}-hint`} className="text-xs text-muted">
            Marks the environment in lists, so deployments to it stand out.
          </p>
        </div>
      </div>
      <TextareaField
        label="Description"
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
          {environment ? "Save changes" : "Create environment"}
        </Button>
      </DialogFooter>
    </form>
  );
}
