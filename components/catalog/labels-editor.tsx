"use client";

import type { Label } from "@/lib/schemas/catalog";
import type { FieldErrors } from "../api-request";
import { Button } from "../ui/button";
import { Checkbox, Input } from "../ui/input";

export const LABELS_MAX = 50;

export type LabelsEditorProps = {
  value: Label[];
  onChange: (next: Label[]) => void;
  /** Field errors keyed by path (`labels.0.key`). */
  errors: FieldErrors;
  disabled?: boolean;
};

/** Devtron's app labels: key, value, and whether the label propagates to Kubernetes objects. */
export function LabelsEditor({ value, onChange, errors, disabled }: LabelsEditorProps) {
  const set = (index: number, patch: Partial<Label>) => onChange(value.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium">Labels</legend>
      {errors.labels ? <p className="text-sm text-danger-text">Labels {errors.labels}</p> : null}
      {value.length === 0 ? <p className="text-xs text-muted">No labels.</p> : null}
      {value.map((label, i) => {
        const n = i + 1;
        const keyError = errors[`labels.${i}.key`];
        const valueError = errors[`labels.${i}.value`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed by position; there is no other identity
          <div key={i} className="space-y-1">
            <div className="flex flex-wrap items-center gap-2 sm:flex-nowrap">
              <Input
                aria-label={`Label ${n} key`}
                placeholder="key"
                value={label.key}
                maxLength={63}
                aria-invalid={keyError ? true : undefined}
                onChange={(e) => set(i, { key: e.target.value })}
                className="min-w-0 flex-1"
              />
              <Input
                aria-label={`Label ${n} value`}
                placeholder="value"
                value={label.value}
                maxLength={63}
                aria-invalid={valueError ? true : undefined}
                onChange={(e) => set(i, { value: e.target.value })}
                className="min-w-0 flex-1"
              />
              <label
                className="flex items-center gap-1.5 text-sm whitespace-nowrap"
                title="Copy this label to the app's Kubernetes objects"
              >
                <Checkbox
                  checked={label.propagate}
                  onChange={(e) => set(i, { propagate: e.target.checked })}
                  aria-label={`Propagate label ${n}`}
                />
                Propagate
              </label>
              <Button variant="ghost" size="sm" aria-label={`Remove label ${n}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
            {keyError ? <p className="text-sm text-danger-text">Key {keyError}</p> : null}
            {valueError ? <p className="text-sm text-danger-text">Value {valueError}</p> : null}
          </div>
        );
      })}
      {value.length < LABELS_MAX ? (
        <Button variant="secondary" size="sm" onClick={() => onChange([...value, { key: "", value: "", propagate: false }])}>
          Add label
        </Button>
      ) : null}
    </fieldset>
  );
}
