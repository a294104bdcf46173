"use client";

import { useId } from "react";
import { AUDIT_ACTIONS } from "@/lib/schemas/audit";
import { Button } from "../ui/button";
import { Pagination } from "../ui/pagination";
import { useSearchParamsUpdater } from "../ui/use-search-params-updater";

/** The action filter, and the token filter that links from a token's page (`tokenId`). */
export function AuditFilters({ action, tokenId }: { action?: string; tokenId?: number }) {
  const id = useId();
  const { update, pending } = useSearchParamsUpdater();
  return (
    <div className="flex flex-wrap items-center gap-2" aria-busy={pending || undefined}>
      <label htmlFor={id} className="text-sm text-muted">
        Action
      </label>
      <select
        id={id}
        value={action ?? ""}
        onChange={(event) => update({ action: event.target.value || null, page: null })}
        className="h-10 rounded-md border border-line-strong bg-surface px-2 font-mono text-sm text-fg shadow-sm"
      >
        <option value="">All actions</option>
        {AUDIT_ACTIONS.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      {tokenId !== undefined ? (
        <span className="inline-flex h-10 items-center gap-1 rounded-md border border-line-strong bg-surface-muted pr-1 pl-3 text-sm">
          Token #{tokenId}
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Stop filtering by token #${tokenId}`}
            onClick={() => update({ tokenId: null, page: null })}
          >
            ×
          </Button>
        </span>
      ) : null}
      {action || tokenId !== undefined ? (
        <Button variant="ghost" onClick={() => update({ action: null, tokenId: null, page: null })}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}

export const AUDIT_PAGE_SIZES = [20, 50, 100] as const;

/** Paging for the audit log, kept in the URL like the other tables. */
export function AuditPagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { update, pending } = useSearchParamsUpdater();
  return (
    <Pagination
      page={page}
      pageCount={Math.max(1, Math.ceil(total / pageSize))}
      pageSize={pageSize}
      total={total}
      noun="events"
      pageSizes={AUDIT_PAGE_SIZES}
      disabled={pending}
      onPageChange={(next) => update({ page: next === 1 ? null : next })}
      onPageSizeChange={(size) => update({ pageSize: size, page: null })}
    />
  );
}
