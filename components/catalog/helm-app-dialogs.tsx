"use client";

import { type Control, useWatch } from "react-hook-form";
import { createHelmAppInput, HELM_VALUES_MAX_BYTES, type HelmAppResponse, updateHelmAppInput } from "@/lib/schemas/catalog";
import { type ControlledDialogProps, FormDialog } from "../ui/dialog";
import { bodySchema, DialogFormFooter, Form, FormSelect, FormText, FormTextarea, useApiForm, useFinish } from "../ui/form";
import { utf8Bytes } from "../ui/form-controls";

/** Where this user may install: per project, the environments with a Helm `admin` grant for all apps. */
export type InstallTarget = { project: string; environments: string[] };

type Values = { name: string; project: string; environment: string; chart: string; version: string; values: string };
const KB = 1024;

const createSchema = bodySchema((v: Values) => v, createHelmAppInput);
// A release keeps its name, project and environment; an edit sends the chart and values.
const updateSchema = bodySchema(({ chart, version, values }: Values) => ({ chart, version, values }), updateHelmAppInput);

export function InstallHelmAppDialog({ targets }: { targets: InstallTarget[] }) {
  return (
    <FormDialog
      trigger="Install"
      title="Install a Helm app"
      description="A chart release in one environment of a project."
      className="sm:max-w-xl"
    >
      {(close) => <InstallForm targets={targets} onDone={close} />}
    </FormDialog>
  );
}

export function EditHelmAppDialog({ helmApp, ...dialog }: ControlledDialogProps & { helmApp: HelmAppResponse }) {
  return (
    <FormDialog
      {...dialog}
      title={`Edit values of ${helmApp.name}`}
      description={`${helmApp.project} / ${helmApp.environment}. The release name, project and environment cannot change.`}
      className="sm:max-w-xl"
    >
      {(close) => <EditForm helmApp={helmApp} onDone={close} />}
    </FormDialog>
  );
}

function InstallForm({ targets, onDone }: { targets: InstallTarget[]; onDone: () => void }) {
  const project = targets.length === 1 ? targets[0]!.project : "";
  const form = useApiForm(createSchema, { name: "", project, environment: "", chart: "", version: "", values: "" });
  const finish = useFinish(onDone);
  const environmentsOf = (name: string) => targets.find((t) => t.project === name)?.environments ?? [];
  const chosenProject = useWatch({ control: form.control, name: "project" });
  // Another project keeps the environment if it has one of that name, or takes its only one.
  const keepEnvironment = (next: string) => {
    const choices = environmentsOf(next);
    const current = form.getValues("environment");
    form.setValue("environment", choices.includes(current) ? current : choices.length === 1 ? choices[0]! : "");
  };
  const onSaved = (saved: HelmAppResponse) => finish({ title: `Installed ${saved.name} in ${saved.environment}` });
  return (
    <Form form={form} onSubmit={form.submitTo("POST", "/api/v1/helm-apps", onSaved)}>
      <FormText
        control={form.control}
        name="name"
        label="Release name"
        autoComplete="off"
        hint="Up to 53 characters: lowercase letters, digits and hyphens; starts with a letter."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormSelect
          control={form.control}
          name="project"
          label="Project"
          placeholder="Choose a project"
          options={targets.map((t) => t.project)}
          onValueChange={keepEnvironment}
        />
        <FormSelect
          control={form.control}
          name="environment"
          label="Environment"
          placeholder={chosenProject ? "Choose an environment" : "Choose a project first"}
          options={environmentsOf(chosenProject)}
          disabled={!chosenProject}
        />
      </div>
      <ReleaseFields control={form.control} submitLabel="Install" />
    </Form>
  );
}

function EditForm({ helmApp, onDone }: { helmApp: HelmAppResponse; onDone: () => void }) {
  const { name, project, environment, chart, version, values } = helmApp;
  const form = useApiForm(updateSchema, { name, project, environment, chart, version, values });
  const finish = useFinish(onDone);
  const onSaved = (saved: HelmAppResponse) => finish({ title: `Saved ${saved.name}` });
  return (
    <Form form={form} onSubmit={form.submitTo("PATCH", `/api/v1/helm-apps/${helmApp.id}`, onSaved)}>
      <ReleaseFields control={form.control} submitLabel="Save values" focusValues />
    </Form>
  );
}

/** Chart, version and values, as both forms lay them out; editing starts in the values. */
function ReleaseFields(props: { control: Control<Values, unknown, unknown>; submitLabel: string; focusValues?: boolean }) {
  const { control, submitLabel, focusValues } = props;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormText control={control} name="chart" label="Chart" autoComplete="off" placeholder="bitnami/redis" />
        <FormText control={control} name="version" label="Version" autoComplete="off" placeholder="19.6.4" />
      </div>
      <FormTextarea
        control={control}
        name="values"
        autoFocus={focusValues}
        label="Values"
        rows={10}
        spellCheck={false}
        className="[&_textarea]:font-mono [&_textarea]:text-xs"
        max={HELM_VALUES_MAX_BYTES / KB}
        measure={(v) => Math.ceil((utf8Bytes(v) / KB) * 10) / 10}
        unit="kB"
        hint="YAML overrides for the chart's values.yaml."
      />
      <DialogFormFooter submitLabel={submitLabel} />
    </>
  );
}
