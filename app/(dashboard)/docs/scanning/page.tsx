import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { PageLayout } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { publicUrl } from "@/server/config";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Secret scanning" };

// The files shown here are the files shipped in docs/scanning/ (next.config.mjs traces them into
// the standalone build), the same ones tests/scanning.test.ts runs: what people copy is tested.
const FILES = [
  {
    name: "gitleaks.toml",
    title: "gitleaks rule",
    lead: "Run it with gitleaks detect --config gitleaks.toml, or add [extend] useDefault = true to keep gitleaks' own rules.",
  },
  {
    name: "github-custom-pattern.json",
    title: "GitHub custom secret-scanning pattern",
    lead: "In a repository or organization: Settings → Code security → Secret scanning → Custom patterns → New pattern. Paste secretFormat; beforeSecret and afterSecret go under More options.",
  },
  {
    name: "verify-token.mjs",
    title: "Offline verifier (Node)",
    lead: "Checks the checksum without calling Tessera: node verify-token.mjs tsr_… or one candidate per line on stdin.",
  },
  {
    name: "verify_token.py",
    title: "Offline verifier (Python)",
    lead: "The same check with the standard library: python3 verify_token.py < candidates.txt.",
  },
] as const;

async function shipped(name: string): Promise<string> {
  return readFile(path.join(process.cwd(), "docs", "scanning", name), "utf8");
}

/** Scanner rules for Tessera tokens and where to send what they find. */
export default async function ScanningDocsPage() {
  await requireUser();
  const origin = publicUrl();
  const files = await Promise.all(FILES.map(async (f) => ({ ...f, text: await shipped(f.name) })));
  return (
    <PageLayout
      title="Secret scanning"
      description="Find Tessera tokens where they should not be — repositories, logs, tickets — and revoke them at once."
    >
      <section aria-labelledby="format-title" className="space-y-2 rounded-xl border border-line bg-surface p-4 text-sm shadow-sm">
        <h2 id="format-title" className="text-lg font-semibold">
          The token format
        </h2>
        <p>
          <code>tsr_</code> + 40 random base62 characters + a 6-character base62 CRC-32 of those 40 characters. The checksum lets a scanner
          tell a real token from a look-alike offline, with no request to Tessera.
        </p>
        <h2 id="revoke-title" className="pt-2 text-lg font-semibold">
          Found one? Revoke it
        </h2>
        <p>
          Anyone may report strings, without credentials, up to 1,000 a request. Every live token among them stops working at once and its
          owners are notified; the answer is the same whatever the strings were.
        </p>
        <pre className="overflow-x-auto rounded-md border border-line bg-surface-muted p-3 font-mono text-xs whitespace-pre-wrap break-all">
          {`curl -X POST ${origin}/api/v1/tokens/revoke \\
  -H 'content-type: application/json' \\
  -d '{"tokens": ["tsr_…"]}'

# or one per line
curl -X POST ${origin}/api/v1/tokens/revoke -H 'content-type: text/plain' --data-binary @found.txt`}
        </pre>
      </section>
      {files.map((f) => (
        <section key={f.name} aria-labelledby={`file-${f.name}`} className="space-y-2">
          <h2 id={`file-${f.name}`} className="text-lg font-semibold">
            {f.title} <span className="font-mono text-xs font-normal text-muted">docs/scanning/{f.name}</span>
          </h2>
          <p className="text-sm text-muted">{f.lead}</p>
          <pre className="overflow-x-auto rounded-md border border-line bg-surface p-3 font-mono text-xs whitespace-pre-wrap break-all">
            {f.text}
          </pre>
        </section>
      ))}
    </PageLayout>
  );
}
