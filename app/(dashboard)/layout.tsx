import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <AppShell user={{ name: user.name, email: user.label, superAdmin: isSuperAdmin(user) }}>{children}</AppShell>;
}
