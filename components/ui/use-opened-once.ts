"use client";

import { useState } from "react";

/**
 * True from the first time `open` is true on: a dialog loaded on demand (next/dynamic) mounts
 * when first opened, not with the page, and then stays mounted so it can animate closed.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
