"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { WebhookDeliveryResponse, WebhookResponse } from "@/lib/schemas/webhook";
import { apiRequest } from "../api-request";
import { DeleteDialog } from "../catalog/delete-dialog";
import { Button } from "../ui/button";
import { DropdownMenuItem, DropdownMenuSeparator } from "../ui/dropdown-menu";
import { ActionsMenu, RowMenu, type RowMenuState, useRowMenu } from "../ui/row-menu";
import { useToast } from "../ui/toast";
import { EditWebhookDialog } from "./webhook-dialogs";

// What can be done to an endpoint, from its row in the list or from its own page: edit,
// send a test event, disable or enable, delete. Outcomes of one-click actions go to a toast.

function useWebhookRequests(webhook: WebhookResponse) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, setPending] = useState(false);
  const path = `/api/v1/webhooks/${webhook.id}`;

  async function run<T>(request: () => Promise<{ ok: true; data: T } | { ok: false; problem: { detail: string } }>, success: string) {
    setPending(true);
    const result = await request();
    setPending(false);
    if (!result.ok) return toast({ tone: "error", title: "That did not work", description: result.problem.detail });
    toast({ tone: "success", title: success });
    router.refresh();
  }
  return {
    pending,
    path,
    sendTest: () =>
      run(
        () => apiRequest<WebhookDeliveryResponse>(`${path}/test`, { method: "POST" }),
        "Test event queued: it is sent within seconds and shows in the delivery log",
      ),
    toggle: () =>
      run(
        () => apiRequest<WebhookResponse>(path, { method: "PATCH", body: { disabled: !webhook.disabled } }),
        webhook.disabled ? "Enabled the webhook" : "Disabled the webhook",
      ),
  };
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

const DELETE_TEXT =
  "Tessera stops sending it events at once, and its delivery log is deleted with it. Its signing secret cannot be recovered.";

type WebhookMenu = { webhook: WebhookResponse; menu: RowMenuState<"edit" | "delete">; actions: ReturnType<typeof useWebhookRequests> };

/** The menu's items, in both places; "Send test event" is a button of its own on the endpoint's page. */
function WebhookMenuItems({ webhook, menu, actions, withTest }: WebhookMenu & { withTest: boolean }) {
  return (
    <>
      <DropdownMenuItem disabled={actions.pending} onSelect={() => menu.show("edit")}>
        Edit
      </DropdownMenuItem>
      {withTest ? (
        <DropdownMenuItem disabled={actions.pending || webhook.disabled} onSelect={actions.sendTest}>
          Send test event
        </DropdownMenuItem>
      ) : null}
      <DropdownMenuItem disabled={actions.pending} onSelect={actions.toggle}>
        {webhook.disabled ? "Enable" : "Disable"}
      </DropdownMenuItem>
      <DropdownMenuSeparator />
      <DropdownMenuItem tone="danger" disabled={actions.pending} onSelect={() => menu.show("delete")}>
        Delete
      </DropdownMenuItem>
    </>
  );
}

/** The dialogs the menu's Edit and Delete open. */
function WebhookMenuDialogs({ webhook, menu, actions, redirectTo }: WebhookMenu & { redirectTo?: string }) {
  return (
    <>
      <EditWebhookDialog webhook={webhook} {...menu.dialog("edit")} />
      <DeleteDialog
        {...menu.dialog("delete")}
        what={`webhook to ${hostOf(webhook.url)}`}
        description={DELETE_TEXT}
        path={actions.path}
        confirmLabel="Delete webhook"
        redirectTo={redirectTo}
      />
    </>
  );
}

export function WebhookRowActions({ webhook }: { webhook: WebhookResponse }) {
  const shared: WebhookMenu = { webhook, menu: useRowMenu<"edit" | "delete">(), actions: useWebhookRequests(webhook) };
  return (
    <>
      <RowMenu name={webhook.url} menu={shared.menu} busy={shared.actions.pending}>
        <WebhookMenuItems {...shared} withTest />
      </RowMenu>
      <WebhookMenuDialogs {...shared} />
    </>
  );
}

/** On the endpoint's own page: "Send test event" as a button, the rest in a menu; deleting goes back to the list. */
export function WebhookDetailActions({ webhook }: { webhook: WebhookResponse }) {
  const shared: WebhookMenu = { webhook, menu: useRowMenu<"edit" | "delete">(), actions: useWebhookRequests(webhook) };
  const { actions } = shared;
  return (
    <>
      <Button
        variant="secondary"
        loading={actions.pending}
        disabled={webhook.disabled}
        title={webhook.disabled ? "Enable the webhook to send it events" : undefined}
        onClick={actions.sendTest}
      >
        Send test event
      </Button>
      <ActionsMenu menu={shared.menu} label="Webhook actions" busy={actions.pending}>
        <WebhookMenuItems {...shared} withTest={false} />
      </ActionsMenu>
      <WebhookMenuDialogs {...shared} redirectTo="/webhooks" />
    </>
  );
}
