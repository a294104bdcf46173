import type { ReactNode } from "react";

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

/** A dashboard page: its header, then its content. */
export function PageLayout({ children, ...header }: Parameters<typeof PageHeader>[0] & { children: ReactNode }) {
  return (
    <div className="space-y-6">
      <PageHeader {...header} />
      {children}
    </div>
  );
}
