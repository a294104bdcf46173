import type { ReactNode } from "react";
import { Icon } from "../ui/icon";

/** Shown instead of the table while no token exists at all: what a token is, and the button to make one. */
export function TokensEmptyState({ action }: { action: ReactNode }) {
  return (
    <section
      aria-labelledby="tokens-empty-title"
      className="rounded-xl border border-dashed border-line-strong bg-surface px-6 py-12 text-center shadow-sm"
    >
      <Icon viewBox="0 0 24 24" className="mx-auto size-10 text-muted" strokeWidth={1.5}>
        <circle cx="8" cy="15" r="4" />
        <path d="M11 12l8-8M16 7l2 2M14 9l2 2" strokeLinecap="round" />
      </Icon>
      <h2 id="tokens-empty-title" className="mt-4 text-lg font-semibold">
        No API tokens yet
      </h2>
      <div className="mx-auto mt-2 max-w-lg space-y-2 text-sm text-muted">
        <p>
          An API token lets a script or tool — curl, Postman, JMeter, a CI job — call Tessera&apos;s API on its own, with exactly the roles
          you give it: super admin, or specific roles over Devtron apps, Helm apps and chart groups.
        </p>
        <p>You see a token&apos;s secret once, when it is generated. Give it an expiry, and regenerate or delete it at any time.</p>
      </div>
      <div className="mt-6 flex justify-center">{action}</div>
    </section>
  );
}
