"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** "3 hours ago" / "in 2 days", measured from `now`. */
export function relativeTimeText(date: Date, now: Date): string {
  let amount = (date.getTime() - now.getTime()) / 1000;
  if (Math.abs(amount) < 45) return "just now";
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), "year");
}

/**
 * A relative time with the exact time on hover. `now` comes from the server render, so
 * server and browser print the same words; the exact time switches to the reader's zone
 * after hydration, as DateTime does.
 */
export function RelativeTime({ value, now }: { value: string; now: string }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(value);
  const exact = new Intl.DateTimeFormat("en", { dateStyle: "full", timeStyle: "long", timeZone: inBrowser ? undefined : "UTC" }).format(
    date,
  );
  return (
    <time dateTime={value} title={exact} className="whitespace-nowrap">
      {relativeTimeText(date, new Date(now))}
    </time>
  );
}
