import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { needsSetup } from "@/server/setup/setup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/login");
  return (
    <AuthCard
      title="Create the first super admin"
      description="Tessera has no users yet. This account can manage API tokens, users and the audit log; you can add more people afterwards."
    >
      <SetupForm />
    </AuthCard>
  );
}
