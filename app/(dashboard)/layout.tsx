import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { ExpiryNotice } from "@/components/tokens/expiry-notice";
import { ToastProvider } from "@/components/ui/toast";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";
import { summarizeExpiries } from "@/server/tokens/expiry-summary";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const superAdmin = isSuperAdmin(user);
  // Only super admins manage tokens, so only they are told which ones run out.
  const notice = superAdmin ? <ExpiryNotice summary={await summarizeExpiries()} /> : null;
  // Toasts live here, not in the root layout: only the dashboard raises them, and the sign-in
  // page then loads none of their code (docs/performance.md, "First-load JavaScript").
  return (
    <ToastProvider>
      <AppShell user={{ name: user.name, email: user.label, superAdmin }} notice={notice}>
        {children}
      </AppShell>
    </ToastProvider>
  );
}
