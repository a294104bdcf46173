"use client";

import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { FormField } from "./form-field";
import { inputClasses } from "./input";

// Labelled native controls on top of FormField: a select (keyboard and screen readers
// get the platform's own behaviour) and a textarea with a live character counter.

export type SelectOption = { value: string; label: string };

export type SelectFieldProps = Omit<ComponentProps<"select">, "id" | "children"> & {
  label: string;
  options: readonly (string | SelectOption)[];
  /** A first, empty choice such as "Choose a project"; the value "" means nothing chosen. */
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
};

export function SelectField({ label, options, placeholder, hint, error, className, ...selectProps }: SelectFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select {...selectProps} {...control} className={cn(inputClasses, "pr-8")}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => {
            const { value, label: text } = typeof option === "string" ? { value: option, label: option } : option;
            return (
              <option key={value} value={value}>
                {text}
              </option>
            );
          })}
        </select>
      )}
    </FormField>
  );
}

export type TextareaFieldProps = Omit<ComponentProps<"textarea">, "id" | "children" | "value"> & {
  label: string;
  value: string;
  hint?: ReactNode;
  error?: string;
  /** Shows "used / max" under the field; `measure` counts something other than characters (e.g. bytes). */
  max?: number;
  measure?: (value: string) => number;
  unit?: string;
};

export function TextareaField({
  label,
  value,
  hint,
  error,
  max,
  measure,
  unit = "characters",
  className,
  ...textareaProps
}: TextareaFieldProps) {
  const used = measure ? measure(value) : value.length;
  const over = max !== undefined && used > max;
  return (
    <FormField
      label={label}
      error={error}
      className={className}
      hint={
        max === undefined ? (
          hint
        ) : (
          <span className="flex justify-between gap-4">
            <span>{hint}</span>
            <span className={cn("tabular-nums whitespace-nowrap", over && "font-medium text-danger-text")}>
              {used.toLocaleString("en")} / {max.toLocaleString("en")} {unit}
            </span>
          </span>
        )
      }
    >
      {(control) => (
        <textarea
          {...textareaProps}
          {...control}
          aria-invalid={control["aria-invalid"] ?? (over || undefined)}
          value={value}
          className={cn(inputClasses, "h-auto min-h-20 py-2 leading-relaxed")}
        />
      )}
    </FormField>
  );
}

export const utf8Bytes = (value: string) => new TextEncoder().encode(value).length;
