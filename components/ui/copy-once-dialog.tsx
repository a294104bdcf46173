"use client";

import { type ReactNode, useId, useRef, useState } from "react";
import { ConfirmDialog } from "./alert-dialog";
import { Button } from "./button";
import { cn } from "./cn";
import { Dialog, DialogContent, DialogFooter } from "./dialog";
import { Icon } from "./icon";
import { inputClasses } from "./input";

// A secret shown exactly once (a token, a webhook's signing secret, a calendar feed's URL): it
// lives only in React state, one click copies it, and closing before copying asks "close
// anyway?", since nothing can show it again.

export type CopyOnceDialogProps = {
  /** The secret; null while closed. Never put in a URL or storage. */
  value: string | null;
  title: string;
  description: ReactNode;
  /** The read-only field's label, e.g. "Token". */
  label: string;
  /** What it is in a sentence, e.g. "token": "The token is selected: press Ctrl+C". */
  noun: string;
  /** The "close without copying?" text: what is lost, and how to get a new one. */
  closeWarning: string;
  /** More below the field (a ready curl line). */
  children?: ReactNode;
  onClose: () => void;
  onCloseAutoFocus?: (event: Event) => void;
};

export function CopyOnceDialog({
  value,
  title,
  description,
  label,
  noun,
  closeWarning,
  children,
  onClose,
  onCloseAutoFocus,
}: CopyOnceDialogProps) {
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [shownFor, setShownFor] = useState(value);
  // A new secret resets the "copied" state (state adjusted while rendering, not in an effect).
  if (value !== shownFor) {
    setShownFor(value);
    setCopied(false);
    setConfirming(false);
  }

  const requestClose = () => (copied ? onClose() : setConfirming(true));

  return (
    <>
      <Dialog open={value !== null} onOpenChange={(open) => (open ? undefined : requestClose())}>
        {value !== null ? (
          <DialogContent
            title={title}
            description={description}
            className="sm:max-w-xl"
            onInteractOutside={(event) => event.preventDefault()}
            onCloseAutoFocus={onCloseAutoFocus}
          >
            <div className="space-y-4">
              <SecretField value={value} label={label} noun={noun} copied={copied} onCopied={() => setCopied(true)} />
              {children}
            </div>
            <DialogFooter>
              <Button variant={copied ? "primary" : "secondary"} onClick={requestClose}>
                Done
              </Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Close without copying?"
        description={closeWarning}
        confirmLabel="Close without copying"
        cancelLabel="Go back"
        onConfirm={() => {
          setConfirming(false);
          onClose();
        }}
      />
    </>
  );
}

type SecretFieldProps = { value: string; label: string; noun: string; copied: boolean; onCopied: () => void };

function SecretField({ value, label, noun, copied, onCopied }: SecretFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copyFailed, setCopyFailed] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopyFailed(false);
      onCopied();
    } catch {
      // No clipboard access (e.g. plain http on another host): select it for a manual copy.
      setCopyFailed(true);
      input.current?.select();
    }
  }

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          onCopy={onCopied}
          className={cn(inputClasses, "min-w-0 flex-1 font-mono text-xs sm:text-sm")}
        />
        <Button variant={copied ? "secondary" : "primary"} onClick={copy} className="w-28">
          {copied ? (
            <Icon strokeWidth={2}>
              <path d="M3.5 8.5l3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
            </Icon>
          ) : null}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p role="status" className="min-h-5 text-sm">
        {copyFailed ? (
          <span className="text-danger-text">
            The browser refused clipboard access. The {noun} is selected: press Ctrl+C (⌘C) to copy it.
          </span>
        ) : copied ? (
          <span className="text-success-text">Copied to the clipboard.</span>
        ) : null}
      </p>
    </div>
  );
}
