import { describe, expect, it } from "vitest";
import { createWebhookSchema, editWebhookSchema, webhookFormValues } from "./webhook-form-schemas";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("the webhook form's schema", () => {
  const base = { url: "https://hooks.example.com/t", description: "" };

  it("sends “all events” as events: [] and picked events in the API's order", () => {
    expect(createWebhookSchema.parse({ ...base, scope: "all", events: ["token.deleted"] })).toEqual({ ...base, events: [] });
    expect(createWebhookSchema.parse({ ...base, scope: "some", events: ["token.leaked", "token.created"] })).toEqual({
      ...base,
      events: ["token.created", "token.leaked"],
    });
  });

  it("refuses “only the events I pick” with none picked, together with a bad URL", () => {
    expect(paths(editWebhookSchema.safeParse({ ...base, url: "ftp://x", scope: "some", events: [] }))).toEqual({
      url: "must be an http:// or https:// URL",
      events: "Tick at least one event, or choose “All events”.",
    });
    expect(paths(createWebhookSchema.safeParse({ ...base, url: "", scope: "some", events: [] }))).toEqual({
      url: "is required",
      events: "Tick at least one event, or choose “All events”.",
    });
  });

  it("starts an edit from the endpoint's own choice", () => {
    expect(webhookFormValues({ ...base, events: [] })).toMatchObject({ scope: "all", events: [] });
    expect(webhookFormValues({ ...base, events: ["token.expired"] })).toMatchObject({ scope: "some", events: ["token.expired"] });
  });
});
