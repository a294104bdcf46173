"use client";

import { useId } from "react";
import { type Control, useController } from "react-hook-form";
import { DESCRIPTION_MAX } from "@/lib/schemas/catalog";
import { TOKEN_EVENT_TYPES } from "@/lib/schemas/webhook";
import { FormText, FormTextarea } from "../ui/form";
import { Checkbox } from "../ui/input";
import { EVENT_LABELS, type WebhookFormValues } from "./webhook-form-schemas";

/** URL, description and events: the fields an endpoint has, for adding and editing alike. */
export function WebhookFields({ control }: { control: Control<WebhookFormValues, unknown, unknown> }) {
  return (
    <>
      <FormText
        control={control}
        name="url"
        label="Endpoint URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://hooks.example.com/tessera"
        hint="Tessera POSTs each event here as JSON, signed as Standard Webhooks says. Loopback and private addresses are refused."
      />
      <FormTextarea control={control} name="description" label="Description" max={DESCRIPTION_MAX} />
      <EventsField control={control} />
    </>
  );
}

function EventsField({ control }: { control: Control<WebhookFormValues, unknown, unknown> }) {
  const id = useId();
  const scope = useController({ control, name: "scope" });
  const events = useController({ control, name: "events" });
  const error = events.fieldState.error?.message;
  const toggle = (event: (typeof TOKEN_EVENT_TYPES)[number], on: boolean) =>
    events.field.onChange(on ? [...events.field.value, event] : events.field.value.filter((e) => e !== event));
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">Events</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {(["all", "some"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name={`${id}-scope`}
              value={value}
              checked={scope.field.value === value}
              onChange={() => scope.field.onChange(value)}
              ref={value === "all" ? scope.field.ref : undefined}
              className="size-4 accent-accent"
            />
            {value === "all" ? "All events, including ones added later" : "Only the events I pick"}
          </label>
        ))}
      </div>
      {scope.field.value === "some" ? (
        <div className="grid gap-1.5 rounded-md border border-line p-3 sm:grid-cols-2">
          {TOKEN_EVENT_TYPES.map((event) => (
            <label key={event} className="flex items-start gap-2 text-sm">
              <Checkbox
                checked={events.field.value.includes(event)}
                onChange={(e) => toggle(event, e.target.checked)}
                aria-invalid={error ? true : undefined}
                className="mt-0.5 shrink-0"
              />
              <span>
                <code className="text-xs">{event}</code> <span className="text-muted">{EVENT_LABELS[event]}</span>
              </span>
            </label>
          ))}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger-text">
          {/^[A-Z“]/.test(error) ? error : `Events ${error}`}
        </p>
      ) : null}
    </fieldset>
  );
}
