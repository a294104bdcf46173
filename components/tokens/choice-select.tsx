"use client";

import * as SelectPrimitive from "@radix-ui/react-select";
import type { ComponentProps } from "react";
import { cn } from "../ui/cn";
import { ChevronDownIcon } from "../ui/icon";
import { inputClasses } from "../ui/input";

// Radix Select rather than a native <select>: it commits a choice only on Enter or a
// click, so arrowing past "Custom…" does not pop the calendar open on the way.

export type ChoiceOption = { value: string; label: string };

export type ChoiceSelectProps = {
  id: string;
  value: string;
  options: ChoiceOption[];
  onValueChange: (value: string) => void;
  disabled?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  /** Lets the caller keep focus elsewhere when the list closes (e.g. in a calendar it opens). */
  onCloseAutoFocus?: ComponentProps<typeof SelectPrimitive.Content>["onCloseAutoFocus"];
  className?: string;
};

export function ChoiceSelect({ id, value, options, onValueChange, disabled, onCloseAutoFocus, className, ...aria }: ChoiceSelectProps) {
  return (
    <SelectPrimitive.Root value={value} onValueChange={onValueChange} disabled={disabled}>
      <SelectPrimitive.Trigger
        id={id}
        {...aria}
        className={cn(inputClasses, "flex items-center justify-between gap-2 text-left", className)}
      >
        <SelectPrimitive.Value />
        <SelectPrimitive.Icon>
          <ChevronDownIcon />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content
          position="popper"
          sideOffset={4}
          onCloseAutoFocus={onCloseAutoFocus}
          // Radix chooses an item on Enter's keydown and lets the key go on; the browser then
          // presses whatever has focus by then (the calendar that "Custom…" opens, on its first
          // day). Space is already held back the same way, so the mouse, Space and Enter agree.
          onKeyDown={(event) => {
            if (event.key === "Enter") event.preventDefault();
          }}
          className="animate-menu z-[60] max-h-[var(--radix-select-content-available-height)] min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded-lg border border-line bg-surface p-1 text-fg shadow-lg"
        >
          <SelectPrimitive.Viewport>
            {options.map((option) => (
              <SelectPrimitive.Item
                key={option.value}
                value={option.value}
                className="relative flex cursor-default items-center rounded-md py-1.5 pr-2.5 pl-8 text-sm outline-none select-none data-[highlighted]:bg-surface-muted"
              >
                <SelectPrimitive.ItemIndicator className="absolute left-2.5 inline-flex">
                  <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2">
                    <path d="M3.5 8.5l3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                </SelectPrimitive.ItemIndicator>
                <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
}
