import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Label({ className, ...props }: ComponentProps<"label">) {
  // biome-ignore lint/a11y/noLabelWithoutControl: the primitive; callers pass htmlFor or wrap the control
  return <label className={cn("block text-sm font-medium text-fg", className)} {...props} />;
}
