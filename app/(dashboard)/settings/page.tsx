import type { Metadata } from "next";
import { requireSuperAdmin } from "@/app/(dashboard)/require-super-admin";
import { PageLayout } from "@/components/page-header";
import { SettingsForm } from "@/components/settings/settings-form";
import { getSettings } from "@/server/settings/settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { refusal } = await requireSuperAdmin("Only super admins can change settings");
  if (refusal) return refusal;
  const settings = await getSettings();
  return (
    <PageLayout
      title="Settings"
      description="Policies for every API token on this Tessera: how long tokens may live, when unused ones are disabled, and when owners are reminded of an expiry."
    >
      <SettingsForm settings={settings} now={new Date().toISOString()} />
    </PageLayout>
  );
}
