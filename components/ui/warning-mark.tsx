import type { ReactNode } from "react";
import { Icon } from "./icon";

/** The amber triangle that marks a risky setting (no expiration); decorative, the text says it. */
export function WarningMark({ className }: { className?: string }) {
  return (
    <Icon className={className} strokeWidth={1.5}>
      <path d="M8 2.2L14.5 13.5h-13z" strokeLinejoin="round" />
      <path d="M8 6.5v3.2M8 11.6v.1" strokeLinecap="round" />
    </Icon>
  );
}

/** A boxed warning about the choice next to it (a token that never expires, one with no permissions). */
export function WarningNote({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <div
      id={id}
      role="note"
      className="flex gap-2 rounded-md border border-warning-text/30 bg-warning-soft px-3 py-2 text-sm text-warning-text"
    >
      <WarningMark className="mt-0.5" />
      <p>{children}</p>
    </div>
  );
}
