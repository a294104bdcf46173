import "server-only";
import type { z } from "zod";
import type { Principal } from "../auth/principal";

// What a route declares about itself: who may call it, what it reads and what it answers.
// The route wrappers (./route.ts, ./orchestrator.ts) enforce it — authenticate, parse the
// path ids, the query and the body with these schemas, check the answer against its schema —
// and the OpenAPI document (server/openapi/document.ts) is written from it, so the document
// cannot describe a route other than the one that runs.

/**
 * public: credentials optional (checked when sent), or not read at all with `authenticate: false`
 * (a health check answers whatever is sent); principal: any valid token or signed-in user;
 * superAdmin: super admins only, and `manages` says what others are told they cannot manage (403).
 */
type Access =
  | { readonly access: "public"; readonly authenticate?: false; readonly manages?: never }
  | { readonly access: "principal"; readonly authenticate?: never; readonly manages?: never }
  | { readonly access: "superAdmin"; readonly authenticate?: never; readonly manages?: string };

export type Declaration = Access & {
  /** The path as OpenAPI writes it; every `{name}` segment is a path id (a positive int4), unless `params` names it. */
  readonly path: string;
  /**
   * Path segments that are not ids (a calendar feed's secret): read as text with this schema,
   * handed to the handler as `params`.
   */
  readonly params?: z.ZodObject;
  readonly summary: string;
  /** The OpenAPI tag: the section of the API reference the route is listed in. */
  readonly tag: string;
  /**
   * Runs after authentication and before the path, query and body are read: for checks that
   * must cost no more than themselves (setup's per-address attempt limit).
   */
  readonly admit?: (ctx: { ip: string }) => Promise<void>;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /**
   * Bodies the route reads besides JSON, for callers that cannot send JSON: `form`
   * (application/x-www-form-urlencoded, read as an object of its fields), `text` (text/plain,
   * turned into the body schema's input by the function). Every one is checked by `body`.
   */
  readonly bodyFormats?: BodyFormats;
  /** The success answer's body (Devtron's `result`); null for 204 No Content. */
  readonly response: z.ZodType | null;
  /**
   * The success answer's media type when it is not JSON (`text/calendar`): the handler returns
   * the body as a string, which the response schema (a string) checks. Errors stay problem+json.
   */
  readonly contentType?: string;
  /** The success status: 200 by default, 204 without a response body. */
  readonly status?: number;
  /** Statuses of error answers beyond the ones every route of its access level has. */
  readonly errors?: readonly number[];
  /** The answer carries a secret: `Cache-Control: no-store`. */
  readonly noStore?: boolean;
};

export type BodyFormats = { readonly form?: true; readonly text?: (text: string) => unknown };

/** A declaration as a wrapper attached it to its handler: with the surface it answers in. */
export type Declared = Declaration & { readonly devtron: boolean };

type PathIds<P extends string, Text> = P extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends Text ? unknown : { [K in Name]: number }) & PathIds<Rest, Text>
  : unknown;
type Parsed<D, K extends "query" | "body" | "params"> = D extends { readonly [k in K]: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;
type TextParams<D> = D extends { readonly params: infer S extends z.ZodObject } ? keyof z.output<S> : never;
type Body<D> = D extends { readonly response: infer S extends z.ZodType } ? z.input<S> : never;

/** What a handler is given: the request, the caller, and its input already parsed. */
export type Context<D extends Declaration> = {
  req: Request;
  /** When the wrapper was called, before any await: the moment the request arrived, as far as Tessera can tell. */
  receivedAt: Date;
  ip: string;
  principal: D extends { readonly access: "public" } ? Principal | null : Principal;
  query: Parsed<D, "query">;
  body: Parsed<D, "body">;
  params: Parsed<D, "params">;
} & PathIds<D["path"], TextParams<D>>;

const REPLY = Symbol("reply");
/** A success answer with a status other than the declared one, its body still checked against the response schema. */
type Reply<T> = { readonly [REPLY]: true; readonly status: number; readonly body: T };

export function reply<T>(status: number, body: T): Reply<T> {
  return { [REPLY]: true, status, body };
}

export function isReply(value: unknown): value is Reply<unknown> {
  return typeof value === "object" && value !== null && REPLY in value;
}

/** A handler answers its response schema's input (or a Reply of it), or nothing for 204. */
export type Handler<D extends Declaration> = D extends { readonly response: z.ZodType }
  ? (ctx: Context<D>) => Promise<Body<D> | Reply<Body<D>>>
  : (ctx: Context<D>) => Promise<void>;

export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (req: Request, context?: RouteContext) => Promise<Response>;
export type DeclaredHandler = RouteHandler & { readonly declaration: Declared };

export function declarationOf(handler: unknown): Declared | undefined {
  return typeof handler === "function" && "declaration" in handler ? (handler as DeclaredHandler).declaration : undefined;
}

/** The names of a path's parameters, in order: `/api/v1/apps/{id}/deployments` → ["id"]. */
export function pathIdNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Whether a path parameter is text read by the declaration's `params` schema rather than an id. */
export function isTextParam(declaration: Pick<Declaration, "params">, name: string): boolean {
  return declaration.params !== undefined && name in declaration.params.shape;
}
