import path from "node:path";
import { NextRequest } from "next/server";

// Some route files need Next's request scope: next-auth's handler reads the request
// through `headers()` and `cookies()` from next/headers, which only work inside it. For
// those, the test server runs the route file the way `next start` does, through Next's
// own app-route module, which opens that scope around the handler. Other routes take
// the Web Request directly, as before. (tests/helpers/setup.ts gives Next the
// AsyncLocalStorage its server would.)

type RouteModule = Partial<Record<string, unknown>>;
type Handle = (req: NextRequest, context: unknown) => Promise<Response>;

const PREVIEW = { previewModeId: "test", previewModeSigningKey: "test", previewModeEncryptionKey: "test" };

/**
 * A handler that runs `mod` (the route file at `file`, under app/) inside Next's request
 * scope. `hosting` gives what a host passes a request (Vercel's `waitUntil`, the server's
 * `onClose`), without which after() refuses to run.
 */
export async function nextScopedRoute(file: string, segments: string[], mod: RouteModule, hosting: Record<string, unknown> = {}) {
  const { AppRouteRouteModule } = await import("next/dist/server/route-modules/app-route/module.compiled");
  const pathname = `/${segments.join("/")}`;
  // The constructor's option types are internal to Next; these are the fields `next build` fills in.
  const routeModule = new AppRouteRouteModule({
    userland: () => mod,
    definition: { kind: "APP_ROUTE", page: `${pathname}/route`, pathname, filename: "route", bundlePath: `app${pathname}/route` },
    distDir: ".next",
    relativeProjectDir: "",
    resolvedPagePath: path.relative(process.cwd(), file),
    nextConfigOutput: undefined,
  } as never) as unknown as { handle: Handle };
  return (req: Request, params: Record<string, string | string[]>): Promise<Response> =>
    routeModule.handle(new NextRequest(req), {
      params,
      previewProps: PREVIEW,
      prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: PREVIEW },
      renderOpts: { experimental: {}, supportsDynamicResponse: true, ...hosting },
      sharedContext: { buildId: "test" },
    });
}
