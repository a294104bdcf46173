import type { ReactNode } from "react";
import { cn } from "./cn";

export type PanelProps = {
  /** The heading's id: the panel is a region named by its heading. */
  titleId: string;
  title: ReactNode;
  /** A line under the heading, saying what the panel is for. */
  description?: ReactNode;
  className?: string;
  children: ReactNode;
};

/** A titled card on a page (the token page's panels, the settings sections). */
export function Panel({ titleId, title, description, className, children }: PanelProps) {
  const heading = (
    <h2 id={titleId} className="text-base font-semibold">
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={titleId} className={cn("space-y-3 rounded-xl border border-line bg-surface p-5 shadow-sm", className)}>
      {description ? (
        <div className="space-y-1">
          {heading}
          <p className="text-sm text-muted">{description}</p>
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
