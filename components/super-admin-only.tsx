import type { ReactNode } from "react";
import { Icon } from "./ui/icon";

/** The page a signed-in user who is not a super admin (`who`) sees instead of a super-admin-only page; `children` say what to do. */
export function SuperAdminOnly({ title, who, children }: { title: string; who: string; children?: ReactNode }) {
  return (
    <section
      aria-labelledby="refusal-title"
      className="mx-auto max-w-lg rounded-xl border border-line bg-surface p-8 text-center shadow-sm"
    >
      <Icon viewBox="0 0 24 24" className="mx-auto size-10 text-muted" strokeWidth={1.5}>
        <rect x="5" y="10.5" width="14" height="9.5" rx="2" />
        <path d="M8.5 10.5V8a3.5 3.5 0 0 1 7 0v2.5" />
      </Icon>
      <h1 id="refusal-title" className="mt-4 text-xl font-semibold tracking-tight">
        {title}
      </h1>
      <div className="mt-2 space-y-2 text-sm text-muted">
        <p>You are signed in as {who}, which is not a super admin account.</p>
        {children ? <p>{children}</p> : null}
      </div>
    </section>
  );
}
