"use client";

import type { ComponentProps, KeyboardEvent, PointerEvent, ReactNode, RefObject } from "react";
import { useRef, useState } from "react";
import { Button } from "./button";
import type { ControlledDialogProps } from "./dialog";
import { loadMenuParts, useMenuParts } from "./dropdown-menu";
import type { DropdownMenuContent } from "./dropdown-menu-parts";
import { Spinner } from "./spinner";

// The "…" menu of a table row (and of the account box): its items open dialogs, and since
// the item that opened one is gone when the dialog closes, focus goes back to the "…" button.

export type RowMenuState<Which extends string> = {
  trigger: RefObject<HTMLButtonElement | null>;
  /** Opens one of the menu's dialogs (or closes them all with null). */
  show: (which: Which | null) => void;
  /** The props of the dialog `which`: open while it is the one shown, focus back to the button on close. */
  dialog: (which: Which) => Required<ControlledDialogProps>;
};

export function useRowMenu<Which extends string = never>(): RowMenuState<Which> {
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, show] = useState<Which | null>(null);
  const dialog = (which: Which): Required<ControlledDialogProps> => ({
    open: open === which,
    onOpenChange: (next) => show(next ? which : null),
    onCloseAutoFocus: (event) => {
      event.preventDefault();
      trigger.current?.focus();
    },
  });
  return { trigger, show, dialog };
}

export type ActionsMenuProps = {
  menu: Pick<RowMenuState<string>, "trigger">;
  /** The button's accessible name, e.g. "Actions for payments". */
  label: string;
  /** A heading above the items, e.g. the row's name. */
  heading?: ReactNode;
  headingClassName?: string;
  side?: ComponentProps<typeof DropdownMenuContent>["side"];
  /** Shows a spinner on the button while something the menu started is running. */
  busy?: boolean;
  children: ReactNode;
};

const OPENING_KEYS = ["Enter", " ", "ArrowDown"];

export function ActionsMenu({ menu, label, heading, headingClassName, side, busy, children }: ActionsMenuProps) {
  const parts = useMenuParts();
  const [open, setOpen] = useState(false);
  const button = (props: ComponentProps<typeof Button>) => (
    <Button ref={menu.trigger} variant="ghost" size="icon" aria-label={label} aria-busy={busy || undefined} {...props}>
      {busy ? (
        <Spinner />
      ) : (
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="currentColor">
          <circle cx="3" cy="8" r="1.4" />
          <circle cx="8" cy="8" r="1.4" />
          <circle cx="13" cy="8" r="1.4" />
        </svg>
      )}
    </Button>
  );
  if (!parts) {
    // Until the menu's parts are here (dropdown-menu.tsx): the same button, which loads them
    // when approached and opens the menu on the press, as the Radix trigger would.
    const openMenu = () => {
      setOpen(true);
      void loadMenuParts();
    };
    return button({
      "aria-haspopup": "menu",
      "aria-expanded": false,
      onPointerEnter: () => void loadMenuParts(),
      onFocus: () => void loadMenuParts(),
      onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
        if (event.button !== 0 || event.ctrlKey) return;
        event.preventDefault();
        openMenu();
      },
      onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
        if (!OPENING_KEYS.includes(event.key)) return;
        event.preventDefault();
        openMenu();
      },
      // A press that sent no pointer or key event first (assistive technology).
      onClick: (event) => {
        if (event.detail === 0) openMenu();
      },
    });
  }
  const { DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuTrigger } = parts;
  return (
    <DropdownMenu modal={false} open={open} onOpenChange={setOpen}>
      <DropdownMenuTrigger asChild>{button({})}</DropdownMenuTrigger>
      <DropdownMenuContent side={side}>
        {heading ? <DropdownMenuLabel className={headingClassName}>{heading}</DropdownMenuLabel> : null}
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** A table row's menu: "Actions for {name}", headed by the name. */
export function RowMenu({ name, ...props }: Omit<ActionsMenuProps, "label" | "heading"> & { name: string }) {
  return <ActionsMenu {...props} label={`Actions for ${name}`} heading={name} />;
}
