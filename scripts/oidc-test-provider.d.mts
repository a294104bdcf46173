export type TestAccount = { id: string; email: string; password: string; name: string; emailVerified: boolean };

export type ProviderOptions = { port: number; clientId: string; clientSecret: string; redirectUris: string[]; accounts: TestAccount[] };

/** Starts the test OpenID Connect provider on 127.0.0.1 (`port` 0 picks one). */
export function startTestProvider(options: ProviderOptions): Promise<{ issuer: string; close: () => Promise<void> }>;
