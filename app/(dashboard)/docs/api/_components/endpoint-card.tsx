import type { DeclaredOperation } from "@/server/openapi/document";
import { SchemaFields } from "./schema-fields";
import { type FieldRow, fieldRows, type JsonSchema, rulesOf, typeText } from "./schema-text";

type Parameter = { name: string; in: string; required: boolean; schema: JsonSchema };
type Response = { description: string; content?: Record<string, { schema?: JsonSchema }> };
export type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, Response>;
};

const METHOD_TONE: Record<DeclaredOperation["method"], string> = {
  get: "bg-info-soft text-link",
  post: "bg-success-soft text-success-text",
  put: "bg-warning-soft text-warning-text",
  patch: "bg-warning-soft text-warning-text",
  delete: "bg-danger-soft text-danger-text",
};

const ACCESS: Record<DeclaredOperation["access"], string> = {
  public: "Anyone; no credentials needed.",
  principal: "Any valid token or signed-in user; what it may see and change follows its roles.",
  superAdmin: "Super admins only: a super-admin token or a super admin's session.",
};

export const endpointAnchor = (e: Pick<DeclaredOperation, "method" | "path">) =>
  `${e.method}-${e.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`.toLowerCase();

function successFields(schema: JsonSchema | undefined, devtron: boolean | undefined): string {
  if (!schema) return "";
  const result = devtron ? schema.properties?.result : schema;
  if (!result) return "";
  if (result.type === "array")
    return `${devtron ? "result: " : ""}${typeText(result)}${result.items?.properties ? ` (${Object.keys(result.items.properties).join(", ")})` : ""}`;
  const keys = Object.keys(result.properties ?? {});
  return keys.length ? `${devtron ? "result: " : ""}{ ${keys.join(", ")} }` : typeText(result);
}

export function EndpointCard({ endpoint, operation }: { endpoint: DeclaredOperation; operation: Operation }) {
  const query: FieldRow[] = (operation.parameters ?? [])
    .filter((p) => p.in === "query")
    .map((p) => ({ name: p.name, type: typeText(p.schema), required: p.required, rules: rulesOf(p.schema) }));
  const body = operation.requestBody?.content["application/json"]?.schema;
  const responses = Object.entries(operation.responses);

  return (
    <article
      id={endpointAnchor(endpoint)}
      aria-labelledby={`${endpointAnchor(endpoint)}-title`}
      className="scroll-mt-20 space-y-3 rounded-xl border border-line bg-surface p-5 shadow-sm"
    >
      <h3 id={`${endpointAnchor(endpoint)}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_TONE[endpoint.method]}`}>
          {endpoint.method}
        </span>
        <code className="bg-transparent p-0 text-sm break-all">{endpoint.path}</code>
      </h3>
      <p className="text-sm">{endpoint.summary}</p>
      <p className="text-sm text-muted">
        <span className="font-medium text-fg">Who may call it: </span>
        {ACCESS[endpoint.access]}
      </p>
      {query.length ? <SchemaFields rows={query} caption="Query parameters" /> : null}
      {body ? <SchemaFields rows={fieldRows(body)} caption="Request body (JSON)" /> : null}
      <div>
        <h4 className="text-xs font-medium tracking-wide text-muted uppercase">Answers</h4>
        <ul className="mt-1.5 space-y-1 text-sm">
          {responses.map(([status, response]) => {
            const ok = status.startsWith("2");
            const fields = ok ? successFields(Object.values(response.content ?? {})[0]?.schema, endpoint.devtron) : "";
            return (
              <li key={status} className="flex gap-3">
                <span className={`w-10 shrink-0 font-mono font-semibold ${ok ? "text-success-text" : "text-danger-text"}`}>{status}</span>
                <span className="min-w-0 text-muted">
                  {ok ? (response.description === "No content" ? "No content" : "OK") : response.description}
                  {fields ? <code className="ml-2 text-xs break-words">{fields}</code> : null}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </article>
  );
}
