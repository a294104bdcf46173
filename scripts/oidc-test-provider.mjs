// A real OpenID Connect provider for tests (the `oidc-provider` package) on loopback, with
// one confidential client and a fixed list of accounts that sign in on a plain login page.
// The API tests start it in-process (startTestProvider); the e2e suite runs this file as a
// web server, configured through the environment (see the bottom of the file).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import Provider from "oidc-provider";

/**
 * @typedef {{ id: string; email: string; password: string; name: string; emailVerified: boolean }} TestAccount
 * @typedef {{ port: number; clientId: string; clientSecret: string; redirectUris: string[]; accounts: TestAccount[] }} ProviderOptions
 */

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, error = "") {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Email <input name="email" type="email" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Continue</button>
</form></main></body></html>`;
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * Starts the provider on 127.0.0.1:`port` (0 picks one). Resolves once it listens, with
 * its issuer URL and a close function.
 * @param {ProviderOptions} options
 */
export async function startTestProvider({ port, clientId, clientSecret, redirectUris, accounts }) {
  const { createServer } = await import("node:http");
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ["authorization_code"] }],
    jwks: {
      keys: [{ ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256" }],
    },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      // Looked up at each sign-in, so a test may change an account (its email, say) while the provider runs.
      const account = accounts.find((a) => a.id === id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, email: account.email, email_verified: account.emailVerified, name: account.name }),
      };
    },
    // A first-party client: the grant is given without a consent page.
    loadExistingGrant: async (ctx) => {
      const existing = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // The provider logs its own errors (a test that sends garbage on purpose) through Koa; keep them quiet.
  provider.on("server_error", () => {});
  const oidc = provider.callback();
  server.on("request", async (req, res) => {
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(req.url?.split("?")[0] ?? "");
    if (!match) return oidc(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== match[1]) throw new Error("interaction mismatch");
      if (req.method === "GET" && !match[2]) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
        return;
      }
      const form = await readForm(req);
      const account = accounts.find((a) => a.email === form.get("email") && a.password === form.get("password"));
      if (!account) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid, "Wrong email or password."));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
    } catch (error) {
      res.writeHead(400, { "content-type": "text/plain" }).end(`Interaction failed: ${error?.message}`);
    }
  });
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// As a web server: OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URIS
// (comma-separated) and OIDC_ACCOUNTS (JSON, a list of TestAccount).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const env = process.env;
  const { issuer, close } = await startTestProvider({
    port: Number(env.OIDC_PORT),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUris: (env.OIDC_REDIRECT_URIS ?? "").split(","),
    accounts: JSON.parse(env.OIDC_ACCOUNTS ?? "[]"),
  });
  console.log(`[oidc-test-provider] ${issuer}`);
  const stop = () => close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
