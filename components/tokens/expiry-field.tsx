"use client";

import { useId, useRef, useState } from "react";
import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";
import { fieldErrorText } from "../ui/form-field";
import { Label } from "../ui/label";
import { WarningNote } from "../ui/warning-mark";
import { type ChoiceOption, ChoiceSelect } from "./choice-select";
import { ExpiryCalendar } from "./expiry-calendar";
import { choiceToValue, type ExpiryChoice, formatLocalDateTime, presetDaysWithin, previewExpiry, valueToChoice } from "./expiry-choice";

export type ExpiryFieldProps<T extends FieldValues> = {
  /** The form and its field holding an ExpiryChoice. */
  control: Control<T, unknown, unknown>;
  name: FieldPath<T>;
  /** The server's TESSERA_MAX_TOKEN_LIFETIME_DAYS (null = no limit): longer presets, later days and "never" are not offered. */
  maxLifetimeDays: number | null;
  label?: string;
  /** Start of the preview sentence, e.g. "This token" or "The new token". */
  subject?: string;
};

export function ExpiryField<T extends FieldValues>({
  control,
  name,
  maxLifetimeDays,
  label = "Expiration",
  subject = "This token",
}: ExpiryFieldProps<T>) {
  const id = useId();
  const { field, fieldState, formState } = useController({ control, name });
  const value: ExpiryChoice = field.value;
  const onChange = field.onChange;
  const error = fieldState.error?.message;
  const disabled = formState.isSubmitting;
  const [now] = useState(() => new Date());
  const [calendarOpen, setCalendarOpen] = useState(false);
  // Set while "Custom…" is being chosen, so the list does not pull focus back from the calendar it opens.
  const openingCalendar = useRef(false);

  const options: ChoiceOption[] = [
    ...presetDaysWithin(maxLifetimeDays).map((days) => ({ value: String(days), label: `${days} days` })),
    { value: "custom", label: "Custom…" },
    ...(maxLifetimeDays === null ? [{ value: "never", label: "No expiration" }] : []),
  ];

  const expiresAt = previewExpiry(value, now);
  const previewId = `${id}-preview`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, previewId].filter(Boolean).join(" ");

  function choose(next: string) {
    const choice = valueToChoice(next, value);
    onChange(choice);
    if (choice.kind === "custom") {
      openingCalendar.current = true;
      setCalendarOpen(true);
    }
  }

  return (
    <div className="space-y-1.5">
      <Label htmlFor={`${id}-select`} id={`${id}-label`}>
        {label}
      </Label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <ChoiceSelect
          id={`${id}-select`}
          value={choiceToValue(value)}
          options={options}
          onValueChange={choose}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={error && value.kind !== "custom" ? true : undefined}
          className="sm:w-48"
          onCloseAutoFocus={(event) => {
            if (openingCalendar.current) event.preventDefault();
            openingCalendar.current = false;
          }}
        />
        {value.kind === "custom" ? (
          <ExpiryCalendar
            id={`${id}-date`}
            labelId={`${id}-date-label`}
            open={calendarOpen}
            onOpenChange={setCalendarOpen}
            selected={value.day}
            onSelect={(day) => onChange({ kind: "custom", day })}
            now={now}
            maxLifetimeDays={maxLifetimeDays}
            disabled={disabled}
            invalid={Boolean(error)}
            describedBy={describedBy}
          />
        ) : null}
        <span id={`${id}-date-label`} hidden>
          Expiry date
        </span>
      </div>
      {error ? (
        <p id={errorId} className="text-sm text-danger-text">
          {fieldErrorText(label, error)}
        </p>
      ) : null}
      <ExpiryPreview id={previewId} subject={subject} expiresAt={expiresAt} maxLifetimeDays={maxLifetimeDays} />
    </div>
  );
}

function ExpiryPreview({
  id,
  subject,
  expiresAt,
  maxLifetimeDays,
}: {
  id: string;
  subject: string;
  expiresAt: Date | null | undefined;
  maxLifetimeDays: number | null;
}) {
  const limit = maxLifetimeDays === null ? null : ` This server allows at most ${maxLifetimeDays} days.`;
  if (expiresAt === undefined) {
    return (
      <p id={id} className="text-xs text-muted">
        Pick the last day {subject.toLowerCase()} should work; it stops at 23:59 that day, your time.{limit}
      </p>
    );
  }
  if (expiresAt === null) {
    return (
      <WarningNote id={id}>
        {subject} will never expire. If it leaks, it works until someone deletes it — we recommend an expiration date and regenerating it
        when it runs out.
      </WarningNote>
    );
  }
  return (
    <p id={id} className="text-xs text-muted" aria-live="polite">
      {subject} will expire on <span className="font-medium text-fg">{formatLocalDateTime(expiresAt)}</span>.{limit}
    </p>
  );
}
