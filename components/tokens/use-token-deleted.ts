"use client";

import { useRouter } from "next/navigation";
import type { TokenResponse } from "@/lib/schemas/token";
import { useToast } from "../ui/toast";

/** What follows a deleted token: a toast, then the list again (`goTo`) or the same page refreshed. */
export function useTokenDeleted(token: Pick<TokenResponse, "name">, goTo?: string) {
  const router = useRouter();
  const { toast } = useToast();
  return () => {
    toast({ tone: "success", title: `Deleted ${token.name}`, description: "Its secret stopped working at once." });
    if (goTo) router.push(goTo);
    else router.refresh();
  };
}
