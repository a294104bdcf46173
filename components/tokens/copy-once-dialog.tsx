"use client";

import { useId, useRef, useState } from "react";
import { ConfirmDialog } from "../ui/alert-dialog";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { Dialog, DialogContent, DialogFooter } from "../ui/dialog";
import { inputClasses } from "../ui/input";

export type RevealedSecret = { secret: string; tokenName: string; regenerated: boolean };

export type CopyOnceDialogProps = {
  /** The secret to show; null when closed. It is held only in React state, never in a URL or storage. */
  revealed: RevealedSecret | null;
  onClose: () => void;
  onCloseAutoFocus?: (event: Event) => void;
};

/** Shows a new secret exactly once; closing before copying asks for confirmation. */
export function CopyOnceDialog({ revealed, onClose, onCloseAutoFocus }: CopyOnceDialogProps) {
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [shownFor, setShownFor] = useState(revealed);
  // A new secret resets the "copied" state (state adjusted while rendering, not in an effect).
  if (revealed !== shownFor) {
    setShownFor(revealed);
    setCopied(false);
    setConfirming(false);
  }

  const requestClose = () => (copied ? onClose() : setConfirming(true));

  return (
    <>
      <Dialog open={revealed !== null} onOpenChange={(open) => (open ? undefined : requestClose())}>
        {revealed ? (
          <DialogContent
            title="This is the only time this token will be shown"
            description={`Copy the ${revealed.regenerated ? "new secret of" : "secret of"} “${revealed.tokenName}” now and keep it somewhere safe, such as a password manager or your CI's secret store. Tessera keeps only a hash of it and cannot show it again.`}
            className="sm:max-w-xl"
            onInteractOutside={(event) => event.preventDefault()}
            onCloseAutoFocus={onCloseAutoFocus}
          >
            <SecretBody secret={revealed.secret} copied={copied} onCopied={() => setCopied(true)} />
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
        description="You have not copied this token. Once this window closes it cannot be shown again, and you would have to regenerate it to get a new one."
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

function SecretBody({ secret, copied, onCopied }: { secret: string; copied: boolean; onCopied: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copyFailed, setCopyFailed] = useState(false);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const curl = `curl -H "token: ${secret}" ${origin}/api/v1/me`;

  async function copy(text: string, selectInput: boolean) {
    try {
      await navigator.clipboard.writeText(text);
      setCopyFailed(false);
      if (selectInput) onCopied();
      return true;
    } catch {
      // No clipboard access (e.g. plain http on another host): select it for a manual copy.
      setCopyFailed(true);
      input.current?.select();
      return false;
    }
  }

  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <label htmlFor={id} className="block text-sm font-medium">
          Token
        </label>
        <div className="flex gap-2">
          <input
            ref={input}
            id={id}
            readOnly
            value={secret}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            onCopy={onCopied}
            className={cn(inputClasses, "min-w-0 flex-1 font-mono text-xs sm:text-sm")}
          />
          <Button variant={copied ? "secondary" : "primary"} onClick={() => copy(secret, true)} className="w-28">
            {copied ? <CheckMark /> : null}
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
        <p role="status" className="min-h-5 text-sm">
          {copyFailed ? (
            <span className="text-danger-text">
              The browser refused clipboard access. The token is selected: press Ctrl+C (⌘C) to copy it.
            </span>
          ) : copied ? (
            <span className="text-success-text">Copied to the clipboard.</span>
          ) : null}
        </p>
      </div>
      <CurlLine curl={curl} onCopy={() => copy(curl, false)} />
    </div>
  );
}

function CurlLine({ curl, onCopy }: { curl: string; onCopy: () => Promise<boolean> }) {
  const labelId = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium" id={labelId}>
          Try it
        </p>
        <Button variant="ghost" size="sm" onClick={async () => setCopied(await onCopy())} aria-label="Copy curl command">
          {copied ? "Copied" : "Copy command"}
        </Button>
      </div>
      <section aria-labelledby={labelId}>
        <pre className="overflow-x-auto rounded-md border border-line bg-surface-muted p-3 font-mono text-xs whitespace-pre-wrap break-all">
          <code className="bg-transparent p-0">{curl}</code>
        </pre>
      </section>
      <p className="text-xs text-muted">
        Scripts can also send <code>Authorization: Bearer …</code>. Usage shows on the token&apos;s page within a few seconds.
      </p>
    </div>
  );
}

function CheckMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M3.5 8.5l3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
