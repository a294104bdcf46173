import { cn } from "./ui/cn";

/** A tessera is one tile of a mosaic: four tiles, one lit. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={cn("size-6 shrink-0", className)}>
      <rect x="2" y="2" width="9" height="9" rx="2" className="fill-accent" />
      <rect x="13" y="2" width="9" height="9" rx="2" className="fill-fg/25" />
      <rect x="2" y="13" width="9" height="9" rx="2" className="fill-fg/25" />
      <rect x="13" y="13" width="9" height="9" rx="2" className="fill-fg/60" />
    </svg>
  );
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-base font-semibold tracking-tight text-fg", className)}>
      <LogoMark />
      Tessera
    </span>
  );
}
