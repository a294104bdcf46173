"use client";

import { useId } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { FormPermissionEditor } from "../permissions/permission-editor";

export type TokenPermissionsFieldProps<T extends FieldValues> = {
  control: Control<T, unknown, unknown>;
  name: FieldPath<T>;
  catalog: PermissionCatalog;
};

/** The shared permission editor under a "Permissions" heading, as the token forms lay it out. */
export function TokenPermissionsField<T extends FieldValues>(props: TokenPermissionsFieldProps<T>) {
  const id = useId();
  return (
    <fieldset aria-labelledby={id} className="min-w-0 space-y-2 border-t border-line pt-4">
      <p id={id} className="text-sm font-semibold">
        Permissions
      </p>
      <FormPermissionEditor {...props} subject="This token" />
    </fieldset>
  );
}
