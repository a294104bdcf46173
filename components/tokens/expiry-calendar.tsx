"use client";

import * as PopoverPrimitive from "@radix-ui/react-popover";
import type { CSSProperties } from "react";
import { DayPicker } from "react-day-picker";
import "react-day-picker/style.css";
import { selectableDays } from "@/lib/tokens/expiry";
import { cn } from "../ui/cn";
import { Icon } from "../ui/icon";
import { inputClasses } from "../ui/input";
import { formatLocalDate } from "./expiry-choice";

// The day picker's own variables, pointed at the app's palette so it follows dark mode.
const CALENDAR_STYLE = {
  "--rdp-accent-color": "var(--accent)",
  "--rdp-accent-background-color": "var(--info-soft)",
  "--rdp-today-color": "var(--link)",
  "--rdp-day-height": "40px",
  "--rdp-day-width": "40px",
  "--rdp-day_button-height": "38px",
  "--rdp-day_button-width": "38px",
} as CSSProperties;

export type ExpiryCalendarProps = {
  id: string;
  labelId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  selected: Date | undefined;
  onSelect: (day: Date) => void;
  /** Calendar bounds are computed from this moment: tomorrow is the first day offered. */
  now: Date;
  maxLifetimeDays: number | null;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
};

/** A button showing the chosen day that opens a month calendar; today, earlier days and days past the limit are disabled. */
export function ExpiryCalendar(props: ExpiryCalendarProps) {
  const { first, last } = selectableDays(props.now, props.maxLifetimeDays);
  const disabledDays = last ? [{ before: first }, { after: last }] : [{ before: first }];
  return (
    <PopoverPrimitive.Root open={props.open} onOpenChange={props.onOpenChange}>
      <PopoverPrimitive.Trigger asChild>
        <button
          id={props.id}
          type="button"
          disabled={props.disabled}
          aria-labelledby={`${props.labelId} ${props.id}`}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid || undefined}
          className={cn(inputClasses, "flex items-center gap-2 text-left", !props.selected && "text-muted")}
        >
          <Icon className="text-muted" strokeWidth={1.5}>
            <rect x="2.5" y="3.5" width="11" height="10" rx="1.5" />
            <path d="M2.5 6.5h11M5.5 2v3M10.5 2v3" strokeLinecap="round" />
          </Icon>
          {props.selected ? formatLocalDate(props.selected) : "Pick a date"}
        </button>
      </PopoverPrimitive.Trigger>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          align="start"
          sideOffset={4}
          collisionPadding={8}
          aria-label="Choose the last day the token works"
          // Focus goes to the chosen day (else the first one offered) once the popover has taken
          // focus over from the dialog beneath. DayPicker's own autoFocus runs earlier, while the
          // dialog still traps focus, which pulls it back, and the popover then picks its first
          // button: "next month".
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            (event.currentTarget as HTMLElement).querySelector<HTMLElement>('.rdp-day_button[tabindex="0"]')?.focus();
          }}
          className="animate-menu z-[60] rounded-lg border border-line bg-surface p-2 text-fg shadow-lg"
        >
          <DayPicker
            mode="single"
            selected={props.selected}
            onSelect={(day) => {
              if (!day) return;
              props.onSelect(day);
              props.onOpenChange(false);
            }}
            disabled={disabledDays}
            defaultMonth={props.selected ?? first}
            startMonth={first}
            endMonth={last ?? undefined}
            style={CALENDAR_STYLE}
          />
          {last ? <p className="px-2 pb-1 text-xs text-muted">Latest allowed: {formatLocalDate(last)}</p> : null}
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
