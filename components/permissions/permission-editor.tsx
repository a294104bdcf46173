"use client";

import { type ReactNode, useId, useRef, useState } from "react";
import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { GRANTS_MAX, type Grant, type Permissions } from "@/lib/permissions/schema";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { errorsUnder } from "../ui/form";
import { FormAlert } from "../ui/form-field";
import { WarningNote } from "../ui/warning-mark";
import { type FieldError, type GrantField, groupPermissionErrors, newGrant } from "./grant-model";
import { PermissionRow } from "./permission-row";

export { type FieldError, validatePermissions } from "./grant-model";
export { PermissionSummary } from "./permission-summary";

export type PermissionEditorProps = {
  value: Permissions;
  onChange: (next: Permissions) => void;
  /** The names grants may refer to (server/catalog/options.ts loadPermissionCatalog()). */
  catalog: PermissionCatalog;
  /**
   * Field errors with the API's paths, e.g. `permissions.grants.2.environments.0`; each shows under
   * its grant and field. Paths outside `permissions` are ignored. Pass validatePermissions(value)
   * on submit to show every client-side problem at once.
   */
  errors?: FieldError[];
  disabled?: boolean;
  /** Who gets these permissions, for the warning when there are none: "This token", "This user". */
  subject: string;
};

/**
 * Super admin, or specific grants over Devtron apps, Helm apps and chart groups (docs/design.md, "Permissions").
 * A grant whose list is left with nothing chosen stays invalid until something (or "All") is
 * chosen: validatePermissions() and the API both refuse it, so it is never saved as "all".
 */
export function PermissionEditor({ value, onChange, catalog, errors, disabled = false, subject }: PermissionEditorProps) {
  const name = useId();
  const grants = value.superAdmin ? [] : value.grants;
  const grouped = groupPermissionErrors(errors);

  // Stable keys per grant, so removing one keeps the others' popovers and touched state.
  const keys = useRef<number[]>([]);
  const nextKey = useRef(1);
  while (keys.current.length < grants.length) keys.current.push(nextKey.current++);
  if (keys.current.length > grants.length) keys.current.length = grants.length;
  const [touched, setTouched] = useState<Map<number, Set<GrantField>>>(new Map());
  // Switching to super admin and back restores the grants instead of losing them.
  const lastGrants = useRef<Grant[]>(grants);
  if (!value.superAdmin) lastGrants.current = value.grants;

  const setGrants = (next: Grant[]) => onChange({ superAdmin: false, grants: next });
  const touch = (key: number, field: GrantField) =>
    setTouched((all) => (all.get(key)?.has(field) ? all : new Map(all).set(key, new Set([...(all.get(key) ?? []), field]))));
  const remove = (index: number) => {
    keys.current.splice(index, 1);
    setGrants(grants.filter((_, i) => i !== index));
  };

  return (
    <div className="@container space-y-4">
      {grouped.general.length ? <FormAlert>{grouped.general.join(" ")}</FormAlert> : null}
      <fieldset disabled={disabled}>
        <legend className="text-sm font-medium">Access</legend>
        <div className="mt-2 grid gap-2 @sm:grid-cols-2">
          <Choice name={name} checked={value.superAdmin} label="Super admin" onSelect={() => onChange({ superAdmin: true })}>
            Everything, including API tokens, users and the audit log.
          </Choice>
          <Choice
            name={name}
            checked={!value.superAdmin}
            label="Specific permissions"
            // Back to the grants it had, or none: an empty row nobody asked for would block saving.
            onSelect={() => setGrants(lastGrants.current)}
          >
            Roles over Devtron apps, Helm apps and chart groups.
          </Choice>
        </div>
      </fieldset>

      {value.superAdmin ? (
        <div role="note" className="rounded-md border border-warning-text/40 bg-warning-soft px-3 py-2 text-sm text-warning-text">
          <strong className="font-semibold">A super admin can do everything</strong>, including creating and revoking API tokens, managing
          users and their permissions, and reading the audit log.
        </div>
      ) : (
        <div className="space-y-3">
          {grants.length === 0 ? (
            <WarningNote>
              {subject} has no permissions: it sees no apps, Helm apps or chart groups, and can change nothing. Add a permission, or choose
              Super admin.
            </WarningNote>
          ) : null}
          {grants.map((grant, index) => {
            const key = keys.current[index]!;
            return (
              <PermissionRow
                key={key}
                index={index}
                grant={grant}
                catalog={catalog}
                errors={grouped.grants.get(index)}
                touched={touched.get(key) ?? new Set()}
                onTouch={(field) => touch(key, field)}
                onChange={(next) => setGrants(grants.map((g, i) => (i === index ? next : g)))}
                onRemove={() => remove(index)}
                disabled={disabled}
              />
            );
          })}
          <Button
            variant="secondary"
            size="sm"
            disabled={disabled || grants.length >= GRANTS_MAX}
            onClick={() => setGrants([...grants, newGrant()])}
          >
            Add permission
          </Button>
        </div>
      )}
    </div>
  );
}

export type FormPermissionEditorProps<T extends FieldValues> = Omit<PermissionEditorProps, "value" | "onChange" | "errors" | "disabled"> & {
  control: Control<T, unknown, unknown>;
  name: FieldPath<T>;
};

/** The editor bound to a form's permissions field; the schema's and the API's errors show under their grants. */
export function FormPermissionEditor<T extends FieldValues>({ control, name, ...props }: FormPermissionEditorProps<T>) {
  const { field, formState } = useController({ control, name });
  return (
    <PermissionEditor
      {...props}
      value={field.value}
      onChange={field.onChange}
      errors={errorsUnder(formState.errors, name)}
      disabled={formState.isSubmitting}
    />
  );
}

function Choice(props: { name: string; checked: boolean; label: string; onSelect: () => void; children: ReactNode }) {
  const id = useId();
  // The label's ::after covers the card, so the whole card is clickable while the radio's
  // accessible name stays the short label (the hint is its description).
  return (
    <div
      className={cn(
        "relative flex items-start gap-3 rounded-md border p-3 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60",
        props.checked ? "border-ring bg-info-soft" : "border-line-strong hover:bg-surface-muted",
      )}
    >
      <input
        id={id}
        type="radio"
        name={props.name}
        checked={props.checked}
        onChange={props.onSelect}
        aria-describedby={`${id}-hint`}
        className="relative z-10 mt-0.5 size-4 accent-accent"
      />
      <span>
        <label htmlFor={id} className="block cursor-pointer text-sm font-medium after:absolute after:inset-0">
          {props.label}
        </label>
        <span id={`${id}-hint`} className="block text-xs text-muted">
          {props.children}
        </span>
      </span>
    </div>
  );
}
