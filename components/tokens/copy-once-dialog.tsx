"use client";

import { useId, useState } from "react";
import { Button } from "../ui/button";
import { CopyOnceDialog as SecretOnceDialog } from "../ui/copy-once-dialog";

export type RevealedSecret = { secret: string; tokenName: string; regenerated: boolean };

export type CopyOnceDialogProps = {
  /** The secret to show; null when closed. It is held only in React state, never in a URL or storage. */
  revealed: RevealedSecret | null;
  onClose: () => void;
  onCloseAutoFocus?: (event: Event) => void;
};

/** Shows a new token secret exactly once, with a ready curl line; closing before copying asks for confirmation. */
export function CopyOnceDialog({ revealed, onClose, onCloseAutoFocus }: CopyOnceDialogProps) {
  return (
    <SecretOnceDialog
      value={revealed?.secret ?? null}
      title="This is the only time this token will be shown"
      description={
        revealed
          ? `Copy the ${revealed.regenerated ? "new secret of" : "secret of"} “${revealed.tokenName}” now and keep it somewhere safe, such as a password manager or your CI's secret store. Tessera keeps only a hash of it and cannot show it again.`
          : null
      }
      label="Token"
      noun="token"
      closeWarning="You have not copied this token. Once this window closes it cannot be shown again, and you would have to regenerate it to get a new one."
      onClose={onClose}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      {revealed ? <CurlLine secret={revealed.secret} /> : null}
    </SecretOnceDialog>
  );
}

function CurlLine({ secret }: { secret: string }) {
  const labelId = useId();
  const [copied, setCopied] = useState(false);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const curl = `curl -H "token: ${secret}" ${origin}/api/v1/me`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(curl);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium" id={labelId}>
          Try it
        </p>
        <Button variant="ghost" size="sm" onClick={copy} aria-label="Copy curl command">
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
