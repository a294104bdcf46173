import type { Metadata } from "next";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { AuditFilters, AuditPagination } from "@/components/audit/audit-filters";
import { PageHeader } from "@/components/page-header";
import { SuperAdminOnly } from "@/components/super-admin-only";
import type { SearchParams } from "@/lib/list-query";
import { auditEventsQueryFromUrl } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/server/audit/list";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  if (!isSuperAdmin(user)) {
    return (
      <SuperAdminOnly title="Only super admins can read the audit log">
        <p>You are signed in as {user.label}, which is not a super admin account.</p>
      </SuperAdminOnly>
    );
  }
  const query = auditEventsQueryFromUrl(await searchParams);
  const result = await listAuditEvents(query);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description="Every change to tokens, users and the catalog: who did it, when, from where, and what changed. Secrets are never recorded."
      />
      <AuditFilters action={query.action} tokenId={query.tokenId} />
      <AuditEventsTable
        events={result.data}
        caption="Audit events, newest first"
        empty={query.action || query.tokenId ? "No events match these filters." : "No events yet."}
      />
      {result.total > 0 ? <AuditPagination page={result.page} pageSize={result.pageSize} total={result.total} /> : null}
    </div>
  );
}
