import { cn } from "../ui/cn";

function Bar({ className }: { className?: string }) {
  return <span className={cn("block h-4 animate-pulse rounded bg-surface-muted motion-reduce:animate-none", className)} />;
}

/** The list's shape while it loads: the same header, toolbar and row heights, so nothing jumps when it arrives. */
export function TokensListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="space-y-6" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading API tokens…</span>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
          <Bar className="w-80 max-w-full" />
        </div>
        <span className="block h-10 w-48 animate-pulse rounded-md bg-surface-muted motion-reduce:animate-none" />
      </div>
      <div className="space-y-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <span className="block h-10 w-full animate-pulse rounded-md bg-surface-muted sm:max-w-xs motion-reduce:animate-none" />
          <span className="block h-10 w-56 animate-pulse rounded-md bg-surface-muted motion-reduce:animate-none" />
        </div>
        <div className="overflow-hidden rounded-xl border border-line bg-surface shadow-sm">
          <div className="h-9 border-b border-line bg-surface-muted" />
          <ul className="divide-y divide-line">
            {Array.from({ length: rows }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows never reorder
              <li key={i} className="flex h-[61px] items-center gap-6 px-4">
                <Bar className="w-40" />
                <Bar className="w-24" />
                <Bar className="w-20" />
                <Bar className="w-24" />
                <Bar className="hidden w-32 md:block" />
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function Card({ className, lines }: { className?: string; lines: number }) {
  return (
    <div className={cn("space-y-4 rounded-xl border border-line bg-surface p-5 shadow-sm", className)}>
      <Bar className="w-24" />
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines never reorder
        <span key={i} className="block h-10 animate-pulse rounded-md bg-surface-muted motion-reduce:animate-none" />
      ))}
    </div>
  );
}

/** A token's page while it loads: breadcrumb, header, info bar, settings and usage. */
export function TokenDetailSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading the token…</span>
      <Bar className="w-48" />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-2">
          <Bar className="h-7 w-64" />
          <Bar className="w-96 max-w-full" />
        </div>
        <span className="block h-10 w-44 animate-pulse rounded-md bg-surface-muted motion-reduce:animate-none" />
      </div>
      <span className="block h-12 animate-pulse rounded-xl border border-line bg-surface motion-reduce:animate-none" />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card lines={5} />
        <Card lines={3} />
      </div>
    </div>
  );
}
