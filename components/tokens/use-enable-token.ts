"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { apiRequest } from "../api-request";
import { useToast } from "../ui/toast";

/** Enables a token at once; `pending` while the request runs. */
export function useEnableToken(token: Pick<TokenResponse, "id" | "name">) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, setPending] = useState(false);
  async function enable() {
    setPending(true);
    const result = await apiRequest(`/api/v1/tokens/${token.id}`, { method: "PATCH", body: { disabled: false } });
    setPending(false);
    if (!result.ok) return toast({ tone: "error", title: `Could not enable ${token.name}`, description: result.problem.detail });
    toast({ tone: "success", title: `Enabled ${token.name}`, description: "Its secret works again." });
    router.refresh();
  }
  return { enable, pending };
}
