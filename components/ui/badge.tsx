import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "accent" | "success" | "warning" | "danger";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-surface-muted text-muted ring-line-strong",
  accent: "bg-info-soft text-link ring-ring/40",
  success: "bg-success-soft text-success-text ring-success-text/30",
  warning: "bg-warning-soft text-warning-text ring-warning-text/30",
  danger: "bg-danger-soft text-danger-text ring-danger-text/30",
};

export function Badge({ tone = "neutral", className, children }: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
