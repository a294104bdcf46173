import type { ReactNode } from "react";
import { cn } from "./cn";

/** A line icon drawn in the text colour; decorative, the words next to it say what it means. */
export function Icon({
  children,
  className,
  viewBox = "0 0 16 16",
  strokeWidth = 1.6,
}: {
  children: ReactNode;
  className?: string;
  viewBox?: string;
  strokeWidth?: number;
}) {
  return (
    <svg
      aria-hidden="true"
      viewBox={viewBox}
      className={cn("size-4 shrink-0", className)}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
    >
      {children}
    </svg>
  );
}

/** The "opens a list" mark at the end of a select-like button. */
export function ChevronDownIcon() {
  return (
    <Icon className="text-muted">
      <path d="M4 6l4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
    </Icon>
  );
}
