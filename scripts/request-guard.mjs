// Requests that Next would answer before any Tessera route runs, with a 500 or in a format
// of its own, are answered (or set right) here, at the top of scripts/serve.mjs's handler:
// - a path whose percent-escapes do not decode (`/api/v1/tokens/%zz`): Next fails while
//   decoding route params and answers 500 text/plain. Here: 400, in the surface's format.
// - a method outside Next's seven (GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE): Next cannot
//   build a Request for TRACE (500) and answers the others (PROPFIND, …) with an empty 400.
//   On /api and /orchestrator the request goes on as OPTIONS with its real method in
//   UNROUTABLE_METHOD_HEADER, and the route answers 405 with its own Allow
//   (server/http/methods.ts); elsewhere (dashboard pages, static files) it is a plain 405.
// /api paths get problem+json, /orchestrator paths Devtron's envelope (as lib/errors.ts and
// server/http/orchestrator.ts write them), everything else a small HTML page.
import { STATUS_CODES } from "node:http";

export const ROUTABLE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);

/** Also in server/http/methods.ts, which reads it (scripts/request-guard.test.ts keeps the two equal). */
export const UNROUTABLE_METHOD_HEADER = "x-tessera-unroutable-method";

/** @param {string} pathname @returns {"api" | "orchestrator" | "dashboard"} */
export function surfaceOf(pathname) {
  if (pathname === "/orchestrator" || pathname.startsWith("/orchestrator/")) return "orchestrator";
  if (pathname === "/api" || pathname.startsWith("/api/")) return "api";
  return "dashboard";
}

/** The path of a request target, origin-form (`/a?b`) or absolute-form (`http://h/a?b`). */
function pathOf(target) {
  if (target.startsWith("/")) return target.replace(/[?#][\s\S]*$/, "");
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(target);
  return match?.[1] || "/";
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ status: number, code: string, title: string, detail: string, errors?: { path: string, message: string }[], headers?: Record<string, string> }} answer
 */
export function answer(req, res, { status, code, title, detail, errors, headers = {} }) {
  const surface = surfaceOf(pathOf(req.url ?? "/"));
  let type;
  let body;
  if (surface === "api") {
    type = "application/problem+json; charset=utf-8";
    body = JSON.stringify({ type: "about:blank", title, status, detail, code, ...(errors ? { errors } : {}) });
  } else if (surface === "orchestrator") {
    type = "application/json; charset=utf-8";
    const fields = errors?.length ? errors : [{ path: "", message: detail }];
    body = JSON.stringify({
      code: status,
      status: STATUS_CODES[status] ?? "Error",
      errors: fields.map((f) => ({
        code,
        internalMessage: f.path ? `${f.path}: ${f.message}` : f.message,
        userMessage: f.path ? `${f.path} ${f.message}` : f.message,
      })),
    });
  } else {
    type = "text/html; charset=utf-8";
    body = `<!doctype html><meta charset="utf-8"><title>${status} ${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p>\n`;
  }
  res.writeHead(status, { ...headers, "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Call first thing in the server's request handler. Returns true when it answered the
 * request itself; otherwise the request (possibly set right) goes on to Next.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @returns {boolean}
 */
export function guardRequest(req, res) {
  // Only this guard may say that a method was unroutable.
  delete req.headers[UNROUTABLE_METHOD_HEADER];
  const pathname = pathOf(req.url ?? "/");
  try {
    decodeURIComponent(pathname);
  } catch {
    const message = "has a percent-escape that does not decode to UTF-8 text (write % as %25)";
    answer(req, res, {
      status: 400,
      code: "validation_failed",
      title: "Validation failed",
      detail: `The request path ${message}.`,
      errors: [{ path: "(path)", message }],
    });
    return true;
  }
  const method = req.method ?? "GET";
  if (ROUTABLE_METHODS.has(method)) return false;
  if (surfaceOf(pathname) === "dashboard") {
    answer(req, res, {
      status: 405,
      code: "method_not_allowed",
      title: "Method not allowed",
      detail: `${method} is not supported here.`,
      headers: { allow: "GET, HEAD" },
    });
    return true;
  }
  req.headers[UNROUTABLE_METHOD_HEADER] = method;
  req.method = "OPTIONS";
  return false;
}

/**
 * A request Node's HTTP parser refused, so there is no request to route: answer on the raw
 * socket in problem+json (431 for headers over Node's limit, 400 for anything else malformed)
 * and close the connection.
 * @param {Error & { code?: string }} error
 * @param {import("node:stream").Duplex} socket
 */
export function answerClientError(error, socket) {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: "about:blank",
    title: tooLarge ? "Request headers too large" : "Validation failed",
    status,
    detail: tooLarge ? "The request's headers are larger than the server accepts (16 kB)." : "The request is not valid HTTP/1.1.",
    code: tooLarge ? "headers_too_large" : "validation_failed",
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/problem+json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
}
