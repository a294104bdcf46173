"use client";

import { type ComponentProps, type ReactNode, useId } from "react";
import { cn } from "./cn";
import { Input } from "./input";
import { Label } from "./label";

/** What a field's control needs so the label, hint and error are announced with it. */
export type FieldControlProps = {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
};

export type FormFieldProps = {
  label: string;
  /** A short rule shown under the control, e.g. the minimum password length. */
  hint?: ReactNode;
  /** The error text; an API fragment such as "is required" is prefixed with the label. */
  error?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/** Field messages from zod and the API are fragments ("is required"); a full sentence is shown as is. */
export function fieldErrorText(label: string, error: string): string {
  return /^[A-Z]/.test(error) ? error : `${label} ${error}`;
}

export function FormField({ label, hint, error, className, children }: FormFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {error ? (
        <p id={errorId} className="text-sm text-danger-text">
          {fieldErrorText(label, error)}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export type TextFieldProps = Omit<ComponentProps<"input">, "id" | "children"> & {
  label: string;
  hint?: ReactNode;
  error?: string;
};

/** A labelled input with its hint and error wired up for assistive technology. */
export function TextField({ label, hint, error, className, ...inputProps }: TextFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error} className={className}>
      {(control) => <Input {...inputProps} {...control} />}
    </FormField>
  );
}

/** A form-level message (e.g. a refused request), announced when it appears. */
export function FormAlert({ children, tone = "error" }: { children: ReactNode; tone?: "error" | "info" }) {
  if (!children) return null;
  return (
    <div
      role="alert"
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        tone === "error" ? "border-danger-text/40 bg-danger-soft text-danger-text" : "border-line bg-info-soft text-fg",
      )}
    >
      {children}
    </div>
  );
}
