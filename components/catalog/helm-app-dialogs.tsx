"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { createHelmAppInput, HELM_VALUES_MAX_BYTES, type HelmAppResponse, updateHelmAppInput } from "@/lib/schemas/catalog";
import { fieldErrorsOfIssues } from "../api-request";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "../ui/dialog";
import { FormAlert, TextField } from "../ui/form-field";
import { useToast } from "../ui/toast";
import { useFocusFirstError } from "../ui/use-focus-first-error";
import { SelectField, TextareaField, utf8Bytes } from "./form-controls";
import { useApiForm } from "./use-api-form";

/** Where this user may install: per project, the environments with a Helm `admin` grant for all apps. */
export type InstallTarget = { project: string; environments: string[] };

const FIELDS = ["name", "project", "environment", "chart", "version", "values"] as const;
const KB = 1024;

function ValuesField({
  value,
  onChange,
  error,
  autoFocus,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  autoFocus?: boolean;
}) {
  return (
    <TextareaField
      autoFocus={autoFocus}
      label="Values"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      rows={10}
      spellCheck={false}
      className="[&_textarea]:font-mono [&_textarea]:text-xs"
      max={HELM_VALUES_MAX_BYTES / KB}
      measure={(v) => Math.ceil((utf8Bytes(v) / KB) * 10) / 10}
      unit="kB"
      hint="YAML overrides for the chart's values.yaml."
      error={error}
    />
  );
}

export function InstallHelmAppDialog({ targets }: { targets: InstallTarget[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Install</Button>
      </DialogTrigger>
      <DialogContent title="Install a Helm app" description="A chart release in one environment of a project." className="sm:max-w-xl">
        {open ? <InstallForm targets={targets} onDone={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function InstallForm({ targets, onDone }: { targets: InstallTarget[]; onDone: () => void }) {
  const router = useRouter();
  const { toast } = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState({
    name: "",
    project: targets.length === 1 ? targets[0]!.project : "",
    environment: "",
    chart: "",
    version: "",
    values: "",
  });
  const { pending, errors, setErrors, alert, send } = useApiForm();
  useFocusFirstError(formRef, errors);
  const environments = targets.find((t) => t.project === form.project)?.environments ?? [];
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createHelmAppInput.safeParse(form);
    if (!parsed.success) return setErrors(fieldErrorsOfIssues(parsed.error.issues));
    const saved = await send<HelmAppResponse>("/api/v1/helm-apps", { method: "POST", body: parsed.data }, FIELDS);
    if (!saved) return;
    toast({ tone: "success", title: `Installed ${saved.name} in ${saved.environment}` });
    onDone();
    router.refresh();
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert>{alert}</FormAlert>
      <TextField
        label="Release name"
        autoComplete="off"
        value={form.name}
        onChange={(e) => set({ name: e.target.value })}
        hint="Up to 53 characters: lowercase letters, digits and hyphens; starts with a letter."
        error={errors.name}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Project"
          placeholder="Choose a project"
          options={targets.map((t) => t.project)}
          value={form.project}
          onChange={(e) => {
            const next = targets.find((t) => t.project === e.target.value)?.environments ?? [];
            set({
              project: e.target.value,
              environment: next.includes(form.environment) ? form.environment : next.length === 1 ? next[0]! : "",
            });
          }}
          error={errors.project}
        />
        <SelectField
          label="Environment"
          placeholder={form.project ? "Choose an environment" : "Choose a project first"}
          options={environments}
          value={form.environment}
          disabled={!form.project}
          onChange={(e) => set({ environment: e.target.value })}
          error={errors.environment}
        />
        <TextField
          label="Chart"
          autoComplete="off"
          placeholder="bitnami/redis"
          value={form.chart}
          onChange={(e) => set({ chart: e.target.value })}
          error={errors.chart}
        />
        <TextField
          label="Version"
          autoComplete="off"
          placeholder="19.6.4"
          value={form.version}
          onChange={(e) => set({ version: e.target.value })}
          error={errors.version}
        />
      </div>
      <ValuesField value={form.values} onChange={(values) => set({ values })} error={errors.values} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          Install
        </Button>
      </DialogFooter>
    </form>
  );
}

export type EditHelmAppDialogProps = {
  helmApp: HelmAppResponse;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (e: Event) => void;
};

export function EditHelmAppDialog({ helmApp, open, onOpenChange, onCloseAutoFocus }: EditHelmAppDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={`Edit values of ${helmApp.name}`}
        description={`${helmApp.project} / ${helmApp.environment}. The release name, project and environment cannot change.`}
        className="sm:max-w-xl"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {open ? <EditForm helmApp={helmApp} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function EditForm({ helmApp, onDone }: { helmApp: HelmAppResponse; onDone: () => void }) {
  const router = useRouter();
  const { toast } = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState({ chart: helmApp.chart, version: helmApp.version, values: helmApp.values });
  const { pending, errors, setErrors, alert, send } = useApiForm();
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateHelmAppInput.safeParse(form);
    if (!parsed.success) return setErrors(fieldErrorsOfIssues(parsed.error.issues));
    const saved = await send<HelmAppResponse>(`/api/v1/helm-apps/${helmApp.id}`, { method: "PATCH", body: parsed.data }, FIELDS);
    if (!saved) return;
    toast({ tone: "success", title: `Saved ${saved.name}` });
    onDone();
    router.refresh();
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert>{alert}</FormAlert>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Chart"
          autoComplete="off"
          value={form.chart}
          onChange={(e) => setForm({ ...form, chart: e.target.value })}
          error={errors.chart}
        />
        <TextField
          label="Version"
          autoComplete="off"
          value={form.version}
          onChange={(e) => setForm({ ...form, version: e.target.value })}
          error={errors.version}
        />
      </div>
      <ValuesField autoFocus value={form.values} onChange={(values) => setForm({ ...form, values })} error={errors.values} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          Save values
        </Button>
      </DialogFooter>
    </form>
  );
}
