"use client";

import type { ComponentProps } from "react";
import { useSyncExternalStore } from "react";

// The Radix menu (its popper, focus scope and roving focus: about 25 kB gzip) is not in any
// page's first load: every dashboard page shows the account menu and most show row menus, but
// few people open one. ActionsMenu (row-menu.tsx) renders a plain button until the pointer or
// focus reaches it, loads the parts then, and opens on the press. The items below are only
// ever rendered inside an open menu, so by then the parts are here.

type Parts = typeof import("./dropdown-menu-parts");

let parts: Parts | null = null;
let loading: Promise<Parts> | null = null;
const listeners = new Set<() => void>();

/** Loads the menu's parts once; every menu on the page then switches to them. */
export function loadMenuParts(): Promise<Parts> {
  loading ??= import("./dropdown-menu-parts").then((loaded) => {
    parts = loaded;
    for (const listener of listeners) listener();
    return loaded;
  });
  return loading;
}

/** The parts once loaded (null before, and always while rendering on the server). */
export function useMenuParts(): Parts | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => parts,
    () => null,
  );
}

function loaded(): Parts {
  if (!parts) throw new Error("A menu item was rendered outside an open menu.");
  return parts;
}

export function DropdownMenuItem(props: ComponentProps<Parts["DropdownMenuItem"]>) {
  const { DropdownMenuItem: Item } = loaded();
  return <Item {...props} />;
}

export function DropdownMenuLabel(props: ComponentProps<Parts["DropdownMenuLabel"]>) {
  const { DropdownMenuLabel: Label } = loaded();
  return <Label {...props} />;
}

export function DropdownMenuSeparator(props: ComponentProps<Parts["DropdownMenuSeparator"]>) {
  const { DropdownMenuSeparator: Separator } = loaded();
  return <Separator {...props} />;
}
