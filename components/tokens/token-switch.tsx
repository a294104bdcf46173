"use client";

import { useRouter } from "next/navigation";
import type { TokenResponse } from "@/lib/schemas/token";
import { apiRequest } from "../api-request";
import { ApiConfirmDialog } from "../ui/alert-dialog";
import type { ControlledDialogProps } from "../ui/dialog";
import { useToast } from "../ui/toast";

// Disabling asks first (whatever uses the token fails from that moment); enabling does not
// (it only restores what worked before), and says what it did in a toast.

type Switchable = Pick<TokenResponse, "id" | "name">;

export function DisableTokenDialog({ token, ...dialog }: ControlledDialogProps & { token: Switchable }) {
  const router = useRouter();
  const { toast } = useToast();
  return (
    <ApiConfirmDialog
      {...dialog}
      title={`Disable ${token.name}?`}
      description="Every request with it is refused (401 token_disabled) from now until you enable it again. Its secret, permissions and expiry stay as they are, so enabling it brings it back unchanged."
      confirmLabel="Disable token"
      request={() => apiRequest(`/api/v1/tokens/${token.id}`, { method: "PATCH", body: { disabled: true } })}
      onDone={() => {
        dialog.onOpenChange(false);
        toast({ tone: "success", title: `Disabled ${token.name}`, description: "Requests with it are refused until it is enabled." });
        router.refresh();
      }}
    />
  );
}

export { useEnableToken } from "./use-enable-token";
