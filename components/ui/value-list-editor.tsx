"use client";

import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";
import { Button } from "./button";
import { cn } from "./cn";
import { errorAt } from "./form";
import { Input } from "./input";

// A short list of single values edited in place (a token's notify addresses): one input per
// value, a Remove per row, an Add button up to a limit, each error under its row, read at the
// path the API names it (`notifyEmails.2`).

export type ValueListEditorProps<TValues extends FieldValues> = {
  control: Control<TValues, unknown, unknown>;
  name: FieldPath<TValues>;
  /** The legend, e.g. "Also notify"; `noun` names rows and buttons ("Address 2", "Add address"). */
  legend: string;
  noun: string;
  /** A line under the legend saying what the list is for. */
  hint: string;
  placeholder: string;
  max: number;
  emptyText: string;
  type?: "text" | "email";
  className?: string;
};

export function ValueListEditor<TValues extends FieldValues>({
  control,
  name,
  legend,
  noun,
  hint,
  placeholder,
  max,
  emptyText,
  type = "text",
  className,
}: ValueListEditorProps<TValues>) {
  const { field, formState } = useController({ control, name });
  const values: string[] = field.value ?? [];
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const listError = errorAt(formState.errors, name);
  return (
    <fieldset className={cn("space-y-2", className)} disabled={field.disabled || formState.isSubmitting}>
      <legend className="text-sm font-medium">{legend}</legend>
      <p className="text-xs text-muted">{hint}</p>
      {listError ? <p className="text-sm text-danger-text">{`${legend} ${listError}`}</p> : null}
      {values.length === 0 ? <p className="text-xs text-muted">{emptyText}</p> : null}
      {values.map((value, i) => {
        const n = i + 1;
        const message = errorAt(formState.errors, `${name}.${i}`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed by position; there is no other identity
          <div key={i} className="space-y-1">
            <div className="flex items-center gap-2">
              <Input
                type={type}
                aria-label={`${Noun} ${n}`}
                placeholder={placeholder}
                value={value}
                autoComplete="off"
                aria-invalid={message ? true : undefined}
                onChange={(e) => field.onChange(values.map((v, j) => (j === i ? e.target.value : v)))}
                onBlur={field.onBlur}
                className="min-w-0 flex-1"
              />
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove ${noun} ${n}`}
                onClick={() => field.onChange(values.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            </div>
            {message ? <p className="text-sm text-danger-text">{`${Noun} ${n} ${message}`}</p> : null}
          </div>
        );
      })}
      {values.length < max ? (
        <Button variant="secondary" size="sm" onClick={() => field.onChange([...values, ""])}>
          Add {noun}
        </Button>
      ) : null}
    </fieldset>
  );
}
