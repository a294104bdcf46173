"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { WebhookResponse, WebhookWithSecret } from "@/lib/schemas/webhook";
import { useHandOverFocus } from "../tokens/secret-reveal";
import { Button } from "../ui/button";
import { CopyOnceDialog } from "../ui/copy-once-dialog";
import { type ControlledDialogProps, FormDialog } from "../ui/dialog";
import { DialogFormFooter, Form, useApiForm, useFinish } from "../ui/form";
import { Icon } from "../ui/icon";
import { WebhookFields } from "./webhook-fields";
import { createWebhookSchema, editWebhookSchema, webhookFormValues } from "./webhook-form-schemas";

/** "Add webhook", then its signing secret, shown once. */
export function NewWebhookDialog() {
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const focus = useHandOverFocus();
  return (
    <>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        onCloseAutoFocus={focus.onCloseAutoFocus}
        trigger={
          <Button ref={trigger}>
            <Icon strokeWidth={1.8}>
              <path d="M8 3v10M3 8h10" strokeLinecap="round" />
            </Icon>
            Add webhook
          </Button>
        }
        title="Add webhook"
        description="Tessera tells this endpoint about token events as they happen, and retries for about a day when it does not answer 2xx."
        className="sm:max-w-2xl"
      >
        {() => (
          <NewWebhookForm
            onCreated={(created) => {
              focus.handOver(() => setOpen(false));
              setSecret(created.secret);
            }}
          />
        )}
      </FormDialog>
      <CopyOnceDialog
        value={secret}
        title="This is the only time this signing secret will be shown"
        description="Your endpoint checks each request's webhook-signature header with this secret (any Standard Webhooks library does it). Tessera keeps it encrypted to sign with, and cannot show it again."
        label="Signing secret"
        noun="signing secret"
        closeWarning="You have not copied the signing secret. Once this window closes it cannot be shown again, and you would have to add the endpoint again to get a new one."
        onClose={() => setSecret(null)}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          trigger.current?.focus();
        }}
      />
    </>
  );
}

function NewWebhookForm({ onCreated }: { onCreated: (created: WebhookWithSecret) => void }) {
  const router = useRouter();
  const form = useApiForm(createWebhookSchema, webhookFormValues());
  return (
    <Form
      form={form}
      onSubmit={form.submitTo<WebhookWithSecret>("POST", "/api/v1/webhooks", (created) => {
        onCreated(created);
        router.refresh();
      })}
      className="space-y-5"
    >
      <WebhookFields control={form.control} />
      <DialogFormFooter submitLabel="Add webhook" pendingLabel="Adding…" />
    </Form>
  );
}

export function EditWebhookDialog({ webhook, ...dialog }: ControlledDialogProps & { webhook: WebhookResponse }) {
  return (
    <FormDialog {...dialog} title="Edit webhook" description={webhook.url} className="sm:max-w-2xl">
      {(close) => <EditWebhookForm webhook={webhook} onDone={close} />}
    </FormDialog>
  );
}

function EditWebhookForm({ webhook, onDone }: { webhook: WebhookResponse; onDone: () => void }) {
  const form = useApiForm(editWebhookSchema, webhookFormValues(webhook));
  const finish = useFinish(onDone);
  return (
    <Form
      form={form}
      onSubmit={form.submitTo<WebhookResponse>("PATCH", `/api/v1/webhooks/${webhook.id}`, () => finish({ title: "Saved the webhook" }))}
      className="space-y-5"
    >
      <WebhookFields control={form.control} />
      <DialogFormFooter submitLabel="Save changes" />
    </Form>
  );
}
