/** Signs in to a running server as `admin` and creates a super-admin token; answers its secret. */
export function createBenchToken(url: string, admin: { email: string; password: string }): Promise<string>;
