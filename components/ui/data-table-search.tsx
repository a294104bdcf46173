"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "./cn";
import { Icon } from "./icon";
import { inputClasses } from "./input";

export const SEARCH_DEBOUNCE_MS = 300;

export type DataTableSearchProps = {
  /** The search the server applied (the `q` param). */
  value: string;
  onSearch: (q: string) => void;
  label: string;
  placeholder?: string;
  className?: string;
};

/** A search box that reports what was typed after a 300 ms pause (or at once on Enter). */
export function DataTableSearch({ value, onSearch, label, placeholder, className }: DataTableSearchProps) {
  const [text, setText] = useState(value);
  // What this box last asked for, so the URL catching up does not overwrite newer typing.
  const requested = useRef(value);

  useEffect(() => {
    if (value !== requested.current) {
      requested.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const next = text.trim();
    if (next === requested.current) return;
    const timer = setTimeout(() => {
      requested.current = next;
      onSearch(next);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with the search role is what submits on Enter; <search> would need a form inside it anyway
    <form
      role="search"
      className={cn("relative w-full sm:max-w-xs", className)}
      onSubmit={(event) => {
        event.preventDefault();
        const next = text.trim();
        if (next !== requested.current) {
          requested.current = next;
          onSearch(next);
        }
      }}
    >
      <Icon className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted">
        <circle cx="7" cy="7" r="4.5" />
        <path d="M10.5 10.5L14 14" strokeLinecap="round" />
      </Icon>
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder ?? label}
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
        className={cn(inputClasses, "pl-9")}
      />
    </form>
  );
}
