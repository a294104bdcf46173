"use client";

import { useId } from "react";
import type { TOKEN_STATUSES } from "@/lib/schemas/token";
import { Button } from "../ui/button";
import { useSearchParamsUpdater } from "../ui/use-search-params-updater";

export type TokenStatusFilter = (typeof TOKEN_STATUSES)[number];

export const STATUS_LABELS: Record<TokenStatusFilter | "all", string> = {
  all: "All tokens",
  active: "Active",
  expiring: "Expiring within 7 days",
  expired: "Expired",
  disabled: "Disabled",
};

/** The choices of the "unused for" filter, in days. */
export const UNUSED_FOR_CHOICES = [7, 30, 60, 90, 180, 365] as const;

/** The list's filters besides the search, as the URL holds them. */
export type TokenListFilters = { status?: TokenStatusFilter; unusedForDays?: number };

const selectClasses = "h-10 rounded-md border border-line-strong bg-surface px-2 text-sm text-fg shadow-sm";

/** The status and "unused for" filters (the `status` and `unusedForDays` URL params) and, while any filter is on, "Clear filters". */
export function TokenFilters({ status, unusedForDays, q }: TokenListFilters & { q?: string }) {
  const id = useId();
  const { update, pending } = useSearchParamsUpdater();
  const unusedChoices: number[] =
    unusedForDays !== undefined && !UNUSED_FOR_CHOICES.some((d) => d === unusedForDays)
      ? [...UNUSED_FOR_CHOICES, unusedForDays].sort((a, b) => a - b)
      : [...UNUSED_FOR_CHOICES];
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={`${id}-status`} className="text-sm text-muted">
        Status
      </label>
      <select
        id={`${id}-status`}
        value={status ?? "all"}
        aria-busy={pending || undefined}
        onChange={(event) => update({ status: event.target.value === "all" ? null : event.target.value, page: null })}
        className={selectClasses}
      >
        {(["all", "active", "expiring", "expired", "disabled"] as const).map((value) => (
          <option key={value} value={value}>
            {STATUS_LABELS[value]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-unused`} className="text-sm text-muted">
        Unused for
      </label>
      <select
        id={`${id}-unused`}
        value={unusedForDays ?? ""}
        aria-busy={pending || undefined}
        onChange={(event) => update({ unusedForDays: event.target.value || null, page: null })}
        className={selectClasses}
      >
        <option value="">Any time</option>
        {unusedChoices.map((days) => (
          <option key={days} value={days}>
            {days}+ days
          </option>
        ))}
      </select>
      {status || unusedForDays || q ? <ClearFiltersButton /> : null}
    </div>
  );
}

export function ClearFiltersButton() {
  const { update } = useSearchParamsUpdater();
  return (
    <Button variant="ghost" onClick={() => update({ q: null, status: null, unusedForDays: null, page: null })}>
      Clear filters
    </Button>
  );
}

/** The plural noun the table uses, so its counts and "No … match" lines name the filters too. */
export function tokensNoun({ status, unusedForDays }: TokenListFilters = {}): string {
  const noun = status ? `${status} tokens` : "tokens";
  return unusedForDays ? `${noun} unused for ${unusedForDays}+ days` : noun;
}

/** What the table shows when the filters leave nothing (with a search, DataTable says "No … match"). */
export function NoMatchingTokens(filters: TokenListFilters) {
  const which =
    filters.status && filters.unusedForDays
      ? "the filters"
      : filters.status
        ? "the status filter"
        : filters.unusedForDays
          ? "the unused-for filter"
          : null;
  return (
    <div className="space-y-3">
      <p>
        No {tokensNoun(filters)}.{which ? ` Other tokens are hidden by ${which}.` : ""}
      </p>
      <ClearFiltersButton />
    </div>
  );
}
