import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Resolve } from "./config";
import { assertLiteralTarget, guardedLookup } from "./target";

// One webhook request: POST, no redirects followed (a 3xx is a failure), no pooled
// connections (each connection's address is checked), the whole exchange bounded by
// one timeout, and only the first kilobyte of the answer kept for the delivery log.

export const SNIPPET_BYTES = 1024;

export type PostResult = { statusCode: number | null; durationMs: number; snippet: string | null; error: string | null };

export async function postWebhook(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean; resolve: Resolve },
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(rawUrl);
  try {
    assertLiteralTarget(url, options.allowPrivate);
  } catch (error) {
    return { statusCode: null, durationMs: 0, snippet: null, error: (error as Error).message };
  }
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        lookup: guardedLookup(options.resolve, options.allowPrivate),
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Tessera-Webhooks/1",
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const snippet = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString("utf8");
          finish({ statusCode: res.statusCode ?? null, snippet, error: null });
          res.destroy();
        };
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= SNIPPET_BYTES) done();
        });
        res.on("end", done);
        res.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, snippet: null, error: `timed out after ${options.timeoutMs} ms` });
      req.destroy();
    }, options.timeoutMs);
    req.on("error", (error) => finish({ statusCode: null, snippet: null, error: error.message }));
    req.end(body);
  });
}
