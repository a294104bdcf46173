import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { SuperAdminOnly } from "@/components/super-admin-only";
import { UsersTable } from "@/components/users/users-table";
import { USERS_DEFAULT_SORT } from "@/components/users/users-sort";
import { MAX_PAGE_SIZE } from "@/lib/schemas/common";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";
import { loadPermissionCatalog } from "@/server/catalog/options";
import { listUsers, USER_SORTS, type UserSort } from "@/server/users/users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DEFAULT_PAGE_SIZE = 20;
const SORTS: readonly string[] = [...USER_SORTS, ...USER_SORTS.map((s) => `-${s}`)];

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function positiveInt(value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** The URL is typed by people: a bad value falls back to its default instead of failing the page. */
function usersQuery(params: Awaited<SearchParams>) {
  const sort = first(params.sort);
  const q = first(params.q)?.trim().slice(0, 200);
  return {
    page: positiveInt(first(params.page), 1, 1_000_000),
    pageSize: positiveInt(first(params.pageSize), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    sort: sort && SORTS.includes(sort) ? (sort as UserSort) : undefined,
    q: q || undefined,
  };
}

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

  const query = usersQuery(await searchParams);
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
