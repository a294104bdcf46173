import type { TokenResponse } from "@/lib/schemas/token";
import { DateTime } from "../ui/date-time";

/** On a disabled token's page: since when, why, and what callers get meanwhile. */
export function TokenDisabledNotice({ token }: { token: Pick<TokenResponse, "disabled" | "disabledAt" | "disabledReason"> }) {
  if (!token.disabled || !token.disabledAt) return null;
  return (
    <p className="text-danger-text">
      <span className="font-medium">
        Disabled on <DateTime value={token.disabledAt} withTime />
        {token.disabledReason === "idle" ? " by the idle-token policy, because it was not used" : ""}.
      </span>{" "}
      <span className="text-muted">
        Every request with it is refused (401 token_disabled) until it is enabled; its secret stays the same.
      </span>
    </p>
  );
}
