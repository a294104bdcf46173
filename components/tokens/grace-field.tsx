"use client";

import { useId } from "react";
import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";
import { cn } from "../ui/cn";

export const GRACE_OPTIONS = [
  { seconds: 0, label: "None" },
  { seconds: 60 * 60, label: "1 hour" },
  { seconds: 24 * 60 * 60, label: "24 hours" },
  { seconds: 7 * 24 * 60 * 60, label: "7 days" },
] as const;

export type GraceFieldProps<T extends FieldValues> = { control: Control<T, unknown, unknown>; name: FieldPath<T> };

/** How long the current secret keeps working next to the new one (graceSeconds). */
export function GraceField<T extends FieldValues>({ control, name }: GraceFieldProps<T>) {
  const id = useId();
  const { field, fieldState, formState } = useController({ control, name });
  const value: number = field.value;
  const error = fieldState.error?.message;
  const disabled = formState.isSubmitting;
  return (
    <fieldset className="space-y-1.5" aria-describedby={`${id}-hint`} disabled={disabled}>
      <legend className="text-sm font-medium">Grace period for the current token</legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {GRACE_OPTIONS.map((option) => (
          <label
            key={option.seconds}
            className={cn(
              "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm",
              value === option.seconds ? "border-accent bg-info-soft" : "border-line-strong hover:bg-surface-muted",
            )}
          >
            <input
              type="radio"
              name={`${id}-grace`}
              value={option.seconds}
              checked={value === option.seconds}
              onChange={() => field.onChange(option.seconds)}
              className="size-4 accent-accent"
            />
            {option.label}
          </label>
        ))}
      </div>
      {error ? <p className="text-sm text-danger-text">Grace period {error}</p> : null}
      <p id={`${id}-hint`} className="text-xs text-muted">
        {value === 0
          ? "The current token stops working the moment you regenerate."
          : `The current token keeps working for ${GRACE_OPTIONS.find((o) => o.seconds === value)?.label ?? `${value} seconds`} (never past its own expiry), so you can roll the new one out first.`}
      </p>
    </fieldset>
  );
}
