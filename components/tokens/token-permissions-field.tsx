"use client";

import { useId } from "react";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import type { Permissions } from "@/lib/permissions/schema";
import { PermissionEditor, validatePermissions } from "../permissions/permission-editor";

export { validatePermissions };

export type TokenPermissionsFieldProps = {
  value: Permissions;
  onChange: (p: Permissions) => void;
  catalog: PermissionCatalog;
  /** Errors with the API's paths (`permissions.grants.0.project`). */
  errors?: { path: string; message: string }[];
  disabled?: boolean;
};

/** The shared permission editor under a "Permissions" heading, as the token forms lay it out. */
export function TokenPermissionsField({ value, onChange, catalog, errors, disabled }: TokenPermissionsFieldProps) {
  const id = useId();
  return (
    <fieldset aria-labelledby={id} className="min-w-0 space-y-2 border-t border-line pt-4">
      <p id={id} className="text-sm font-semibold">
        Permissions
      </p>
      <PermissionEditor value={value} onChange={onChange} catalog={catalog} errors={errors} disabled={disabled} />
    </fieldset>
  );
}
