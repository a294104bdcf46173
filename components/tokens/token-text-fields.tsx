"use client";

import { DESCRIPTION_MAX } from "@/lib/schemas/catalog";
import { TOKEN_NAME_MAX, tokenNameProblems } from "@/lib/schemas/token";
import { cn } from "../ui/cn";
import { FormField } from "../ui/form-field";
import { Input, inputClasses } from "../ui/input";

export const NAME_RULE = "3–50 characters: lowercase letters, digits, “-” and “_”, starting and ending with a letter or digit.";

export type TokenNameFieldProps = {
  value: string;
  onChange: (name: string) => void;
  /** The server's word on this name (e.g. "is already used by another token"). */
  serverError?: string;
  /** After a submit attempt, an empty name is reported too. */
  showEmpty?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
};

/** The token name, checked against the name rule as it is typed. */
export function TokenNameField({ value, onChange, serverError, showEmpty, disabled, autoFocus }: TokenNameFieldProps) {
  const problems = value === "" && !showEmpty ? [] : tokenNameProblems(value);
  const error = serverError ?? (problems.length ? (value === "" ? "is required" : problems.join("; ")) : undefined);
  return (
    <FormField label="Name" hint={NAME_RULE} error={error}>
      {(control) => (
        <Input
          {...control}
          name="name"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={TOKEN_NAME_MAX + 20}
          placeholder="ci-deploy-bot"
          disabled={disabled}
          autoFocus={autoFocus}
          className="font-mono"
        />
      )}
    </FormField>
  );
}

export type DescriptionFieldProps = {
  value: string;
  onChange: (description: string) => void;
  error?: string;
  disabled?: boolean;
};

/** A description with a live "n / 350" counter. */
export function DescriptionField({ value, onChange, error, disabled }: DescriptionFieldProps) {
  const left = DESCRIPTION_MAX - value.length;
  return (
    <FormField
      label="Description"
      error={error}
      hint={
        <span className={cn("tabular-nums", left < 20 && "text-warning-text")}>
          {value.length} / {DESCRIPTION_MAX} characters
        </span>
      }
    >
      {(control) => (
        <textarea
          {...control}
          name="description"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          maxLength={DESCRIPTION_MAX}
          rows={3}
          disabled={disabled}
          placeholder="What uses this token, and who to ask about it"
          className={cn(inputClasses, "h-auto min-h-20 resize-y py-2")}
        />
      )}
    </FormField>
  );
}
