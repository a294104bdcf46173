import Link from "next/link";

export default function TokenNotFound() {
  return (
    <div className="mx-auto max-w-lg rounded-xl border border-line bg-surface p-8 text-center shadow-sm">
      <p className="text-sm font-medium text-muted">404</p>
      <h1 className="mt-1 text-xl font-semibold tracking-tight">No such token</h1>
      <p className="mt-2 text-sm text-muted">It may have been deleted, or the link is mistyped. Deleted tokens stay in the audit log.</p>
      <Link href="/tokens" className="mt-6 inline-block">
        Back to API tokens
      </Link>
    </div>
  );
}
