"use client";

import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";
import { DESCRIPTION_MAX } from "@/lib/schemas/catalog";
import { TOKEN_NAME_MAX, tokenNameProblems } from "@/lib/schemas/token";
import { FormTextarea } from "../ui/form";
import { FormField } from "../ui/form-field";
import { Input } from "../ui/input";

export const NAME_RULE = "3–50 characters: lowercase letters, digits, “-” and “_”, starting and ending with a letter or digit.";

type FieldProps<T extends FieldValues> = { control: Control<T, unknown, unknown>; name: FieldPath<T> };

/**
 * The token name, checked against the name rule as it is typed; an empty name is reported
 * after a submit, and the server's word (a name in use) until the name changes.
 */
export function TokenNameField<T extends FieldValues>({ control, name, autoFocus }: FieldProps<T> & { autoFocus?: boolean }) {
  const { field, fieldState, formState } = useController({ control, name });
  const value: string = field.value;
  const error = value ? tokenNameProblems(value).join("; ") || fieldState.error?.message : fieldState.error && "is required";
  return (
    <FormField label="Name" hint={NAME_RULE} error={error}>
      {(control) => (
        <Input
          {...control}
          {...field}
          autoComplete="off"
          spellCheck={false}
          maxLength={TOKEN_NAME_MAX + 20}
          placeholder="ci-deploy-bot"
          disabled={formState.isSubmitting}
          autoFocus={autoFocus}
          className="font-mono"
        />
      )}
    </FormField>
  );
}

/** A token's description with its "n / 350" counter. */
export function TokenDescriptionField<T extends FieldValues>({ control, name }: FieldProps<T>) {
  return (
    <FormTextarea
      control={control}
      name={name}
      label="Description"
      max={DESCRIPTION_MAX}
      rows={3}
      placeholder="What uses this token, and who to ask about it"
      className="[&_textarea]:resize-y"
    />
  );
}
