"use client";

import { useState } from "react";
import { useWatch } from "react-hook-form";
import type { PermissionCatalog } from "@/lib/permissions/catalog-options";
import { ACTIONS, type Explanation, type RequestEntity } from "@/lib/permissions/policy";
import { EXPLAIN_FIELDS, type ExplainField, explainQuery } from "@/lib/schemas/explain";
import { Badge } from "../ui/badge";
import { bodySchema, Form, FormSelect, SubmitButton, useApiForm } from "../ui/form";
import { Panel } from "../ui/panel";

// "Can this token …?": pick what, where and which action, and the API answers with the very
// rules that guard its routes (GET /api/v1/tokens/{id}/explain): allowed or not, and why.

type Values = { entity: RequestEntity; action: string; project: string; environment: string; app: string; group: string };

const ENTITY_OPTIONS: { value: RequestEntity; label: string }[] = [
  { value: "devtron-app", label: "Devtron app" },
  { value: "helm-app", label: "Helm app" },
  { value: "chart-group", label: "Chart group" },
  { value: "catalog", label: "Projects and environments" },
];

const ACTION_LABELS: Record<string, string> = {
  read: "Read",
  trigger: "Deploy (build and deploy)",
  create: "Create",
  update: "Update",
  delete: "Delete",
  install: "Install",
  manage: "Create and change",
};

// "In project", not "Project": the permission editor on the same page has its own Project fields.
const FIELD_LABELS: Record<ExplainField, string> = {
  project: "In project",
  environment: "In environment",
  app: "App",
  group: "Chart group",
};

/** The query for the form's values: only the names the entity takes, and none left blank. */
function toQuery(v: Values) {
  const names = Object.fromEntries(
    (Object.keys(EXPLAIN_FIELDS[v.entity]) as ExplainField[]).flatMap((f) => (v[f].trim() ? [[f, v[f].trim()]] : [])),
  );
  return { entity: v.entity, action: v.action, ...names };
}

const schema = bodySchema(toQuery, explainQuery);

export function TokenExplainer({ tokenId, catalog }: { tokenId: number; catalog: PermissionCatalog }) {
  const form = useApiForm(schema, { entity: "devtron-app", action: "read", project: "", environment: "", app: "", group: "" });
  const [answer, setAnswer] = useState<Explanation | null>(null);
  const values = useWatch({ control: form.control }) as Values;
  const fields = EXPLAIN_FIELDS[values.entity] ?? {};

  const ask = async (query: ReturnType<typeof toQuery>) => {
    setAnswer(null);
    const params = new URLSearchParams(Object.entries(query));
    const result = await form.send<Explanation>(`/api/v1/tokens/${tokenId}/explain?${params}`, { method: "GET" });
    if (result) setAnswer(result);
  };
  const changed = () => setAnswer(null);
  const optionsFor = (field: ExplainField): string[] => {
    if (field === "project") return catalog.projects;
    if (field === "environment") return catalog.environments;
    if (field === "group") return catalog.chartGroups;
    const apps =
      values.entity === "helm-app"
        ? catalog.helmApps.filter((h) => h.project === values.project && (!values.environment || h.environment === values.environment))
        : catalog.apps.filter((a) => a.project === values.project);
    return [...new Set(apps.map((a) => a.name))].sort();
  };
  const emptyChoice = (field: ExplainField) =>
    fields[field] === "required"
      ? `Choose ${field === "environment" ? "an" : "a"} ${field}`
      : field === "environment"
        ? "Not given"
        : `All ${field === "group" ? "chart groups" : "apps"}`;

  return (
    <Panel
      titleId="explain-title"
      title="Can this token…?"
      description="Ask about one action; the answer comes from the same rules that check its requests."
      className="space-y-4"
    >
      <Form form={form} onSubmit={ask} className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <FormSelect
            control={form.control}
            name="entity"
            label="What"
            options={ENTITY_OPTIONS}
            onValueChange={(entity) => {
              form.setValue("action", ACTIONS[entity as RequestEntity][0]);
              changed();
            }}
          />
          <FormSelect
            control={form.control}
            name="action"
            label="Action"
            options={(ACTIONS[values.entity] ?? []).map((a) => ({ value: a, label: ACTION_LABELS[a] ?? a }))}
            onValueChange={changed}
          />
          {(Object.keys(FIELD_LABELS) as ExplainField[])
            .filter((f) => fields[f] !== undefined)
            .map((f) => (
              <FormSelect
                key={f}
                control={form.control}
                name={f}
                label={FIELD_LABELS[f]}
                placeholder={emptyChoice(f)}
                options={optionsFor(f)}
                onValueChange={() => {
                  if (f === "project" || f === "environment") form.setValue("app", "");
                  changed();
                }}
              />
            ))}
        </div>
        <div className="flex justify-end">
          <SubmitButton variant="secondary" size="sm" pendingLabel="Checking…">
            Check
          </SubmitButton>
        </div>
      </Form>
      <div aria-live="polite">
        {answer ? (
          <div className="space-y-2 rounded-md border border-line bg-surface-muted p-3 text-sm">
            <Badge tone={answer.allowed ? "success" : "danger"}>{answer.allowed ? "Allowed" : "Not allowed"}</Badge>
            <p>{answer.reason}</p>
          </div>
        ) : null}
      </div>
    </Panel>
  );
}
