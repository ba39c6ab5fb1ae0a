# syntax=docker/dockerfile:1
#
# Optional front for Razgovor: nginx serving the built web app (dist/web) and proxying /api/ and
# /socket.io/ (with WebSocket upgrade) to the api. The api image serves the web app by itself, so
# this image is only needed when you want nginx in front (static files off Node.js, one entry
# point spreading requests over several api replicas).
#
#   docker build -f docker/web.Dockerfile -t razgovor-web .        (from the repository root)
#   docker run -p 8080:8080 -e RAZGOVOR_API_UPSTREAM=api:3000 razgovor-web
#
# The build stage repeats docker/node.Dockerfile's first steps word for word, so BuildKit reuses
# their cached layers when both images are built on the same machine.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28-alpine

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# `npm ci` runs argon2's install script, which may compile it (see docker/node.Dockerfile).
FROM base AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local

FROM toolchain AS build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build:web

# nginx >= 1.27.3 is needed for `server ... resolve` in the upstream block (default.conf.template).
FROM ${NGINX_IMAGE}
# host:port of the api; the default is the service name in docker/compose.yml.
ENV RAZGOVOR_API_UPSTREAM=api:3000 \
    NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1 \
    NGINX_ENVSUBST_FILTER="RAZGOVOR_API_UPSTREAM|NGINX_LOCAL_RESOLVERS"
COPY docker/nginx/default.conf.template /etc/nginx/templates/default.conf.template
COPY docker/nginx/razgovor-headers.conf /etc/nginx/snippets/razgovor-headers.conf
COPY --from=build /app/dist/web /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]
