"use client";

import { LogoMark } from "./logo";
import { Button, buttonClasses } from "./ui/button";

/**
 * What a visitor sees when a page fails. Deliberately says nothing about the cause:
 * the error's message and stack stay in the server log (its digest links the two).
 */
export function ErrorScreen({ onRetry }: { onRetry: () => void }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div role="alert" className="w-full max-w-md rounded-xl border border-line bg-surface p-8 text-center shadow-sm">
        <LogoMark className="mx-auto size-8" />
        <h1 className="mt-4 text-xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="mt-2 text-sm text-muted">Tessera could not reach its database or hit an unexpected error — try again.</p>
        <div className="mt-6 flex flex-col justify-center gap-2 sm:flex-row">
          <Button onClick={onRetry}>Retry</Button>
          {/* A plain link: a full page load, in case client navigation is what broke. */}
          <a href="/" className={buttonClasses({ variant: "secondary", className: "no-underline hover:no-underline" })}>
            Go to the overview
          </a>
        </div>
      </div>
    </main>
  );
}
