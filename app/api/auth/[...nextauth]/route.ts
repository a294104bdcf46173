import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { signInRefusal } from "@/server/auth/sign-in-limit";
import { clientIp } from "@/server/http/client-ip";
import { problem } from "@/server/http/respond";

export const dynamic = "force-dynamic";

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = (req: Request, ctx: Ctx) => handler(req, ctx);

/** POST /api/auth/callback/credentials — sign-in, refused with 429 + Retry-After while the client is over its failure limit (503 when the limits cannot be read). */
export async function POST(req: Request, ctx: Ctx) {
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
