"use client";

import { signOut } from "next-auth/react";
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
        signOut({ callbackUrl: "/login" }).catch(() => setPending(false));
      }}
    >
      Sign out
    </Button>
  );
}
