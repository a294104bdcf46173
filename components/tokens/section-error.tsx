"use client";

import { Button } from "../ui/button";
import { Icon } from "../ui/icon";

/** A page section that failed to load: says so without internals, and offers to try again. */
export function SectionError({ title, onRetry }: { title: string; onRetry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-line bg-surface p-8 text-center shadow-sm">
      <Icon viewBox="0 0 24 24" className="mx-auto size-10 text-danger-text" strokeWidth={1.5}>
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7.5v5.5M12 16.3v.2" strokeLinecap="round" />
      </Icon>
      <h1 className="mt-4 text-xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-sm text-muted">Tessera could not reach its database or hit an unexpected error. Nothing was changed.</p>
      <Button className="mt-6" onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}
