"use client";

import type { Control } from "react-hook-form";
import { type ChartGroupResponse, createChartGroupInput, DESCRIPTION_MAX, updateChartGroupInput } from "@/lib/schemas/catalog";
import { type ControlledDialogProps, FormDialog } from "../ui/dialog";
import { bodySchema, DialogFormFooter, Form, FormText, FormTextarea, useApiForm, useFinish } from "../ui/form";
import { ListEditor } from "../ui/list-editor";
import { SLUG_HINT } from "./project-dialog";

type Chart = ChartGroupResponse["charts"][number];
type Values = { name: string; description: string; charts: Chart[] };
const CHARTS_MAX = 50;
const CHART_COLUMNS = [
  { key: "name", label: "Name", placeholder: "bitnami/redis", className: "flex-[2]" },
  { key: "version", label: "Version", placeholder: "1.2.3" },
] as const;

const createSchema = bodySchema((v: Values) => v, createChartGroupInput);
// A chart group keeps its name: grants refer to it.
const updateSchema = bodySchema(({ name: _, ...v }: Values) => v, updateChartGroupInput);

export function NewChartGroupDialog() {
  return (
    <FormDialog trigger="New chart group" description="Charts that are deployed together." className="sm:max-w-lg">
      {(close) => <NewChartGroupForm onDone={close} />}
    </FormDialog>
  );
}

export function EditChartGroupDialog({ group, ...dialog }: ControlledDialogProps & { group: ChartGroupResponse }) {
  return (
    <FormDialog
      {...dialog}
      title={`Edit ${group.name}`}
      description="A chart group's name cannot change: grants refer to it."
      className="sm:max-w-lg"
    >
      {(close) => <EditChartGroupForm group={group} onDone={close} />}
    </FormDialog>
  );
}

function NewChartGroupForm({ onDone }: { onDone: () => void }) {
  const form = useApiForm(createSchema, { name: "", description: "", charts: [] });
  const finish = useFinish(onDone);
  const onSaved = (saved: ChartGroupResponse) => finish({ title: `Created chart group ${saved.name}` });
  return (
    <Form form={form} onSubmit={form.submitTo("POST", "/api/v1/chart-groups", onSaved)}>
      <FormText control={form.control} name="name" label="Name" autoComplete="off" hint={SLUG_HINT} />
      <ChartGroupFields control={form.control} submitLabel="Create chart group" />
    </Form>
  );
}

function EditChartGroupForm({ group, onDone }: { group: ChartGroupResponse; onDone: () => void }) {
  const form = useApiForm(updateSchema, { name: group.name, description: group.description, charts: group.charts });
  const finish = useFinish(onDone);
  const onSaved = (saved: ChartGroupResponse) => finish({ title: `Saved ${saved.name}` });
  return (
    <Form form={form} onSubmit={form.submitTo("PATCH", `/api/v1/chart-groups/${group.id}`, onSaved)}>
      <ChartGroupFields control={form.control} submitLabel="Save changes" />
    </Form>
  );
}

function ChartGroupFields({ control, submitLabel }: { control: Control<Values, unknown, unknown>; submitLabel: string }) {
  return (
    <>
      <FormTextarea control={control} name="description" label="Description" max={DESCRIPTION_MAX} />
      <ListEditor<Values, Chart>
        control={control}
        name="charts"
        legend="Charts"
        noun="chart"
        columns={[...CHART_COLUMNS]}
        newRow={() => ({ name: "", version: "" })}
        max={CHARTS_MAX}
        emptyText="No charts yet."
      />
      <DialogFormFooter submitLabel={submitLabel} />
    </>
  );
}
