import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { composeVariables, readCompose, readEnvFile } from "../helpers/compose";
import { ROOT } from "../helpers/image";

// docker-compose.yml, as `docker compose up` reads it with an .env made from .env.example.
// tests/postgres/image.test.ts starts the image's files with the Tessera service's
// environment against a real PostgreSQL.

const example = readEnvFile(path.join(ROOT, ".env.example"));
const filled = { ...example, POSTGRES_PASSWORD: "pw0123456789", NEXTAUTH_SECRET: "s".repeat(44) };

describe("docker-compose.yml", () => {
  it("names in .env.example every variable it reads, leaving the two secrets empty", () => {
    expect(Object.keys(example).sort()).toEqual(composeVariables());
    expect(example.POSTGRES_PASSWORD).toBe("");
    expect(example.NEXTAUTH_SECRET).toBe("");
    expect(readFileSync(path.join(ROOT, ".gitignore"), "utf8").split("\n")).toContain(".env");
  });

  it("stops with a message naming the missing secret, instead of starting without it", () => {
    expect(() => readCompose(example)).toThrow(/POSTGRES_PASSWORD: set POSTGRES_PASSWORD in .env/);
    expect(() => readCompose({ ...example, POSTGRES_PASSWORD: "x" })).toThrow(/NEXTAUTH_SECRET: set NEXTAUTH_SECRET in .env/);
  });

  it("runs PostgreSQL with a healthcheck and a named volume, and Tessera only once it is healthy", () => {
    const { services, volumes } = readCompose(filled);
    const db = services.db!;
    expect(db.image).toMatch(/^postgres:(1[4-9]|[2-9]\d)/);
    expect(db.healthcheck!.test.join(" ")).toMatch(/pg_isready -U "\$POSTGRES_USER" -d "\$POSTGRES_DB"/);
    const [volume, mountedAt] = db.volumes![0]!.split(":");
    expect(mountedAt).toBe("/var/lib/postgresql/data");
    expect(Object.keys(volumes ?? {})).toContain(volume);
    const tessera = services.tessera!;
    expect(tessera.build).toBe(".");
    expect(tessera.depends_on).toEqual({ db: { condition: "service_healthy" } });
    expect(tessera.ports).toEqual(["3000:3000"]);
  });

  it("gives Tessera the database's own credentials and the shared secret", () => {
    const { services } = readCompose(filled);
    const env = services.tessera!.environment!;
    const db = services.db!.environment!;
    expect(env.DATABASE_URL).toBe(`postgresql://${db.POSTGRES_USER}:${db.POSTGRES_PASSWORD}@db:5432/${db.POSTGRES_DB}`);
    expect(env.NEXTAUTH_SECRET).toBe(filled.NEXTAUTH_SECRET);
    expect(env.NEXTAUTH_URL).toBe("http://localhost:3000");
  });
});
