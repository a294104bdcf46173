"use client";

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { CopyOnceDialog, type RevealedSecret } from "./copy-once-dialog";

export type Reveal = RevealedSecret & {
  /** Where focus goes when the modal closes (the control that opened the flow may have been replaced). */
  returnFocus?: () => HTMLElement | null | undefined;
};

/** Attribute of every "Generate new token" button, so focus can find one after the list re-renders. */
export const GENERATE_BUTTON_ATTR = "data-generate-token";

const RevealContext = createContext<((reveal: Reveal) => void) | null>(null);

/**
 * Holds a just-issued secret above the dialogs and rows that asked for it, so the
 * copy-once modal survives the list re-rendering (router.refresh) behind it.
 */
export function SecretRevealProvider({ children }: { children: ReactNode }) {
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);
  const returnFocus = useRef<Reveal["returnFocus"]>(undefined);
  const reveal = useCallback((next: Reveal) => {
    returnFocus.current = next.returnFocus;
    setRevealed({ secret: next.secret, tokenName: next.tokenName, regenerated: next.regenerated });
  }, []);

  return (
    <RevealContext.Provider value={reveal}>
      {children}
      <CopyOnceDialog
        revealed={revealed}
        onClose={() => setRevealed(null)}
        onCloseAutoFocus={(event) => {
          const target = returnFocus.current?.();
          if (target?.isConnected) {
            event.preventDefault();
            target.focus();
          }
        }}
      />
    </RevealContext.Provider>
  );
}

export function useRevealSecret(): (reveal: Reveal) => void {
  const reveal = useContext(RevealContext);
  if (!reveal) throw new Error("useRevealSecret must be used inside <SecretRevealProvider>.");
  return reveal;
}

/**
 * For a dialog whose form ends in the copy-once modal: when it closes for that reason, the modal
 * owns focus (and gives it back later through `returnFocus`); closed any other way, `fallback` (or
 * the dialog's default) decides.
 */
export function useHandOverFocus(fallback?: (event: Event) => void) {
  const handedOver = useRef(false);
  return {
    onCloseAutoFocus: (event: Event) => {
      if (!handedOver.current) return fallback?.(event);
      event.preventDefault();
      handedOver.current = false;
    },
    /** Closes the dialog for the copy-once modal. */
    handOver: (close: () => void) => {
      handedOver.current = true;
      close();
    },
  };
}
