import "server-only";
import { ApiError } from "@/lib/errors";
import type { Tx } from "../db";
import { describeUses } from "./common";

// Grants name projects, environments, apps and chart groups. Before such a thing is
// deleted, whoever still holds a grant naming it — users and live tokens alike — is
// listed, so the 409 can say so. JSONB containment (`@>`) matches a grant whose field
// equals or lists the name.

type GrantProbe =
  | { project: string }
  | { environments: string[] }
  | { entity: "devtron-app" | "helm-app"; project: string; apps: string[] }
  | { entity: "chart-group"; groups: string[] };

export async function grantHolders(tx: Tx, probe: GrantProbe): Promise<{ names: string[]; total: number }> {
  const grants = { array_contains: [probe] };
  const users = { superAdmin: false, grants };
  const tokens = { superAdmin: false, deletedAt: null, grants };
  const [userRows, userCount, tokenRows, tokenCount] = await Promise.all([
    tx.user.findMany({ where: users, select: { email: true }, take: 3, orderBy: { email: "asc" } }),
    tx.user.count({ where: users }),
    tx.apiToken.findMany({ where: tokens, select: { name: true }, take: 3, orderBy: { name: "asc" } }),
    tx.apiToken.count({ where: tokens }),
  ]);
  const names = [...userRows.map((u) => `user ${u.email}`), ...tokenRows.map((t) => `token ${t.name}`)];
  return { names, total: userCount + tokenCount };
}

/** 409 while any user or token grant names the thing (`what`, e.g. "App checkout"). */
export async function assertNotGranted(tx: Tx, probe: GrantProbe, what: string): Promise<void> {
  const holders = await grantHolders(tx, probe);
  const uses = describeUses(["grant", "grants"], holders.names, holders.total);
  if (uses) throw new ApiError("conflict", `${what} is still named by ${uses}. Remove it from those permissions first.`);
}

/**
 * Deleting an app or Helm app takes its name out of every grant that lists it, so a
 * later app of the same name is not silently covered by an old grant. A grant left
 * with no apps is dropped — an empty list would mean "all apps", a widening.
 * Answers who lost what, for the audit event.
 */
export async function pruneAppFromGrants(
  tx: Tx,
  probe: { entity: "devtron-app" | "helm-app"; project: string; apps: [string] },
): Promise<string[]> {
  const grants = { array_contains: [probe] };
  const [users, tokens] = await Promise.all([
    tx.user.findMany({ where: { grants }, select: { id: true, email: true, grants: true } }),
    tx.apiToken.findMany({ where: { grants, deletedAt: null }, select: { id: true, name: true, grants: true } }),
  ]);
  const prune = (list: unknown) =>
    (list as { entity: string; project?: string; apps?: string[] }[]).flatMap((g) => {
      if (g.entity !== probe.entity || g.project !== probe.project || !g.apps?.includes(probe.apps[0])) return [g];
      const apps = g.apps.filter((a) => a !== probe.apps[0]);
      return apps.length ? [{ ...g, apps }] : [];
    });
  for (const u of users) await tx.user.update({ where: { id: u.id }, data: { grants: prune(u.grants) } });
  for (const t of tokens) await tx.apiToken.update({ where: { id: t.id }, data: { grants: prune(t.grants) } });
  return [...users.map((u) => `user ${u.email}`), ...tokens.map((t) => `token ${t.name}`)];
}
