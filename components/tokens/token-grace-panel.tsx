"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { GraceResponse, SecretUse } from "@/lib/schemas/token-leaks";
import { apiRequest } from "../api-request";
import { Button } from "../ui/button";
import { DateTime } from "../ui/date-time";
import { useToast } from "../ui/toast";

const requests = (n: number) => `${n} request${n === 1 ? "" : "s"}`;
const quiet = (seconds: number) =>
  seconds % 3600 === 0 ? `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}` : `${Math.round(seconds / 60)} minutes`;

/**
 * While a regenerated token's old secret still works: who still uses it (address, user agent,
 * count, last time), and "End grace now". Shown only while the grace window is open.
 */
export function TokenGracePanel({ tokenId, tokenName, grace }: { tokenId: number; tokenName: string; grace: GraceResponse }) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, setPending] = useState(false);
  if (!grace.graceUntil) return null;
  const endNow = async () => {
    setPending(true);
    const result = await apiRequest(`/api/v1/tokens/${tokenId}/end-grace`, { method: "POST" });
    setPending(false);
    if (!result.ok) return toast({ tone: "error", title: "Could not end the grace period", description: result.problem.detail });
    toast({ tone: "success", title: `Ended the grace period of ${tokenName}`, description: "The old secret is refused from now on." });
    router.refresh();
  };
  return (
    <section
      aria-labelledby="grace-title"
      className="space-y-3 rounded-xl border border-warning-text/40 bg-warning-soft p-5 text-sm shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="grace-title" className="text-base font-semibold">
            Old secret still works
          </h2>
          <p className="text-muted">
            Until <DateTime value={grace.graceUntil} withTime />
            {grace.quietSeconds ? `, or until it has gone unused for ${quiet(grace.quietSeconds)}` : ""}. Counts arrive within seconds.
          </p>
        </div>
        <Button variant="danger" size="sm" loading={pending} onClick={endNow}>
          End grace now
        </Button>
      </div>
      <SecretUses label="Who used the old secret" uses={grace.oldSecret} empty="No one has used the old secret since the regenerate." />
      {grace.currentSecret.length > 0 ? <SecretUses label="Who already uses the new secret" uses={grace.currentSecret} empty="" /> : null}
    </section>
  );
}

function SecretUses({ label, uses, empty }: { label: string; uses: SecretUse[]; empty: string }) {
  if (uses.length === 0) return <p>{empty}</p>;
  return (
    <div className="space-y-1">
      <h3 className="font-medium">{label}</h3>
      <ul aria-label={label} className="space-y-0.5">
        {uses.map((u) => (
          <li key={`${u.ip} ${u.userAgent}`}>
            <span className="font-mono">{u.ip}</span> <span className="break-all text-muted">{u.userAgent || "(no user agent)"}</span> ·{" "}
            {requests(u.requests)}, last at <DateTime value={u.lastAt} withTime />
          </li>
        ))}
      </ul>
    </div>
  );
}
