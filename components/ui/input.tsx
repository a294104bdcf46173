import type { ComponentProps } from "react";
import { cn } from "./cn";

export const inputClasses = cn(
  "block h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-fg shadow-sm",
  "placeholder:text-muted disabled:cursor-not-allowed disabled:opacity-60",
  "aria-[invalid=true]:border-danger-text",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(inputClasses, className)} {...props} />;
}

export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return <input type="checkbox" className={cn("size-4 rounded border-line-strong accent-accent", className)} {...props} />;
}
