"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

export function EmptyRows(props: {
  q: string;
  total: number;
  noun: string;
  emptyState?: ReactNode;
  onClearSearch: () => void;
  onFirstPage: () => void;
}) {
  if (props.total > 0) {
    return (
      <div className="space-y-3 text-muted">
        <p>This page is past the end of the list.</p>
        <Button variant="secondary" size="sm" onClick={props.onFirstPage}>
          Go to the first page
        </Button>
      </div>
    );
  }
  if (props.q) {
    return (
      <div className="space-y-3 text-muted">
        <p>
          No {props.noun} match “<span className="font-medium text-fg">{props.q}</span>”.
        </p>
        <Button variant="secondary" size="sm" onClick={props.onClearSearch}>
          Clear search
        </Button>
      </div>
    );
  }
  return <div className="text-muted">{props.emptyState ?? `No ${props.noun} yet.`}</div>;
}

export function SortMark({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className={cn("size-3", !direction && "opacity-40")} fill="currentColor">
      {direction !== "desc" ? <path d="M6 2l3 4H3z" /> : null}
      {direction !== "asc" ? <path d="M6 10l3-4H3z" /> : null}
    </svg>
  );
}
