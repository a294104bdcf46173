"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { type ChartGroupResponse, createChartGroupInput, DESCRIPTION_MAX, updateChartGroupInput } from "@/lib/schemas/catalog";
import { type FieldErrors, fieldErrorsOfIssues } from "../api-request";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "../ui/dialog";
import { FormAlert, TextField } from "../ui/form-field";
import { Input } from "../ui/input";
import { useToast } from "../ui/toast";
import { useFocusFirstError } from "../ui/use-focus-first-error";
import { TextareaField } from "./form-controls";
import { SLUG_HINT } from "./project-dialog";
import { useApiForm } from "./use-api-form";

type Chart = ChartGroupResponse["charts"][number];
const FIELDS = ["name", "description", "charts"] as const;
const CHARTS_MAX = 50;

export function NewChartGroupDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>New chart group</Button>
      </DialogTrigger>
      <DialogContent title="New chart group" description="Charts that are deployed together." className="sm:max-w-lg">
        {open ? <ChartGroupForm onDone={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

export type EditChartGroupDialogProps = {
  group: ChartGroupResponse;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (e: Event) => void;
};

export function EditChartGroupDialog({ group, open, onOpenChange, onCloseAutoFocus }: EditChartGroupDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={`Edit ${group.name}`}
        description="A chart group's name cannot change: grants refer to it."
        className="sm:max-w-lg"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {open ? <ChartGroupForm group={group} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function ChartGroupForm({ group, onDone }: { group?: ChartGroupResponse; onDone: () => void }) {
  const router = useRouter();
  const { toast } = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [description, setDescription] = useState(group?.description ?? "");
  const [charts, setCharts] = useState<Chart[]>(group?.charts ?? []);
  const { pending, errors, setErrors, alert, send } = useApiForm();
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = group
      ? updateChartGroupInput.safeParse({ description, charts })
      : createChartGroupInput.safeParse({ name, description, charts });
    if (!parsed.success) return setErrors(fieldErrorsOfIssues(parsed.error.issues));
    const saved = await send<ChartGroupResponse>(
      group ? `/api/v1/chart-groups/${group.id}` : "/api/v1/chart-groups",
      { method: group ? "PATCH" : "POST", body: parsed.data },
      FIELDS,
    );
    if (!saved) return;
    toast({ tone: "success", title: group ? `Saved ${saved.name}` : `Created chart group ${saved.name}` });
    onDone();
    router.refresh();
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert>{alert}</FormAlert>
      {group ? null : (
        <TextField
          label="Name"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          hint={SLUG_HINT}
          error={errors.name}
        />
      )}
      <TextareaField
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        max={DESCRIPTION_MAX}
        error={errors.description}
      />
      <ChartsEditor value={charts} onChange={setCharts} errors={errors} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          {group ? "Save changes" : "Create chart group"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function ChartsEditor({ value, onChange, errors }: { value: Chart[]; onChange: (next: Chart[]) => void; errors: FieldErrors }) {
  const set = (index: number, patch: Partial<Chart>) => onChange(value.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Charts</legend>
      {errors.charts ? <p className="text-sm text-danger-text">Charts {errors.charts}</p> : null}
      {value.length === 0 ? <p className="text-xs text-muted">No charts yet.</p> : null}
      {value.map((chart, i) => {
        const n = i + 1;
        const nameError = errors[`charts.${i}.name`];
        const versionError = errors[`charts.${i}.version`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed by position; there is no other identity
          <div key={i} className="space-y-1">
            <div className="flex items-center gap-2">
              <Input
                aria-label={`Chart ${n} name`}
                placeholder="bitnami/redis"
                value={chart.name}
                aria-invalid={nameError ? true : undefined}
                onChange={(e) => set(i, { name: e.target.value })}
                className="min-w-0 flex-[2]"
              />
              <Input
                aria-label={`Chart ${n} version`}
                placeholder="1.2.3"
                value={chart.version}
                aria-invalid={versionError ? true : undefined}
                onChange={(e) => set(i, { version: e.target.value })}
                className="min-w-0 flex-1"
              />
              <Button variant="ghost" size="sm" aria-label={`Remove chart ${n}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
            {nameError ? <p className="text-sm text-danger-text">Name {nameError}</p> : null}
            {versionError ? <p className="text-sm text-danger-text">Version {versionError}</p> : null}
          </div>
        );
      })}
      {value.length < CHARTS_MAX ? (
        <Button variant="secondary" size="sm" onClick={() => onChange([...value, { name: "", version: "" }])}>
          Add chart
        </Button>
      ) : null}
    </fieldset>
  );
}
