"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { type ComponentProps, type ReactElement, type ReactNode, useState } from "react";
import { Button } from "./button";
import { cn } from "./cn";

// Radix Dialog traps focus while open, closes on Escape, and gives focus back to
// whatever opened it (pass onCloseAutoFocus when the opener was a menu item that is gone).

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

export const overlayClasses = "animate-overlay fixed inset-0 z-40 bg-overlay";
export const panelClasses = cn(
  "animate-dialog fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2",
  "max-h-[calc(100dvh-2rem)] overflow-y-auto rounded-xl border border-line bg-surface p-6 text-fg shadow-xl",
);

export type DialogContentProps = Omit<ComponentProps<typeof DialogPrimitive.Content>, "title"> & {
  title: ReactNode;
  description?: ReactNode;
};

export function DialogContent({ title, description, className, children, ...props }: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={overlayClasses} />
      <DialogPrimitive.Content
        className={cn(panelClasses, className)}
        {...(description ? {} : { "aria-describedby": undefined })}
        {...props}
      >
        <div className="mb-4 space-y-1.5 pr-8">
          <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
          {description ? <DialogPrimitive.Description className="text-sm text-muted">{description}</DialogPrimitive.Description> : null}
        </div>
        {children}
        <DialogPrimitive.Close
          aria-label="Close"
          className="absolute top-4 right-4 inline-flex size-8 items-center justify-center rounded-md text-muted hover:bg-surface-muted hover:text-fg"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
          </svg>
        </DialogPrimitive.Close>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogFooter({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}>{children}</div>;
}

/** What a dialog opened from elsewhere (a row menu, a button) is given. */
export type ControlledDialogProps = { open: boolean; onOpenChange: (open: boolean) => void; onCloseAutoFocus?: (event: Event) => void };

export type FormDialogProps = Partial<ControlledDialogProps> & {
  /** Opens the dialog: a button, or its label (then also the default title). Without it the caller controls `open`. */
  trigger?: string | ReactElement;
  title?: ReactNode;
  description?: ReactNode;
  className?: string;
  /** The form, given a function that closes the dialog. */
  children: (close: () => void) => ReactNode;
};

/** A dialog holding a form, mounted only while open so every opening starts from fresh values. */
export function FormDialog({ trigger, title, description, className, open, onOpenChange, onCloseAutoFocus, children }: FormDialogProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const isOpen = open ?? ownOpen;
  const setOpen = onOpenChange ?? setOwnOpen;
  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{typeof trigger === "string" ? <Button>{trigger}</Button> : trigger}</DialogTrigger> : null}
      <DialogContent
        title={title ?? (typeof trigger === "string" ? trigger : undefined)}
        description={description}
        className={className}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {isOpen ? children(() => setOpen(false)) : null}
      </DialogContent>
    </Dialog>
  );
}
