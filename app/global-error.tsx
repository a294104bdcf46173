"use client";

import { ErrorScreen } from "@/components/error-screen";
import "./globals.css";

// Replaces the root layout when it fails, so it brings its own document and styles.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · Tessera</title>
        <ErrorScreen onRetry={retry} />
      </body>
    </html>
  );
}
