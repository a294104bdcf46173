"use client";

import { SectionError } from "@/components/tokens/section-error";

export default function TokenError({ retry }: { error: unknown; retry: () => void }) {
  return <SectionError title="This token could not be loaded" onRetry={retry} />;
}
