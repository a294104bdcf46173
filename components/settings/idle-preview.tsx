"use client";

import { useEffect, useState } from "react";
import { type IdlePreviewResponse, idleDisableDays } from "@/lib/schemas/settings";
import { apiRequest } from "../api-request";
import { RelativeTime } from "../tokens/relative-time";
import { Spinner } from "../ui/spinner";

// Before the idle policy is switched on (or its days changed), the tokens it would disable
// right now, from the rule the scheduler applies (GET /api/v1/settings/idle-preview).

const DEBOUNCE_MS = 300;
const SHOWN = 20;

const daysText = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

type Preview = { days: number; result: IdlePreviewResponse } | { days: number; error: string };

/** `text`: the days field as typed; `savedDays`: the policy as saved (null: off). */
export function IdlePreview({ text, savedDays, now }: { text: string; savedDays: number | null; now: string }) {
  const parsed = text.trim() === "" ? null : idleDisableDays.safeParse(Number(text.trim()));
  const days = parsed?.success ? parsed.data : null;
  const [preview, setPreview] = useState<Preview | null>(null);

  useEffect(() => {
    if (days === null) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await apiRequest<IdlePreviewResponse>(`/api/v1/settings/idle-preview?idleDisableDays=${days}`);
      if (!current) return;
      setPreview(result.ok ? { days, result: result.data } : { days, error: result.problem.detail });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [days]);

  if (days === null) {
    return savedDays === null ? null : <p className="text-sm text-muted">Saving an empty field switches the policy off.</p>;
  }
  const shown = preview?.days === days ? preview : null;
  const when = savedDays === days ? "The policy disables these at its next run (within seconds):" : null;
  return (
    <div aria-live="polite" className="space-y-2 rounded-md border border-line bg-surface-muted p-3 text-sm">
      {shown === null ? (
        <span className="inline-flex items-center gap-2 text-muted">
          <Spinner /> Finding tokens unused for {daysText(days)}…
        </span>
      ) : "error" in shown ? (
        <p className="text-danger-text">{shown.error}</p>
      ) : shown.result.matched === 0 ? (
        <p>
          No token has gone unused for {daysText(days)}:{" "}
          {savedDays === days ? "nothing is waiting to be disabled." : "saving this disables none now."}
        </p>
      ) : (
        <>
          <p className="font-medium">
            {when ?? `Saving this disables ${shown.result.matched} token${shown.result.matched === 1 ? "" : "s"} now:`}
          </p>
          <ul aria-label="Tokens the idle policy would disable now" className="space-y-0.5">
            {shown.result.tokens.slice(0, SHOWN).map((t) => (
              <li key={t.id}>
                <span className="font-mono">{t.name}</span>{" "}
                <span className="text-muted">
                  {t.lastUsedAt ? (
                    <>
                      last used <RelativeTime value={t.lastUsedAt} now={now} />
                    </>
                  ) : (
                    <>
                      never used, created <RelativeTime value={t.createdAt} now={now} />
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
          {shown.result.matched > SHOWN ? <p className="text-muted">and {shown.result.matched - SHOWN} more</p> : null}
        </>
      )}
    </div>
  );
}
