import type { Metadata } from "next";
import { requireSuperAdmin } from "@/app/(dashboard)/require-super-admin";
import { PageLayout } from "@/components/page-header";
import { UsersTable } from "@/components/users/users-table";
import type { SearchParams } from "@/lib/list-query";
import { usersQueryFromUrl } from "@/lib/schemas/user";
import { ssoProviderNames } from "@/server/auth/sso-config";
import { loadPermissionCatalog } from "@/server/catalog/options";
import { listUsers } from "@/server/users/users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, refusal } = await requireSuperAdmin(
    "Only super admins can manage users",
    "Ask a super admin to change your role if you need to add people, reset passwords or disable accounts.",
  );
  if (refusal) return refusal;
  const query = usersQueryFromUrl(await searchParams);
  const [result, catalog] = await Promise.all([listUsers(query), loadPermissionCatalog()]);
  return (
    <PageLayout title="Users" description="People who can sign in to Tessera. Super admins manage API tokens, users and the audit log.">
      <UsersTable list={{ ...query, ...result }} currentUserId={user.id} catalog={catalog} providerNames={ssoProviderNames()} />
    </PageLayout>
  );
}
