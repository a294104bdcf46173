"use client";

import { useWatch } from "react-hook-form";
import { type SettingsResponse, updateSettingsInput } from "@/lib/schemas/settings";
import { Button } from "../ui/button";
import { bodySchema, errorsUnder, Form, FormText, useApiForm, useFinish } from "../ui/form";
import { TextField } from "../ui/form-field";
import { Panel } from "../ui/panel";
import { IdlePreview } from "./idle-preview";

// The instance's token policies, saved together (PATCH /api/v1/settings). Numbers are typed as
// text, so an empty field can mean "no limit" / "off"; the body is the API's own schema.

type Values = { maxLifetimeDays: string; idleDisableDays: string; reminderDays: string };

/** "" → null (no limit, off); anything else is the number it says, and the API's schema judges it. */
const daysOrNull = (text: string) => (text.trim() === "" ? null : Number(text.trim()));

const toBody = (v: Values) => ({
  maxLifetimeDays: daysOrNull(v.maxLifetimeDays),
  idleDisableDays: daysOrNull(v.idleDisableDays),
  reminderDays: v.reminderDays
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number),
});

const schema = bodySchema(toBody, updateSettingsInput);

const valuesOf = (s: SettingsResponse): Values => ({
  maxLifetimeDays: s.maxLifetimeDays === null ? "" : String(s.maxLifetimeDays),
  idleDisableDays: s.idleDisableDays === null ? "" : String(s.idleDisableDays),
  reminderDays: s.reminderDays.join(", "),
});

export function SettingsForm({ settings, now }: { settings: SettingsResponse; now: string }) {
  const form = useApiForm(schema, valuesOf(settings));
  const finish = useFinish();
  const { isDirty, isSubmitting, errors } = form.formState;
  const ceiling = settings.maxLifetimeCeilingDays;
  const reminderError = errorsUnder(errors, "reminderDays")[0]?.message;
  const idleText = useWatch({ control: form.control, name: "idleDisableDays" });

  const onSaved = (saved: SettingsResponse) => {
    form.reset(valuesOf(saved));
    finish({ title: "Saved the settings", description: "They apply from now on." });
  };

  return (
    <Form form={form} onSubmit={form.submitTo("PATCH", "/api/v1/settings", onSaved)} className="max-w-3xl space-y-6" alertAt="end">
      <Panel titleId="lifetime-title" title="Token lifetime">
        <FormText
          control={form.control}
          name="maxLifetimeDays"
          label="Longest lifetime, in days"
          inputMode="numeric"
          placeholder={ceiling === null ? "No limit" : `At most ${ceiling}`}
          className="max-w-lg"
          hint={
            <>
              New and regenerated tokens cannot live longer, and &ldquo;No expiration&rdquo; is not offered. Empty: no limit here.
              {ceiling === null ? null : ` TESSERA_MAX_TOKEN_LIFETIME_DAYS caps it at ${ceiling} days; this can only lower that.`}
              {settings.effectiveMaxLifetimeDays === null
                ? " Tokens may now live any length of time, or never expire."
                : ` Tokens may now live at most ${settings.effectiveMaxLifetimeDays} days.`}
            </>
          }
        />
      </Panel>

      <Panel titleId="idle-title" title="Idle tokens">
        <FormText
          control={form.control}
          name="idleDisableDays"
          label="Disable tokens unused for, in days"
          inputMode="numeric"
          placeholder="Off"
          className="max-w-lg"
          hint="A token with no request for this many days (counted from its creation if it was never used) is disabled, not deleted: enabling it brings it back, with the same secret, for as many days again. Empty: off."
        />
        <IdlePreview text={idleText} savedDays={settings.idleDisableDays} now={now} />
      </Panel>

      <Panel titleId="reminders-title" title="Expiry reminders">
        <TextField
          {...form.register("reminderDays")}
          label="Remind owners this many days before a token expires"
          error={reminderError}
          aria-invalid={reminderError ? true : undefined}
          placeholder="30, 7, 1"
          className="max-w-lg"
          hint="Days, separated by commas. Each is sent once per expiry, by webhook and email. Empty: no reminders."
        />
      </Panel>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end">
        {isDirty ? <p className="text-sm text-muted sm:mr-auto">You have unsaved changes.</p> : null}
        <Button variant="secondary" disabled={!isDirty || isSubmitting} onClick={() => form.reset()}>
          Discard changes
        </Button>
        <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
          {isSubmitting ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </Form>
  );
}
