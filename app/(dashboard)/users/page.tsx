import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { SuperAdminOnly } from "@/components/super-admin-only";
import { UsersTable } from "@/components/users/users-table";
import type { SearchParams } from "@/lib/list-query";
import { USERS_DEFAULT_SORT, usersQueryFromUrl } from "@/lib/schemas/user";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";
import { loadPermissionCatalog } from "@/server/catalog/options";
import { listUsers } from "@/server/users/users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  if (!isSuperAdmin(user)) {
    return (
      <SuperAdminOnly title="Only super admins can manage users">
        <p>You are signed in as {user.label}, which is not a super admin account.</p>
        <p>Ask a super admin to change your role if you need to add people, reset passwords or disable accounts.</p>
      </SuperAdminOnly>
    );
  }

  const query = usersQueryFromUrl(await searchParams);
  const [result, catalog] = await Promise.all([listUsers(query), loadPermissionCatalog()]);
  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="People who can sign in to Tessera. Super admins manage API tokens, users and the audit log." />
      <UsersTable
        users={result.data}
        total={result.total}
        page={result.page}
        pageSize={result.pageSize}
        sort={query.sort ?? USERS_DEFAULT_SORT}
        q={query.q}
        currentUserId={user.id}
        catalog={catalog}
      />
    </div>
  );
}
