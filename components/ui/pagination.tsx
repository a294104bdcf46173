"use client";

import { useId } from "react";
import { Button } from "./button";
import { cn } from "./cn";

export type PaginationProps = {
  /** 1-based. */
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  /** False when `total` is an estimate: it reads "about …". */
  totalExact?: boolean;
  /** Whether a next page exists, when the list knows it better than page < pageCount (keyset lists). */
  hasNext?: boolean;
  /** Shows a Last button that goes straight to the last page. */
  onLastPage?: () => void;
  /** Plural noun for the summary, e.g. "users". */
  noun?: string;
  pageSizes?: readonly number[];
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  disabled?: boolean;
  className?: string;
};

export function Pagination({
  page,
  pageCount,
  pageSize,
  total,
  totalExact = true,
  hasNext,
  onLastPage,
  noun = "items",
  pageSizes = [10, 20, 50, 100],
  onPageChange,
  onPageSizeChange,
  disabled = false,
  className,
}: PaginationProps) {
  const sizeId = useId();
  const first = total === 0 ? 0 : Math.min((page - 1) * pageSize + 1, total);
  const lastPage = Math.max(pageCount, 1);
  const atEnd = hasNext === undefined ? page >= lastPage : !hasNext;
  const of = totalExact ? String(total) : aboutCount(total);
  // Past an estimate the page numbers are labels, not a proof that the rows run out.
  const last = totalExact ? Math.min(page * pageSize, total) : page * pageSize;
  const sizes = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b);

  return (
    <div className={cn("flex flex-col gap-3 text-sm text-muted sm:flex-row sm:items-center sm:justify-between", className)}>
      <p aria-live="polite">{total === 0 ? `No ${noun}` : `${first}–${last} of ${of} ${noun}`}</p>
      <div className="flex flex-wrap items-center gap-3">
        {onPageSizeChange ? (
          <div className="flex items-center gap-2">
            <label htmlFor={sizeId}>Rows per page</label>
            <select
              id={sizeId}
              value={pageSize}
              disabled={disabled}
              onChange={(e) => onPageSizeChange(Number(e.target.value))}
              className="h-8 rounded-md border border-line-strong bg-surface px-2 text-fg"
            >
              {sizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <nav aria-label="Pagination" className="flex items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            aria-label="Previous page"
            disabled={disabled || page <= 1}
            onClick={() => onPageChange(Math.min(page - 1, lastPage))}
          >
            Previous
          </Button>
          <span className="tabular-nums whitespace-nowrap text-fg">
            Page {page} of {totalExact ? lastPage : aboutCount(lastPage)}
          </span>
          <Button variant="secondary" size="sm" aria-label="Next page" disabled={disabled || atEnd} onClick={() => onPageChange(page + 1)}>
            Next
          </Button>
          {onLastPage ? (
            <Button variant="secondary" size="sm" aria-label="Last page" disabled={disabled || atEnd} onClick={onLastPage}>
              Last
            </Button>
          ) : null}
        </nav>
      </div>
    </div>
  );
}

/** An estimated count as people say it: "about 1.2 million", "about 48,000". */
export function aboutCount(n: number): string {
  if (n >= 1_000_000) return `about ${(n / 1_000_000).toLocaleString("en", { maximumFractionDigits: 1 })} million`;
  const rounded = Number(n.toPrecision(2));
  return `about ${rounded.toLocaleString("en")}`;
}
