"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { CalendarFeedResponse } from "@/lib/schemas/notifications";
import { apiRequest } from "../api-request";
import { ApiConfirmDialog } from "../ui/alert-dialog";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { CopyOnceDialog } from "../ui/copy-once-dialog";
import { useToast } from "../ui/toast";

// The signed-in super admin's own calendar feed of token expiries: the subscribe URL carries
// its secret, so it is shown once, like a token; a new one replaces it, revoking ends it.

type Dialog = "rotate" | "revoke" | null;

export function CalendarFeedSection({ hasFeed }: { hasFeed: boolean }) {
  const router = useRouter();
  const { toast } = useToast();
  const [url, setUrl] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pending, setPending] = useState(false);
  const mainButton = useRef<HTMLButtonElement>(null);
  const rotate = () => apiRequest<CalendarFeedResponse>("/api/v1/me/calendar-feed", { method: "POST" });
  const shown = (result: CalendarFeedResponse) => {
    setDialog(null);
    setUrl(result.url);
    router.refresh();
  };
  async function createFirst() {
    setPending(true);
    const result = await rotate();
    setPending(false);
    if (result.ok) shown(result.data);
    else toast({ tone: "error", title: "Could not make a feed URL", description: result.problem.detail });
  }
  const backToButton = (event: Event) => {
    event.preventDefault();
    mainButton.current?.focus();
  };

  return (
    <section aria-labelledby="calendar-feed-title" className="space-y-3 rounded-xl border border-line bg-surface p-5 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="calendar-feed-title" className="text-base font-semibold">
          Your calendar feed of token expiries
        </h2>
        {hasFeed ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
      </div>
      <p className="max-w-3xl text-sm text-muted">
        Subscribe to it in Google Calendar, Outlook or Apple Calendar: every token that expires shows on its day, with an alarm at each
        reminder. The address itself is the password, so keep it to yourself: anyone who has it sees the names and expiries of all tokens.
        {hasFeed ? " Its address was shown once; a new address replaces it." : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        {hasFeed ? (
          <>
            <Button ref={mainButton} variant="secondary" onClick={() => setDialog("rotate")}>
              New subscribe URL
            </Button>
            <Button variant="ghost" onClick={() => setDialog("revoke")}>
              Turn off the feed
            </Button>
          </>
        ) : (
          <Button ref={mainButton} variant="secondary" loading={pending} onClick={createFirst}>
            Get a subscribe URL
          </Button>
        )}
      </div>
      <ApiConfirmDialog
        open={dialog === "rotate"}
        onOpenChange={(open) => setDialog(open ? "rotate" : null)}
        title="Replace your feed's address?"
        description="The address your calendar app uses now stops working at once; subscribe again with the new one."
        confirmLabel="Make a new URL"
        variant="primary"
        request={rotate}
        onDone={shown}
        onCloseAutoFocus={backToButton}
      />
      <ApiConfirmDialog
        open={dialog === "revoke"}
        onOpenChange={(open) => setDialog(open ? "revoke" : null)}
        title="Turn off your calendar feed?"
        description="Its address stops working at once. Your calendar app keeps what it already has but gets no more updates."
        confirmLabel="Turn off the feed"
        request={() => apiRequest("/api/v1/me/calendar-feed", { method: "DELETE" })}
        onDone={() => {
          setDialog(null);
          toast({ tone: "success", title: "Calendar feed turned off" });
          router.refresh();
        }}
        onCloseAutoFocus={backToButton}
      />
      <CopyOnceDialog
        value={url}
        title="This is the only time this address will be shown"
        description="Add it to your calendar app as a subscription (“From URL” or “Subscribe to calendar”). Tessera keeps only a hash of it and cannot show it again."
        label="Subscribe URL"
        noun="URL"
        closeWarning="You have not copied the address. Once this window closes it cannot be shown again, and you would have to make a new one."
        onClose={() => setUrl(null)}
        onCloseAutoFocus={backToButton}
      />
    </section>
  );
}
