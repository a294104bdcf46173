"use client";

import { useId, useRef, useState } from "react";
import { fieldErrorText } from "../ui/form-field";
import { Label } from "../ui/label";
import { type ChoiceOption, ChoiceSelect } from "./choice-select";
import { ExpiryCalendar } from "./expiry-calendar";
import { choiceToValue, type ExpiryChoice, formatLocalDateTime, presetDaysWithin, previewExpiry, valueToChoice } from "./expiry-choice";
import { WarningMark } from "./warning-mark";

export type ExpiryFieldProps = {
  value: ExpiryChoice;
  onChange: (choice: ExpiryChoice) => void;
  /** The server's TESSERA_MAX_TOKEN_LIFETIME_DAYS (null = no limit): longer presets, later days and "never" are not offered. */
  maxLifetimeDays: number | null;
  error?: string;
  disabled?: boolean;
  label?: string;
  /** Start of the preview sentence, e.g. "This token" or "The new token". */
  subject?: string;
};

export function ExpiryField({
  value,
  onChange,
  maxLifetimeDays,
  error,
  disabled,
  label = "Expiration",
  subject = "This token",
}: ExpiryFieldProps) {
  const id = useId();
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
      <div
        id={id}
        role="note"
        className="flex gap-2 rounded-md border border-warning-text/30 bg-warning-soft px-3 py-2 text-sm text-warning-text"
      >
        <WarningMark className="mt-0.5" />
        <p>
          {subject} will never expire. If it leaks, it works until someone deletes it — we recommend an expiration date and regenerating it
          when it runs out.
        </p>
      </div>
    );
  }
  return (
    <p id={id} className="text-xs text-muted" aria-live="polite">
      {subject} will expire on <span className="font-medium text-fg">{formatLocalDateTime(expiresAt)}</span>.{limit}
    </p>
  );
}
