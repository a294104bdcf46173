"use client";

import { SectionError } from "@/components/tokens/section-error";

export default function TokensError({ retry }: { error: unknown; retry: () => void }) {
  return <SectionError title="API tokens could not be loaded" onRetry={retry} />;
}
