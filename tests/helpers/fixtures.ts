import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db";

let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export async function makeUser(
  db: Db,
  data: { email?: string; name?: string; password?: string; superAdmin?: boolean; disabled?: boolean } = {},
) {
  return db.user.create({
    data: {
      email: data.email ?? `${unique("user")}@example.com`,
      name: data.name ?? "Test User",
      passwordHash: await hashPassword(data.password ?? "correct horse battery"),
      superAdmin: data.superAdmin ?? false,
      disabledAt: data.disabled ? new Date() : null,
    },
  });
}
