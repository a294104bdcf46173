import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

export declare const ROUTABLE_METHODS: Set<string>;
export declare const UNROUTABLE_METHOD_HEADER: string;
export declare function surfaceOf(pathname: string): "api" | "orchestrator" | "dashboard";
export declare function answer(
  req: IncomingMessage,
  res: ServerResponse,
  answer: {
    status: number;
    code: string;
    title: string;
    detail: string;
    errors?: { path: string; message: string }[];
    headers?: Record<string, string>;
  },
): void;
export declare function guardRequest(req: IncomingMessage, res: ServerResponse): boolean;
export declare function answerClientError(error: Error & { code?: string }, socket: Duplex): void;
