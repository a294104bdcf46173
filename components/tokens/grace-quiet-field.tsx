"use client";

import { useId } from "react";
import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";

export const GRACE_QUIET_OPTIONS = [
  { seconds: 0, label: "No, keep the whole grace period" },
  { seconds: 15 * 60, label: "15 minutes" },
  { seconds: 60 * 60, label: "1 hour" },
  { seconds: 6 * 60 * 60, label: "6 hours" },
  { seconds: 24 * 60 * 60, label: "24 hours" },
] as const;

export type GraceQuietFieldProps<T extends FieldValues> = { control: Control<T, unknown, unknown>; name: FieldPath<T> };

/** End the grace period early once the old secret has gone unused this long (graceQuietSeconds; null = never early). */
export function GraceQuietField<T extends FieldValues>({ control, name }: GraceQuietFieldProps<T>) {
  const id = useId();
  const { field, fieldState, formState } = useController({ control, name });
  const value: number = field.value ?? 0;
  const error = fieldState.error?.message;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        End the grace period when the current token has gone unused for
      </label>
      <select
        id={id}
        value={value}
        disabled={formState.isSubmitting}
        onChange={(e) => field.onChange(Number(e.target.value) || null)}
        aria-describedby={`${id}-hint`}
        className="block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm"
      >
        {GRACE_QUIET_OPTIONS.map((option) => (
          <option key={option.seconds} value={option.seconds}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? <p className="text-sm text-danger-text">Quiet period {error}</p> : null}
      <p id={`${id}-hint`} className="text-xs text-muted">
        Once nothing has used the current token for this long, everyone has moved to the new one: it stops working then, without waiting for
        the grace period to run out.
      </p>
    </div>
  );
}
