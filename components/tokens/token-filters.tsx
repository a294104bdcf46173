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

/** The status filter (the `status` URL param) and, while any filter is on, "Clear filters". */
export function TokenFilters({ status, q }: { status?: TokenStatusFilter; q?: string }) {
  const id = useId();
  const { update, pending } = useSearchParamsUpdater();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="text-sm text-muted">
        Status
      </label>
      <select
        id={id}
        value={status ?? "all"}
        aria-busy={pending || undefined}
        onChange={(event) => update({ status: event.target.value === "all" ? null : event.target.value, page: null })}
        className="h-10 rounded-md border border-line-strong bg-surface px-2 text-sm text-fg shadow-sm"
      >
        {(["all", "active", "expiring", "expired"] as const).map((value) => (
          <option key={value} value={value}>
            {STATUS_LABELS[value]}
          </option>
        ))}
      </select>
      {status || q ? <ClearFiltersButton /> : null}
    </div>
  );
}

export function ClearFiltersButton() {
  const { update } = useSearchParamsUpdater();
  return (
    <Button variant="ghost" onClick={() => update({ q: null, status: null, page: null })}>
      Clear filters
    </Button>
  );
}

/** The plural noun the table uses, so its counts and "No … match" lines name the status filter too. */
export function tokensNoun(status?: TokenStatusFilter): string {
  return status ? `${status} tokens` : "tokens";
}

/** What the table shows when the status filter leaves nothing (with a search, DataTable says "No … match"). */
export function NoMatchingTokens({ status }: { status?: TokenStatusFilter }) {
  return (
    <div className="space-y-3">
      <p>
        No {tokensNoun(status)}.{status ? " Other tokens are hidden by the status filter." : ""}
      </p>
      <ClearFiltersButton />
    </div>
  );
}
