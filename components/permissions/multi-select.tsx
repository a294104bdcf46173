"use client";

import * as Popover from "@radix-ui/react-popover";
import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { cn } from "../ui/cn";
import type { FieldControlProps } from "../ui/form-field";
import { ChevronDownIcon } from "../ui/icon";
import { Checkbox, inputClasses } from "../ui/input";
import { ALL_LABEL, isNothingChosen, nothingChosen } from "./grant-model";

// A checkbox list in a popover, for the names a grant covers. `value` follows the grant's
// convention: [] is "All (existing and future)", names are those names, and the
// nothing-chosen marker (see grant-model) is neither.

export type MultiSelectProps = Partial<FieldControlProps> & {
  /** The field's name, e.g. "Environments": names the popover's checkbox group. */
  label: string;
  /** Singular noun for the placeholder and the empty text, e.g. "environment". */
  noun: string;
  options: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** Called when the popover closes, so the caller can start showing validation. */
  onClose?: () => void;
  disabled?: boolean;
};

const FILTER_FROM = 8;
const SHOWN = 2;

function summary(value: readonly string[], noun: string): { text: string; placeholder: boolean } {
  if (value.length === 0) return { text: ALL_LABEL, placeholder: false };
  if (isNothingChosen(value)) return { text: `Choose ${noun}s…`, placeholder: true };
  const shown = value.slice(0, SHOWN).join(", ");
  return { text: value.length > SHOWN ? `${shown} +${value.length - SHOWN}` : shown, placeholder: false };
}

/** Arrow keys, Home and End move between the checkboxes; Space toggles (the browser's own). */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  if (!keys.includes(event.key)) return;
  const boxes = [...event.currentTarget.querySelectorAll<HTMLInputElement>("input[type=checkbox]:not(:disabled)")];
  if (boxes.length === 0) return;
  event.preventDefault();
  const at = boxes.indexOf(document.activeElement as HTMLInputElement);
  const next =
    event.key === "Home"
      ? 0
      : event.key === "End"
        ? boxes.length - 1
        : event.key === "ArrowDown"
          ? Math.min(at + 1, boxes.length - 1)
          : Math.max(at - 1, 0);
  boxes[next]?.focus();
}

export function MultiSelect({ label, noun, options, value, onChange, onClose, disabled, ...control }: MultiSelectProps) {
  const groupId = useId();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const all = value.length === 0;
  const chosen = useMemo(() => (all || isNothingChosen(value) ? [] : [...value]), [all, value]);
  // A name that no longer exists stays listed while it is chosen, so it can be unchecked.
  const names = useMemo(() => [...new Set([...options, ...chosen])], [options, chosen]);
  const shown = filter ? names.filter((n) => n.toLowerCase().includes(filter.trim().toLowerCase())) : names;
  const { text, placeholder } = summary(value, noun);

  const toggle = (name: string, checked: boolean) => {
    const next = checked ? [...chosen, name] : chosen.filter((n) => n !== name);
    onChange(next.length ? next : nothingChosen());
  };

  return (
    <Popover.Root
      modal
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setFilter("");
          onClose?.();
        }
      }}
    >
      <Popover.Trigger
        {...control}
        disabled={disabled}
        // biome-ignore lint/a11y/useValidAriaValues: removes the "dialog" Radix sets; the popover holds a checkbox list, and the button already says expanded/collapsed
        aria-haspopup={undefined}
        className={cn(inputClasses, "flex items-center justify-between gap-2 text-left")}
      >
        <span className={cn("truncate", placeholder && "text-muted")}>{text}</span>
        <ChevronDownIcon />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          role="group"
          aria-labelledby={groupId}
          align="start"
          sideOffset={4}
          onKeyDown={moveFocus}
          className="animate-menu z-50 w-[var(--radix-popover-trigger-width)] min-w-56 rounded-lg border border-line bg-surface p-1 text-sm text-fg shadow-lg"
        >
          <p id={groupId} className="sr-only">
            {label}
          </p>
          {names.length >= FILTER_FROM ? (
            <input
              type="search"
              aria-label={`Filter ${label.toLowerCase()}`}
              placeholder="Filter…"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              className={cn(inputClasses, "mb-1 h-8")}
            />
          ) : null}
          <Choice label={ALL_LABEL} checked={all} onChange={(checked) => onChange(checked ? [] : nothingChosen())} strong />
          <div className="my-1 h-px bg-line" />
          <div className="max-h-60 overflow-y-auto">
            {shown.map((name) => (
              <Choice
                key={name}
                label={name}
                note={options.includes(name) ? undefined : "no longer exists"}
                checked={!all && chosen.includes(name)}
                onChange={(checked) => toggle(name, checked)}
              />
            ))}
            {names.length === 0 ? (
              <p className="px-2.5 py-1.5 text-muted">
                No {noun}s exist yet; {ALL_LABEL} still covers future ones.
              </p>
            ) : null}
            {names.length > 0 && shown.length === 0 ? <p className="px-2.5 py-1.5 text-muted">No {noun}s match.</p> : null}
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function Choice(props: { label: string; note?: string; checked: boolean; strong?: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex cursor-pointer items-center gap-2.5 rounded-md px-2.5 py-1.5 hover:bg-surface-muted has-[:focus-visible]:bg-surface-muted">
      <Checkbox checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span className={cn("min-w-0 truncate", props.strong && "font-medium")}>{props.label}</span>
      {props.note ? <span className="ml-auto text-xs text-muted">{props.note}</span> : null}
    </label>
  );
}
