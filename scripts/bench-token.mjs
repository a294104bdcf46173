// The benchmarks' way in: signs in to a running server as `admin` (next-auth's credentials
// callback, as the login page does) and creates a super-admin token; answers its secret.

export async function createBenchToken(url, admin) {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = await csrf.json();
  const signIn = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email: admin.email, password: admin.password, json: "true" }),
  });
  const session = [jar, ...signIn.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  const res = await fetch(`${url}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: session, origin: url },
    body: JSON.stringify({ name: `bench-${Date.now()}`, permissions: { superAdmin: true } }),
  });
  if (res.status !== 201) throw new Error(`could not create a token: ${res.status} ${await res.text()}`);
  return (await res.json()).secret;
}
