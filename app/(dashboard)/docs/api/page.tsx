import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { publicUrl } from "@/server/config";
import { type DeclaredOperation, openApiDocument, operationsOf } from "@/server/openapi/document";
import { DOCUMENTED_ROUTES } from "../../../documented-routes";
import { AuthSection } from "./_components/auth-section";
import { EndpointCard, endpointAnchor, type Operation } from "./_components/endpoint-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API reference" };

const tagAnchor = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

/** The API reference, rendered from the routes' own declarations, as /api/openapi.json is. */
export default async function ApiDocsPage() {
  await requireUser();
  const origin = publicUrl();
  const paths = openApiDocument(DOCUMENTED_ROUTES).paths as Record<string, Record<string, Operation>>;
  const groups = new Map<string, DeclaredOperation[]>();
  for (const e of operationsOf(DOCUMENTED_ROUTES)) groups.set(e.tag, [...(groups.get(e.tag) ?? []), e]);

  return (
    <div className="space-y-8">
      <PageHeader
        title="API reference"
        description={
          <>
            Every endpoint of Tessera&apos;s REST API and its Devtron-compatible surface. The machine-readable OpenAPI 3.1 document is at{" "}
            <a href="/api/openapi.json">/api/openapi.json</a>.
          </>
        }
      />
      <nav aria-label="API sections" className="rounded-xl border border-line bg-surface p-4 text-sm shadow-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1.5">
          <li>
            <a href="#auth-title">Authentication</a>
          </li>
          {[...groups.keys()].map((tag) => (
            <li key={tag}>
              <a href={`#${tagAnchor(tag)}`}>{tag}</a>
            </li>
          ))}
        </ul>
      </nav>
      <AuthSection origin={origin} />
      {[...groups.entries()].map(([tag, endpoints]) => (
        <section key={tag} aria-labelledby={tagAnchor(tag)} className="space-y-3">
          <h2 id={tagAnchor(tag)} className="scroll-mt-20 text-lg font-semibold">
            {tag}
          </h2>
          {tag === "Devtron-compatible" ? (
            <p className="text-sm text-muted">
              These answer Devtron&apos;s envelope <code>{"{ code, status, result, errors }"}</code> instead of problem+json.
            </p>
          ) : null}
          <ul className="space-y-1 text-sm">
            {endpoints.map((e) => (
              <li key={endpointAnchor(e)}>
                <a href={`#${endpointAnchor(e)}`} className="font-mono text-xs">
                  {e.method.toUpperCase()} {e.path}
                </a>
              </li>
            ))}
          </ul>
          {endpoints.map((e) => {
            const operation = paths[e.path]?.[e.method];
            return operation ? <EndpointCard key={endpointAnchor(e)} endpoint={e} operation={operation} /> : null;
          })}
        </section>
      ))}
    </div>
  );
}
