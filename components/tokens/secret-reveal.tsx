"use client";

import dynamic from "next/dynamic";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import { useOpenedOnce } from "../ui/use-opened-once";
import type { RevealedSecret } from "./copy-once-dialog";

// The copy-once dialog is not part of the page's first load: it is fetched once the page is up
// (so it is there by the time a secret is generated) and mounted at the first reveal.
const loadCopyOnce = () => import("./copy-once-dialog");
const CopyOnceDialog = dynamic(() => loadCopyOnce().then((m) => m.CopyOnceDialog));

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
  const mounted = useOpenedOnce(revealed !== null);
  useEffect(() => {
    void loadCopyOnce();
  }, []);
  const reveal = useCallback((next: Reveal) => {
    returnFocus.current = next.returnFocus;
    setRevealed({ secret: next.secret, tokenName: next.tokenName, regenerated: next.regenerated });
  }, []);

  return (
    <RevealContext.Provider value={reveal}>
      {children}
      {mounted ? (
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
      ) : null}
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
