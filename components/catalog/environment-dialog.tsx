"use client";

import type { Control } from "react-hook-form";
import { createEnvironmentInput, DESCRIPTION_MAX, type EnvironmentResponse, updateEnvironmentInput } from "@/lib/schemas/catalog";
import { type ControlledDialogProps, FormDialog } from "../ui/dialog";
import { bodySchema, DialogFormFooter, Form, FormCheckbox, FormText, FormTextarea, useApiForm, useFinish } from "../ui/form";
import { SLUG_HINT } from "./project-dialog";

type Values = { name: string; cluster: string; namespace: string; production: boolean; description: string };

// An empty namespace is left out of the body, so the API defaults it to the environment's name.
const createSchema = bodySchema((v: Values) => ({ ...v, namespace: v.namespace.trim() || undefined }), createEnvironmentInput);
// A name cannot change, so an edit sends everything else.
const updateSchema = bodySchema(
  ({ name: _, ...v }: Values) => ({ ...v, namespace: v.namespace.trim() || undefined }),
  updateEnvironmentInput,
);

export function NewEnvironmentDialog() {
  return (
    <FormDialog trigger="New environment" description="A deployment target: a namespace on a cluster.">
      {(close) => <NewEnvironmentForm onDone={close} />}
    </FormDialog>
  );
}

export function EditEnvironmentDialog({ environment, ...dialog }: ControlledDialogProps & { environment: EnvironmentResponse }) {
  return (
    <FormDialog {...dialog} title={`Edit ${environment.name}`} description="An environment's name cannot change: grants refer to it.">
      {(close) => <EditEnvironmentForm environment={environment} onDone={close} />}
    </FormDialog>
  );
}

function NewEnvironmentForm({ onDone }: { onDone: () => void }) {
  const form = useApiForm(createSchema, { name: "", cluster: "default_cluster", namespace: "", production: false, description: "" });
  const finish = useFinish(onDone);
  const onSaved = (saved: EnvironmentResponse) => finish({ title: `Created environment ${saved.name}` });
  return (
    <Form form={form} onSubmit={form.submitTo("POST", "/api/v1/environments", onSaved)}>
      <FormText control={form.control} name="name" label="Name" autoComplete="off" hint={SLUG_HINT} />
      <EnvironmentFields control={form.control} namespaceHint="Defaults to the name." submitLabel="Create environment" />
    </Form>
  );
}

function EditEnvironmentForm({ environment, onDone }: { environment: EnvironmentResponse; onDone: () => void }) {
  const { name, cluster, namespace, production, description } = environment;
  const form = useApiForm(updateSchema, { name, cluster, namespace, production, description });
  const finish = useFinish(onDone);
  const onSaved = (saved: EnvironmentResponse) => finish({ title: `Saved ${saved.name}` });
  return (
    <Form form={form} onSubmit={form.submitTo("PATCH", `/api/v1/environments/${environment.id}`, onSaved)}>
      <EnvironmentFields control={form.control} submitLabel="Save changes" />
    </Form>
  );
}

function EnvironmentFields(props: { control: Control<Values, unknown, unknown>; namespaceHint?: string; submitLabel: string }) {
  const { control, namespaceHint, submitLabel } = props;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormText control={control} name="cluster" label="Cluster" autoComplete="off" />
        <FormText control={control} name="namespace" label="Namespace" autoComplete="off" hint={namespaceHint} />
      </div>
      <FormCheckbox
        control={control}
        name="production"
        label="Production"
        hint="Marks the environment in lists, so deployments to it stand out."
      />
      <FormTextarea control={control} name="description" label="Description" max={DESCRIPTION_MAX} />
      <DialogFormFooter submitLabel={submitLabel} />
    </>
  );
}
