# syntax=docker/dockerfile:1
# Warden's image: the console and the agent API, started as `npm start` starts them (scripts/start.mjs: migrate the
# database, then serve through scripts/server.mjs), with the build done here rather than at start. No secret is baked
# in: every secret comes from the environment at run time (docs/DEPLOYMENT.md lists them). Written and reviewed without
# a container engine at hand; docs/DEPLOYMENT.md says what was checked and how.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- dependencies: `npm ci`, whose postinstall generates both Prisma clients offline (scripts/prisma-generate.mjs)
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# better-sqlite3 downloads a prebuilt binary when it can; these build it from source when it cannot.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma/schema.prisma prisma/
RUN npm ci

# ---- build: `next build` (it type-checks the whole tree, tests included, so the whole tree is copied), then drop
# the development packages. --ignore-scripts: the postinstall must not run again once Prisma's CLI is gone.
FROM deps AS build
COPY . .
RUN npx next build \
 && npm prune --omit=dev --ignore-scripts \
 && rm -rf .next/cache

# ---- runtime: Node and the built tree, run as the unprivileged `node` user (uid 1000) of the base image.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# WARDEN_SKIP_BUILD: the image is built, scripts/start.mjs must never build at start. HOSTNAME: scripts/server.mjs
# listens on it, and the engine sets it to the container's id, which would bind the server to one interface only (not
# 127.0.0.1, where the health check asks). DATABASE_URL / WARDEN_DATA_DIR: SQLite (one instance only) keeps the
# database, and any key generated because none was given, in the volume; with PostgreSQL set
# DATABASE_URL=postgresql://… and the shared keys in the environment (docs/DEPLOYMENT.md).
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    WARDEN_SKIP_BUILD=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATABASE_URL=file:/app/data/warden.db \
    WARDEN_DATA_DIR=/app/data
# Sources stay root-owned and read-only to the server; it writes only its data directory and Next's cache.
COPY --from=build /app /app
RUN mkdir -p /app/data /app/.next/cache \
 && chown -R node:node /app/data /app/.next \
 && chmod 0700 /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# Liveness (restart when it fails): /api/v1/health touches no database. Readiness (/api/v1/ready) is for the load
# balancer's routing, not for restarts. Node's own fetch: the slim image has no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself as the entry: start.mjs forwards SIGTERM/SIGINT to the server (npm would not wait for it).
CMD ["node", "scripts/start.mjs"]
