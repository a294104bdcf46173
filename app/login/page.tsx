import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { signInErrorMessage } from "@/components/auth/sign-in-with-password";
import { getCurrentUser } from "@/server/auth/current-user";
import { needsSetup } from "@/server/setup/setup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  if (await needsSetup()) redirect("/setup");
  if (await getCurrentUser()) redirect("/");
  const params = await searchParams;
  return (
    <AuthCard title="Sign in to Tessera" description="Use the email and password a super admin gave you.">
      <LoginForm callbackUrl={first(params.callbackUrl)?.slice(0, 2000)} initialError={signInErrorMessage(first(params.error))} />
    </AuthCard>
  );
}
