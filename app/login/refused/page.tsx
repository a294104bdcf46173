import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { SSO_REFUSALS, type SsoRefusalReason } from "@/lib/sign-in-path";
import { ssoProviderNames } from "@/server/auth/sso-config";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign-in refused" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function explain(reason: SsoRefusalReason | undefined, provider: string): { title: string; text: string } {
  switch (reason) {
    case "no-verified-email":
      return {
        title: "Your email address is not verified",
        text: `Tessera lets people in by an email address that ${provider} has verified, and ${provider} did not vouch for yours. Verify your email address with ${provider} (on GitHub, your primary address), then try again.`,
      };
    case "not-registered":
      return {
        title: "You don't have a Tessera account",
        text: `${provider} signed you in, but no Tessera user has your email address. Ask a Tessera super admin to add you, then sign in again.`,
      };
    case "disabled":
      return { title: "Your Tessera account is disabled", text: "Ask a super admin to enable it, then sign in again." };
    default:
      return { title: "You could not be signed in", text: "Try again, or ask a Tessera super admin for help." };
  }
}

/** Where a refused SSO sign-in lands (server/auth/options.ts): what happened and what to do, in words. */
export default async function SignInRefusedPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const reason = SSO_REFUSALS.find((r) => r === first(params.reason));
  // Only a configured provider's name is shown: the query is the visitor's to write.
  const provider = ssoProviderNames()[first(params.provider) ?? ""] ?? "your identity provider";
  const { title, text } = explain(reason, provider);
  return (
    <AuthCard title={title}>
      <p className="text-sm">{text}</p>
      <Link href="/login" className={buttonClasses({ variant: "secondary", className: "mt-6 w-full" })}>
        Back to sign-in
      </Link>
    </AuthCard>
  );
}
