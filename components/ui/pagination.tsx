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
  noun = "items",
  pageSizes = [10, 20, 50, 100],
  onPageChange,
  onPageSizeChange,
  disabled = false,
  className,
}: PaginationProps) {
  const sizeId = useId();
  const first = total === 0 ? 0 : Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);
  const lastPage = Math.max(pageCount, 1);
  const sizes = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b);

  return (
    <div className={cn("flex flex-col gap-3 text-sm text-muted sm:flex-row sm:items-center sm:justify-between", className)}>
      <p aria-live="polite">{total === 0 ? `No ${noun}` : `${first}–${last} of ${total} ${noun}`}</p>
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
            Page {page} of {lastPage}
          </span>
          <Button
            variant="secondary"
            size="sm"
            aria-label="Next page"
            disabled={disabled || page >= lastPage}
            onClick={() => onPageChange(page + 1)}
          >
            Next
          </Button>
        </nav>
      </div>
    </div>
  );
}
