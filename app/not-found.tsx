import type { Metadata } from "next";
import { LogoMark } from "@/components/logo";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-line bg-surface p-8 text-center shadow-sm">
        <LogoMark className="mx-auto size-8" />
        <p className="mt-4 text-sm font-medium text-muted">404</p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight">Page not found</h1>
        <p className="mt-2 text-sm text-muted">There is nothing at this address. It may have moved, or the link is mistyped.</p>
        {/* A plain link: every page loads this boundary, and next/link's client code with it. */}
        <a href="/" className={buttonClasses({ className: "mt-6 no-underline hover:no-underline" })}>
          Go to the overview
        </a>
      </div>
    </main>
  );
}
