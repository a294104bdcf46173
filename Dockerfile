# syntax=docker/dockerfile:1
# Tessera's image: `docker build -t tessera .`, then
#   docker run -p 3000:3000 -v tessera-data:/data tessera                  (embedded database)
#   docker run -p 3000:3000 -e DATABASE_URL=… -e NEXTAUTH_SECRET=… tessera  (PostgreSQL)
# or `docker compose up` (docker-compose.yml). tests/postgres/image.test.ts assembles the
# final stage's files as its COPY lines say and runs them with its CMD, as its USER.

# Debian 12 (bookworm), as the machines Tessera is developed and tested on.
ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so that a change to the sources reuses this layer. postinstall
# generates the Prisma client, which needs the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node node_modules/next/dist/bin/next build

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME_BIND=0.0.0.0 \
    TESSERA_DATA_DIR=/data
# The embedded database's folder, the only place the server writes; mount a volume here.
RUN mkdir -p /data && chown 1000:1000 /data
# The standalone server (its traced node_modules, the migrations), the browser assets it
# does not copy itself, and the front door: scripts/serve.mjs appends the peer address to
# X-Forwarded-For and runs the request guard, which Next's own standalone server.js does not.
# Owned by root: the server cannot change its own code.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/scripts/serve.mjs /app/scripts/request-guard.mjs /app/scripts/healthcheck.mjs ./scripts/
# The official image's `node` user, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --start-interval=2s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
# SIGTERM (docker stop) ends it cleanly: serve.mjs stops taking requests and writes the
# token usage it holds in memory before it exits. Migrations are applied at start unless
# TESSERA_SKIP_MIGRATIONS=1.
CMD ["node", "scripts/serve.mjs"]
