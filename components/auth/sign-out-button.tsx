"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "../ui/button";

export function SignOutButton(props: Omit<ButtonProps, "onClick" | "loading" | "children">) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      {...props}
      loading={pending}
      onClick={() => {
        setPending(true);
        signOutToLogin().catch(() => setPending(false));
      }}
    >
      Sign out
    </Button>
  );
}

/**
 * next-auth's sign-out, loaded when it is used: next-auth/react would otherwise be part of
 * every dashboard page's first load (scripts/bundle-budgets.json).
 */
export async function signOutToLogin(): Promise<void> {
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: "/login" });
}
