import type { ReactNode } from "react";
import { Logo } from "../logo";

/** The centred card of the pages a signed-out visitor sees (sign-in, first-run setup). */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex justify-center">
          <Logo className="text-lg" />
        </div>
        <section aria-labelledby="auth-title" className="rounded-xl border border-line bg-surface p-6 shadow-sm sm:p-8">
          <h1 id="auth-title" className="text-xl font-semibold tracking-tight">
            {title}
          </h1>
          {description ? <p className="mt-1.5 text-sm text-muted">{description}</p> : null}
          <div className="mt-6">{children}</div>
        </section>
      </div>
    </main>
  );
}
