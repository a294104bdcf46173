"use client";

import { useId } from "react";
import { cn } from "../ui/cn";
import { inputClasses } from "../ui/input";
import { useSearchParamsUpdater } from "../ui/use-search-params-updater";

/** A select bound to one URL parameter (e.g. `project`); changing it goes back to page 1. */
export function UrlFilter({
  param,
  label,
  allLabel,
  options,
  value,
}: {
  param: string;
  label: string;
  allLabel: string;
  options: readonly string[];
  value?: string;
}) {
  const id = useId();
  const { update, pending } = useSearchParamsUpdater();
  const choices = value && !options.includes(value) ? [...options, value] : options;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm whitespace-nowrap text-muted">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        aria-busy={pending || undefined}
        onChange={(e) => update({ [param]: e.target.value || null, page: null })}
        className={cn(inputClasses, "h-9 w-auto min-w-36 pr-8")}
      >
        <option value="">{allLabel}</option>
        {choices.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
