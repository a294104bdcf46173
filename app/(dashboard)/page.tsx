import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requireUser();
  return (
    <div className="space-y-8">
      <PageHeader title={`Welcome, ${user.name}`} description="Tessera is a self-hosted control plane for API access tokens." />

      <section aria-labelledby="about-title" className="rounded-xl border border-line bg-surface p-6 shadow-sm">
        <h2 id="about-title" className="text-base font-semibold">
          What Tessera does
        </h2>
        <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-muted marker:text-line-strong">
          <li>
            Super admins generate, list, regenerate and revoke <strong className="text-fg">API tokens</strong> for scripts and tools such as
            curl, Postman, JMeter or CI jobs.
          </li>
          <li>
            A token is either super admin or scoped to <strong className="text-fg">roles</strong> over Devtron apps, Helm apps and chart
            groups inside projects and environments — and is refused where its roles do not reach.
          </li>
          <li>
            Tokens are shown once, stored only as a hash, and every change is written to an <strong className="text-fg">audit trail</strong>
            .
          </li>
        </ul>
      </section>

      {isSuperAdmin(user) ? (
        <section aria-labelledby="admin-title" className="grid gap-4 sm:grid-cols-2">
          <h2 id="admin-title" className="sr-only">
            Administration
          </h2>
          {/* The link's name avoids "Users" so it never competes with the navigation link of that name. */}
          <Link
            href="/users"
            className="group rounded-xl border border-line bg-surface p-5 text-fg no-underline shadow-sm transition-colors hover:border-ring hover:no-underline"
          >
            <span className="text-base font-semibold group-hover:text-link">Manage accounts →</span>
            <span className="mt-1 block text-sm text-muted">
              Add people, reset passwords, disable accounts and choose who is a super admin.
            </span>
          </Link>
        </section>
      ) : (
        <p className="rounded-xl border border-line bg-surface p-5 text-sm text-muted shadow-sm">
          You are signed in as a regular user. A super admin manages API tokens and users; ask one if you need access to more.
        </p>
      )}
    </div>
  );
}
