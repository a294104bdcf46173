import type { Metadata } from "next";
import { requireUser } from "@/app/(dashboard)/require-user";
import { PageLayout } from "@/components/page-header";
import { SuperAdminOnly } from "@/components/super-admin-only";
import { UsersTable } from "@/components/users/users-table";
import { listQuery, type SearchParams } from "@/lib/list-query";
import { isSuperAdmin } from "@/server/auth/principal";
import { loadPermissionCatalog } from "@/server/catalog/options";
import { listUsers, USER_SORTS } from "@/server/users/users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  if (!isSuperAdmin(user)) {
    return (
      <SuperAdminOnly title="Only super admins can manage users" who={user.label}>
        Ask a super admin to change your role if you need to add people, reset passwords or disable accounts.
      </SuperAdminOnly>
    );
  }
  const query = listQuery(await searchParams, USER_SORTS);
  const [result, catalog] = await Promise.all([listUsers(query), loadPermissionCatalog()]);
  return (
    <PageLayout title="Users" description="People who can sign in to Tessera. Super admins manage API tokens, users and the audit log.">
      <UsersTable list={{ ...query, ...result }} currentUserId={user.id} catalog={catalog} />
    </PageLayout>
  );
}
