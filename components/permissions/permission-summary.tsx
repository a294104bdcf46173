import { describeGrant, summarizePermissions } from "@/lib/permissions/labels";
import type { Permissions } from "@/lib/permissions/schema";
import { Badge } from "../ui/badge";

/** For tables: a "Super admin" badge, or the short summary with every grant in the tooltip. */
export function PermissionSummary({ permissions }: { permissions: Permissions }) {
  if (permissions.superAdmin) return <Badge tone="accent">Super admin</Badge>;
  if (permissions.grants.length === 0) return <span className="text-muted">No roles</span>;
  return (
    <span title={permissions.grants.map(describeGrant).join("\n")} className="line-clamp-2 max-w-md">
      {summarizePermissions(permissions)}
    </span>
  );
}
