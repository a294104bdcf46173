import { type IncomingHttpHeaders, request } from "node:http";
import fc from "fast-check";
import { ERROR_CODES } from "../../lib/errors";

// Hostile input for the fuzz tests (tests/api/hostile-input.test.ts over the test server,
// e2e/hostile.api.ts against the production server): generators for what a careless or
// malicious client sends, a raw HTTP sender that passes methods, paths and bytes through
// untouched (fetch would refuse TRACE and re-encode paths), and the oracle: no 5xx, and
// every error in its surface's own format.

export type Probe = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks, without a Content-Length. */
  chunked?: boolean;
  label: string;
};
export type Reply = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/**
 * One request on a connection of its own. The connection is kept alive until the answer is
 * read and then closed by the client: a server that answers before reading the whole body
 * (a 401, a 413) and then closed the connection itself would reset it under the client's
 * unsent bytes, and the answer could be lost on the way.
 */
export function send(origin: string, probe: Probe, timeoutMs = 30_000): Promise<Reply> {
  const url = new URL(origin);
  // Framed explicitly: Node's client sends a GET's or DELETE's body without framing otherwise.
  const framing: Record<string, string> =
    probe.body === undefined
      ? {}
      : probe.chunked
        ? { "transfer-encoding": "chunked" }
        : { "content-length": String(Buffer.byteLength(probe.body)) };
  const headers = { connection: "keep-alive", ...probe.headers, ...framing };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: probe.method, path: probe.path, headers, agent: false, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
          req.destroy();
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    if (probe.chunked && probe.body !== undefined) {
      req.write(probe.body);
      req.end();
    } else req.end(probe.body);
  });
}

export type Surface = "api" | "next-auth" | "orchestrator" | "dashboard";

export function surfaceOf(path: string): Surface {
  const pathname = path.split("?")[0]!;
  // next-auth's own client reads its JSON answers (a failed sign-in is 401 { url }).
  if (pathname.startsWith("/api/auth/")) return "next-auth";
  if (pathname === "/orchestrator" || pathname.startsWith("/orchestrator/")) return "orchestrator";
  if (pathname === "/api" || pathname.startsWith("/api/")) return "api";
  return "dashboard";
}

function jsonOf(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isString = (v: unknown): v is string => typeof v === "string";

/** What is wrong with an answer: a 5xx, or an error outside its surface's format. Empty when it is fine. */
export function violations(probe: Probe, reply: Reply): string[] {
  const found: string[] = [];
  const { status } = reply;
  if (status >= 500) found.push(`answered ${status}`);
  if (status < 400) return found;
  const surface = surfaceOf(probe.path);
  const type = String(reply.headers["content-type"] ?? "");
  if (status === 405) {
    const allow = String(reply.headers.allow ?? "");
    if (!allow) found.push("405 without an Allow header");
    else if (allow.split(/,\s*/).includes(probe.method)) found.push(`405 for ${probe.method}, yet Allow lists it`);
  }
  if (surface === "dashboard") return found;
  if (surface === "next-auth") {
    if (!/^application\/(problem\+)?json/.test(type)) found.push(`content-type ${type || "(none)"}, not JSON`);
    return found;
  }
  const withBody = probe.method !== "HEAD";
  if (surface === "api") {
    if (!/^application\/problem\+json/.test(type)) found.push(`content-type ${type || "(none)"}, not problem+json`);
    if (!withBody) return found;
    const p = jsonOf(reply.body);
    if (!p) return [...found, `body is not a JSON object: ${reply.body.toString("utf8").slice(0, 80)}`];
    const code = p.code as keyof typeof ERROR_CODES;
    if (!isString(p.type) || !isString(p.title) || !isString(p.detail)) found.push("problem without type, title or detail");
    if (p.status !== status) found.push(`problem status ${String(p.status)} ≠ ${status}`);
    if (!(code in ERROR_CODES) || ERROR_CODES[code].status !== status) found.push(`problem code ${String(p.code)} does not fit ${status}`);
    const errors = p.errors;
    if (errors !== undefined && !(Array.isArray(errors) && errors.every((e) => isString(e?.path) && isString(e?.message))))
      found.push("problem errors are not [{ path, message }]");
    if (code === "validation_failed" && !(Array.isArray(errors) && errors.length > 0)) found.push("validation_failed without errors[]");
    return found;
  }
  if (!/^application\/json/.test(type)) found.push(`content-type ${type || "(none)"}, not JSON`);
  if (!withBody) return found;
  const e = jsonOf(reply.body);
  if (!e) return [...found, `body is not a JSON object: ${reply.body.toString("utf8").slice(0, 80)}`];
  if (e.code !== status) found.push(`envelope code ${String(e.code)} ≠ ${status}`);
  if (!isString(e.status)) found.push("envelope without status");
  const errors = e.errors;
  if (
    !Array.isArray(errors) ||
    errors.length === 0 ||
    !errors.every((x) => isString(x?.code) && isString(x?.internalMessage) && isString(x?.userMessage))
  )
    found.push("envelope errors are not [{ code, internalMessage, userMessage }]");
  return found;
}

// ---- Generators ------------------------------------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const withNul = fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}\u0000${b}`);
const withSurrogate = fc.tuple(fc.string({ maxLength: 8 }), loneSurrogate, fc.string({ maxLength: 8 })).map(([a, s, b]) => a + s + b);

/** Strings a schema might let through to the database. */
export const hostileString = fc.oneof(
  { weight: 4, arbitrary: withNul },
  { weight: 4, arbitrary: withSurrogate },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 70_000 }).map((n) => "x".repeat(n)) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "%zz",
      "../../etc/passwd",
      "' OR '1'='1",
      "\\",
      "\u202e",
      "😀",
      "null",
      "-1",
      "2147483648",
      "<script>alert(1)</script>",
      "\r\n",
      "a".repeat(51),
      "a\u0000",
      "\ud800",
      "\udfff\ud800",
    ),
  },
);

/** Numbers past int32, past 2^53, fractions, negatives. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(2_147_483_648, 2_147_483_647, -2_147_483_649, 4_294_967_296, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -1, 0, -0, 0.5, 1e-7),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 4, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [[[]]], { "": "" }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 2 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Whole bodies that are not what any route expects. */
export const hostileRawBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom<string | Buffer>(
    "",
    "{",
    "[]",
    "null",
    "1",
    '"x"',
    '{"a":1,}',
    '{"name":"a\u0000b"}',
    '{"name":"\\u0000"}',
    '{"description":"\\ud800"}',
    '{"__proto__":{"superAdmin":true}}',
    '{"teamId":1e400}',
    '{"teamId":99999999999999999999999}',
    '{"tokenId":2147483648}',
    "\ufeff{}",
    "a=b&c=%zz",
    "--zz\r\nContent-Disposition: form-data; name=x\r\n\r\n\u0000\r\n--zz--",
    Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]),
    Buffer.from('{"description":"\xed\xa0\x80"}', "latin1"),
  ),
  fc.integer({ min: 1_000, max: 30_000 }).map((n) => "[".repeat(n) + "]".repeat(n)),
  fc.integer({ min: 256 * 1024 - 64, max: 600 * 1024 }).map((n) => JSON.stringify({ description: "x".repeat(n) })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null"),
);

/** Percent-encodes a string byte for byte, lone surrogates as the (invalid) UTF-8 bytes of their code unit. */
export function percentEncode(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (u >= 0xd800 && u <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (u >= 0xd800 && u <= 0xdfff) {
      out += [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    } else out += encodeURIComponent(s[i]!);
  }
  return out;
}

/** Raw path-segment text: ids past int32, not numbers, escapes that do not decode. */
export const hostileIdSegment = fc.oneof(
  fc.constantFrom(
    "0",
    "-1",
    "2147483647",
    "2147483648",
    "4294967296",
    "99999999999999999999",
    "1.5",
    "1e3",
    "0x1",
    "abc",
    "%zz",
    "%",
    "%E0%A4%A",
    "%00",
    "1%00",
    "%ED%A0%80",
    "%F0%9F%98",
    "%C0%AF",
    "..",
    "%2e%2e",
    "1%2F2",
    "%20",
    "%EF%BC%91",
    "self",
  ),
  fc.integer({ min: 2_147_483_648, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.integer({ min: 500, max: 2_000 }).map((n) => "9".repeat(n)),
  hostileString.filter((s) => s.length < 100).map(percentEncode),
);

// Request heads stay under Node's 16 kB limit (past it Node answers 431 itself, before any
// handler): at most 4 query pairs of ≤ 2 kB encoded, an id ≤ 2 kB, a cookie ≤ 4 kB.

/** Query values as they appear on the wire. */
export const hostileQueryValue = fc.oneof(
  hostileString.filter((s) => s.length < 120).map(percentEncode),
  hostileNumber.map((n) => encodeURIComponent(String(n))),
  fc.constantFrom("%zz", "%", "%E0%A4%A", "%00", "%ED%A0%80", "1e400", "99999999999999999999", "0x10", "+1", "%201", "[]", "true"),
);

export const STANDARD_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
/** Methods Node's HTTP parser accepts (so they reach the server's handler) that no route implements. */
export const ODD_METHODS = [
  "TRACE",
  "PROPFIND",
  "PROPPATCH",
  "PURGE",
  "MKCOL",
  "SEARCH",
  "LOCK",
  "UNLOCK",
  "COPY",
  "MOVE",
  "REPORT",
  "M-SEARCH",
];

const cookieText = fc.stringMatching(/^[!#-+\--:<-[\]-~]{0,40}$/);
/** Cookie headers to send beside (or instead of) a real session cookie. */
export const hostileCookie = fc.oneof(
  fc.constantFrom(
    "a=%zz",
    "x=%E0%A4%A",
    "next-auth.session-token=garbage",
    "next-auth.session-token=%zz",
    "next-auth.session-token.0=abc; next-auth.session-token.1=%zz",
    "__Secure-next-auth.session-token=",
    "=;=;",
    ";",
    "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z",
    "\u00ff=\u00fe",
  ),
  fc.tuple(cookieText, cookieText).map(([k, v]) => `${k}=${v}`),
  fc.integer({ min: 1_000, max: 4_000 }).map((n) => `a=${"b".repeat(n)}`),
);

export const hostileContentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=zz",
  "application/problem+json",
  "garbage",
  "*/*",
);

type JsonPath = (string | number)[];

function pathsOf(value: unknown, at: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = at.length ? [at] : [];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...at, i]));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

function setAt(root: unknown, path: JsonPath, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null) return copy; // an earlier change replaced this branch
    node = next as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

/** A valid body with one to three of its fields (or new fields) replaced by hostile values. */
export function mutatedBody(template: unknown): fc.Arbitrary<string> {
  const paths = pathsOf(template);
  const change = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...(paths.length ? paths : [["x"]])), hostileValue) },
    {
      weight: 1,
      arbitrary: fc.tuple(
        hostileString.filter((s) => s.length < 100).map((k) => [k]),
        hostileValue,
      ),
    },
  );
  return fc
    .array(change, { minLength: 1, maxLength: 3 })
    .map((changes) => JSON.stringify(changes.reduce<unknown>((body, [path, value]) => setAt(body, path, value), template)));
}
