# syntax=docker/dockerfile:1
#
# One Dockerfile for the two Node.js processes of Razgovor, with a target for each:
#
#   docker build -f docker/node.Dockerfile --target api    -t razgovor-api    .
#   docker build -f docker/node.Dockerfile --target worker -t razgovor-worker .
#
# (run from the repository root: the build context is the whole repository, filtered by the root
# .dockerignore). api and worker share one build stage and one production node_modules, so both
# images always carry the same compiled code and the same native argon2 binary; they differ only
# in what they start. The api image also contains the built web app (it serves it itself, see
# apps/api/src/system/web-app.ts) and is the image for one-off CLI commands (migrate, seed,
# admin:create, mailbox).
#
# Every stage uses the same Debian bookworm (glibc) base: argon2 loads a prebuilt glibc binary
# shipped inside its npm package, and a node_modules installed on one libc must not run on another
# (no Alpine/musl mix).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# No telemetry or update checks during installs (@scarf/scarf comes with swagger-ui-dist).
ENV SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# ---- toolchain: what node-gyp needs to compile argon2 when its prebuilt binary cannot be used.
# argon2's install script (node-gyp-build) first tries the prebuilt binary from the package and
# compiles from source only if that binary fails to load; on the Node 20 used to write these files
# it did fail (it crashed on load), so the install compiled it. Only the install stages get the
# compiler; the runtime image does not. npm_config_nodedir points node-gyp at the headers that the
# official image ships, so nothing is downloaded from outside the npm registry.
FROM base AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local

# ---- build: all dependencies, then `npm run build:server` (dist/server) and `build:web` (dist/web)
FROM toolchain AS build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build:server && npm run build:web

# ---- prod-deps: runtime dependencies only, installed on the same base as the runtime
FROM toolchain AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---- runtime: what api and worker have in common
FROM base AS runtime
ENV NODE_ENV=production
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
# Files stay owned by root (read-only for the app); the processes run as the image's `node` user.
USER node
STOPSIGNAL SIGTERM

# ---- worker: background jobs (mail, …); no HTTP port; finishes cleanly on SIGTERM.
# Applies pending migrations at start (under an advisory lock, safe with several replicas).
FROM runtime AS worker
CMD ["node", "--enable-source-maps", "dist/server/apps/worker/src/main.js"]

# ---- api: HTTP API under /api, live updates under /socket.io, and the web app with SPA fallback.
# Applies pending migrations at start (under an advisory lock, safe with several replicas).
# Last stage, so a build without --target gives the api image.
FROM runtime AS api
COPY --from=build /app/dist/web ./dist/web
# Relay for the development mailbox (`compose --profile dev`), see the file for why.
COPY docker/mailbox-relay.mjs ./docker/mailbox-relay.mjs
ENV HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST=/app/dist/web
EXPOSE 3000
# The image has no curl: ask /api/health (200 when PostgreSQL and Redis answer, 503 otherwise).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/server/apps/api/src/main.js"]
