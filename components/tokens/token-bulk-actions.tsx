"use client";

import dynamic from "next/dynamic";
import { useContext, useId, useState } from "react";
import type { BulkAction, BulkFilter } from "@/lib/schemas/token-bulk";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { inputClasses } from "../ui/input";
import { aboutCount } from "../ui/pagination";
import { useOpenedOnce } from "../ui/use-opened-once";
import { BULK_VERBS } from "./token-bulk-verbs";

// The review (its dry run, the confirmation) loads when it is first opened, not with the list.
const TokenBulkReview = dynamic(() => import("./token-bulk-review").then((m) => m.TokenBulkReview));

import { TokenSelectionContext } from "./token-selection";

// The bar above the token list: pick an action and the tokens it applies to (the rows
// selected, or every token the search and filters match), then review exactly which tokens
// it changes (a dry run) before confirming.

export function TokenBulkActions({
  filter,
  total,
  totalExact = true,
}: {
  filter: Omit<BulkFilter, "ids">;
  total: number;
  totalExact?: boolean;
}) {
  const id = useId();
  const selection = useContext(TokenSelectionContext);
  const selected = selection?.selected ?? new Map<number, string>();
  const [action, setAction] = useState<BulkAction>("disable");
  const [scopeChoice, setScope] = useState<"selected" | "filter">("selected");
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so it can animate closed and keep its state.
  const opened = useOpenedOnce(open);
  const scope = selected.size > 0 ? scopeChoice : "filter";
  const filtered = Boolean(filter.q || filter.status || filter.unusedForDays);
  const target: BulkFilter = scope === "selected" ? { ids: [...selected.keys()] } : filter;

  return (
    <section
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-2 rounded-xl border border-line bg-surface px-4 py-3 text-sm shadow-sm"
    >
      <label htmlFor={`${id}-action`} className="text-muted">
        Bulk action
      </label>
      <select
        id={`${id}-action`}
        value={action}
        onChange={(event) => setAction(event.target.value as BulkAction)}
        className={cn(inputClasses, "h-9 w-auto max-w-full min-w-0")}
      >
        {(Object.keys(BULK_VERBS) as BulkAction[]).map((a) => (
          <option key={a} value={a}>
            {BULK_VERBS[a].verb}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-scope`} className="text-muted">
        on
      </label>
      <select
        id={`${id}-scope`}
        value={scope}
        onChange={(event) => setScope(event.target.value as "selected" | "filter")}
        className={cn(inputClasses, "h-9 w-auto max-w-full min-w-0")}
      >
        {selected.size > 0 ? (
          <option value="selected">
            the {selected.size} selected token{selected.size === 1 ? "" : "s"}
          </option>
        ) : null}
        <option value="filter">
          all {totalExact ? total : aboutCount(total)} {filtered ? "matching " : ""}
          {total === 1 ? "token" : "tokens"}
        </option>
      </select>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Review…
      </Button>
      {selected.size > 0 ? (
        <Button variant="ghost" size="sm" onClick={() => selection?.clear()}>
          Clear selection
        </Button>
      ) : null}
      {opened ? (
        <TokenBulkReview open={open} onOpenChange={setOpen} action={action} filter={target} onDone={() => selection?.clear()} />
      ) : null}
    </section>
  );
}
