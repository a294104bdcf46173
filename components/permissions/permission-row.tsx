"use client";

import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { ENTITIES, ENTITY_LABELS, type Entity, type Grant, ROLE_LABELS, ROLES } from "@/lib/permissions/schema";
import { Button } from "../ui/button";
import { SelectField } from "../ui/form-controls";
import { FormField } from "../ui/form-field";
import {
  appsOfProject,
  changeEntity,
  changeProject,
  type GrantErrors,
  type GrantField,
  isChoiceMessage,
  type ListField,
  validatePermissions,
} from "./grant-model";
import { MultiSelect } from "./multi-select";

export type PermissionRowProps = {
  index: number;
  grant: Grant;
  catalog: PermissionCatalog;
  /** Errors from the API (or the form's own check on submit) for this grant. */
  errors?: GrantErrors;
  /** Fields the person has already been through; their client-side problems show at once. */
  touched: ReadonlySet<GrantField>;
  onTouch: (field: GrantField) => void;
  onChange: (next: Grant) => void;
  onRemove: () => void;
  disabled?: boolean;
};

// Narrow: one column. Medium: entity | project, environments | apps, role. Wide: entity |
// project | role over environments | apps (the DOM order suits the narrower layouts).
const WIDE = {
  first: "@xl:order-1 @xl:col-span-2",
  second: "@xl:order-2 @xl:col-span-2",
  third: "@xl:order-3 @xl:col-span-2",
  fourth: "@xl:order-4 @xl:col-span-3",
  fifth: "@xl:order-5 @xl:col-span-3",
};

const ENTITY_OPTIONS = ENTITIES.map((e) => ({ value: e, label: ENTITY_LABELS[e] }));

function roleOptions(entity: Entity) {
  const labels: Record<string, string> = ROLE_LABELS[entity];
  return ROLES[entity].map((role) => ({ value: role, label: labels[role] ?? role }));
}

/** One grant: entity · project · environments · apps (or chart groups) · role, with its errors under each field. */
export function PermissionRow({ index, grant, catalog, errors, touched, onTouch, onChange, onRemove, disabled }: PermissionRowProps) {
  const n = index + 1;
  const own = new Map(
    validatePermissions({ superAdmin: false, grants: [grant] }).map((e) => [e.path.split(".").pop() as GrantField, e.message]),
  );

  /** The API's message, or (once touched, or after a refused submit) the form's own. */
  const errorOf = (field: GrantField): string | undefined => {
    const local = own.get(field);
    // A "Choose …" from an earlier submit goes away once the field is done.
    const fromApi = (errors?.fields[field] ?? []).filter((m) => !isChoiceMessage(m));
    // An unfinished list refused by the API ("must not be empty") reads better as what to do.
    if (fromApi.length) return local ?? fromApi.join(" · ");
    if (local && errors?.fields[field]?.length) return local;
    return touched.has(field) ? local : undefined;
  };

  const list = (field: ListField, label: string, noun: string, options: readonly string[], className: string, needsProject = false) => {
    const value = (grant as Partial<Record<ListField, string[]>>)[field] ?? [];
    return (
      <FormField label={label} error={errorOf(field)} hint={needsProject ? "Choose a project first." : undefined} className={className}>
        {(control) => (
          <MultiSelect
            {...control}
            label={label}
            noun={noun}
            options={options}
            value={value}
            disabled={disabled || needsProject}
            onClose={() => onTouch(field)}
            onChange={(next) => onChange({ ...grant, [field]: next } as Grant)}
          />
        )}
      </FormField>
    );
  };

  return (
    <fieldset className="rounded-lg border border-line p-4">
      <legend className="float-left text-sm font-semibold">Permission {n}</legend>
      <Button
        variant="ghost"
        size="sm"
        className="float-right -mt-1 -mr-2 text-danger-text"
        aria-label={`Remove permission ${n}`}
        disabled={disabled}
        onClick={onRemove}
      >
        Remove
      </Button>
      {/* Laid out by the row's own width, so it fits a narrow token dialog and a wide one alike. */}
      <div className="@container clear-both pt-3">
        <div className="grid gap-4 @sm:grid-cols-2 @xl:grid-cols-6">
          {errors?.grant.length ? <p className="col-span-full text-sm text-danger-text">{errors.grant.join(" · ")}</p> : null}
          <SelectField
            className={WIDE.first}
            label="Entity"
            options={ENTITY_OPTIONS}
            value={grant.entity}
            disabled={disabled}
            error={errorOf("entity")}
            onChange={(e) => onChange(changeEntity(grant, e.target.value as Entity))}
          />
          {grant.entity === "chart-group" ? (
            list("groups", "Chart groups", "chart group", catalog.chartGroups, WIDE.second)
          ) : (
            <>
              <SelectField
                className={WIDE.second}
                label="Project"
                placeholder="Choose a project"
                options={
                  grant.project && !catalog.projects.includes(grant.project) ? [...catalog.projects, grant.project] : catalog.projects
                }
                value={grant.project}
                disabled={disabled}
                error={errorOf("project")}
                onBlur={() => onTouch("project")}
                onChange={(e) => onChange(changeProject(grant, e.target.value, catalog))}
              />
              {list("environments", "Environments", "environment", catalog.environments, WIDE.fourth)}
              {grant.entity === "helm-app"
                ? list("apps", "Helm apps", "Helm app", appsOfProject(catalog, grant.entity, grant.project), WIDE.fifth, !grant.project)
                : list("apps", "Apps", "app", appsOfProject(catalog, grant.entity, grant.project), WIDE.fifth, !grant.project)}
            </>
          )}
          <SelectField
            className={WIDE.third}
            label="Role"
            options={roleOptions(grant.entity)}
            value={grant.role}
            disabled={disabled}
            error={errorOf("role")}
            onChange={(e) => onChange({ ...grant, role: e.target.value } as Grant)}
          />
        </div>
      </div>
    </fieldset>
  );
}
