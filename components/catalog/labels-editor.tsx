"use client";

import type { Control, FieldPath, FieldValues } from "react-hook-form";
import type { Label } from "@/lib/schemas/catalog";
import { Checkbox } from "../ui/input";
import { ListEditor } from "../ui/list-editor";

export const LABELS_MAX = 50;

const COLUMNS = [
  { key: "key", label: "Key", placeholder: "key", maxLength: 63 },
  { key: "value", label: "Value", placeholder: "value", maxLength: 63 },
] as const;

/** Devtron's app labels: key, value, and whether the label propagates to Kubernetes objects. */
export function LabelsEditor<T extends FieldValues>({ control, name }: { control: Control<T, unknown, unknown>; name: FieldPath<T> }) {
  return (
    <ListEditor<T, Label>
      control={control}
      name={name}
      legend="Labels"
      noun="label"
      columns={[...COLUMNS]}
      newRow={() => ({ key: "", value: "", propagate: false })}
      max={LABELS_MAX}
      emptyText="No labels."
      extra={(label, set, n) => (
        <label className="flex items-center gap-1.5 text-sm whitespace-nowrap" title="Copy this label to the app's Kubernetes objects">
          <Checkbox checked={label.propagate} onChange={(e) => set({ propagate: e.target.checked })} aria-label={`Propagate label ${n}`} />
          Propagate
        </label>
      )}
    />
  );
}
