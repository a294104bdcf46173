"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A date in the reader's time zone, with the exact time on hover. The server does not
 * know that zone, so it renders UTC and the browser switches after hydration.
 */
export function DateTime({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(value);
  const timeZone = inBrowser ? undefined : "UTC";
  const text = new Intl.DateTimeFormat("en", { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone }).format(date);
  const exact = new Intl.DateTimeFormat("en", { dateStyle: "full", timeStyle: "long", timeZone }).format(date);
  return (
    <time dateTime={value} title={exact} className="whitespace-nowrap">
      {text}
    </time>
  );
}
