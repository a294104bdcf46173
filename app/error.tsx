"use client";

import { ErrorScreen } from "@/components/error-screen";

export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorScreen onRetry={retry} />;
}
