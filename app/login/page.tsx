import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { signInErrorMessage } from "@/components/auth/sign-in-with-password";
import { SsoButtons } from "@/components/auth/sso-buttons";
import { getCurrentUser } from "@/server/auth/current-user";
import { passwordLoginEnabled, ssoProviders } from "@/server/auth/sso-config";
import { needsSetup } from "@/server/setup/setup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The same page with or without the super admins' password form, keeping where to go afterwards.
 * Plain links, not next/link: its client code would be the sign-in page's only use of it.
 */
function loginHref(callbackUrl: string | undefined, admin: boolean): string {
  const query = new URLSearchParams({ ...(admin ? { admin: "1" } : {}), ...(callbackUrl ? { callbackUrl } : {}) }).toString();
  return query ? `/login?${query}` : "/login";
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  if (await needsSetup()) redirect("/setup");
  if (await getCurrentUser()) redirect("/");
  const params = await searchParams;
  const callbackUrl = first(params.callbackUrl)?.slice(0, 2000);
  const error = signInErrorMessage(first(params.error));
  const providers = ssoProviders().map(({ id, name }) => ({ id, name }));
  if (providers.length === 0) {
    return (
      <AuthCard title="Sign in to Tessera" description="Use the email and password a super admin gave you.">
        <LoginForm callbackUrl={callbackUrl} initialError={error} />
      </AuthCard>
    );
  }
  // With password sign-in off (TESSERA_PASSWORD_LOGIN=false), the form is one link away for
  // super admins, the way in when the identity provider is down; the server refuses everyone
  // else's password whichever page sent it (server/auth/options.ts).
  if (!passwordLoginEnabled()) {
    if (first(params.admin) === "1") {
      return (
        <AuthCard
          title="Super admin sign-in"
          description="Password sign-in is kept for super admins, for when single sign-on is unavailable."
        >
          <LoginForm callbackUrl={callbackUrl} initialError={error} />
          <p className="mt-6 text-center text-sm text-muted">
            <a href={loginHref(callbackUrl, false)} className="font-medium">
              Back to single sign-on
            </a>
          </p>
        </AuthCard>
      );
    }
    return (
      <AuthCard title="Sign in to Tessera" description="Use your organisation's account.">
        <SsoButtons providers={providers} callbackUrl={callbackUrl} initialError={error} />
        <p className="mt-6 text-center text-xs text-muted">
          <a href={loginHref(callbackUrl, true)}>Super admin sign-in</a>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Sign in to Tessera" description="Use your organisation's account, or the email and password a super admin gave you.">
      <SsoButtons providers={providers} callbackUrl={callbackUrl} />
      <div className="my-6 flex items-center gap-3 text-xs text-muted" aria-hidden="true">
        <span className="h-px flex-1 bg-line" />
        or
        <span className="h-px flex-1 bg-line" />
      </div>
      <LoginForm callbackUrl={callbackUrl} initialError={error} autoFocus={false} />
    </AuthCard>
  );
}
