import NextAuth from "next-auth";
import { ApiError } from "@/lib/errors";
import { authOptions } from "@/server/auth/options";
import { signInRefusal } from "@/server/auth/sign-in-limit";
import { clientIp } from "@/server/client-ip";
import { methods } from "@/server/http/methods";
import { withBodyLimit } from "@/server/http/parse";
import { problem } from "@/server/http/respond";

export const dynamic = "force-dynamic";

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

/** POST /api/auth/callback/credentials — sign-in, refused with 429 + Retry-After while the client is over its failure limit (503 when the limits cannot be read). */
async function signIn(req: Request, ctx: Ctx) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "")
      .trim()
      .toLowerCase();
    const refusal = await signInRefusal(clientIp(req.headers), email);
    if (refusal) return problem(refusal);
  }
  return handler(req, ctx);
}

/** next-auth answers an action it does not have (GET /api/auth/nope, POST /api/auth/csrf) with a plain-text 400; the API says 404. */
function unknownActionsAsProblems(answer: (req: Request, ctx: Ctx) => Promise<Response>) {
  return async (req: Request, ctx: Ctx) => {
    const res = await answer(req, ctx);
    if (res.status !== 400 || !res.headers.get("content-type")?.startsWith("text/plain")) return res;
    return problem(new ApiError("not_found", `There is no sign-in endpoint at ${req.method} ${new URL(req.url).pathname}.`));
  };
}

// next-auth reads the body whole, so it only gets bodies already read within the limit.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: unknownActionsAsProblems(handler),
  POST: withBodyLimit(unknownActionsAsProblems(signIn)),
});
