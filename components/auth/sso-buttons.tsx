"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { FormAlert } from "../ui/form-field";
import { startSsoSignIn } from "./sign-in-with-sso";

export type SsoButtonsProps = {
  providers: { id: string; name: string }[];
  /** Where to go after signing in; only same-origin paths are followed. */
  callbackUrl?: string;
  /** A message to show from the start, when no password form on the page shows it. */
  initialError?: string;
};

/** One "Sign in with <name>" button per SSO provider. */
export function SsoButtons({ providers, callbackUrl, initialError }: SsoButtonsProps) {
  // The provider being left for: its button spins, and none can be pressed twice.
  const [leavingFor, setLeavingFor] = useState<string | null>(null);
  const [error, setError] = useState(initialError);
  return (
    <div className="space-y-3">
      <FormAlert>{error}</FormAlert>
      {providers.map((provider) => (
        <Button
          key={provider.id}
          variant="secondary"
          className="w-full"
          loading={leavingFor === provider.id}
          disabled={leavingFor !== null}
          onClick={async () => {
            setLeavingFor(provider.id);
            setError(undefined);
            const result = await startSsoSignIn(provider.id, callbackUrl);
            if (!result.ok) {
              setError(result.message);
              setLeavingFor(null);
            }
          }}
        >
          Sign in with {provider.name}
        </Button>
      ))}
    </div>
  );
}
