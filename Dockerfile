# Back Break's server (Alexa, Slack, the web coach) as a small image that runs as a non-root user.
#   docker build -t back-break .        then   docker run -p 3000:3000 -v bb-data:/app/data back-break
# Or with PostgreSQL: docker compose up --build (compose.yaml). .ci/run repeats these steps without Docker
# (build/without-docker.ts): RUN lines use paths relative to WORKDIR, USER is numeric.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary is found.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# dist/ holds everything but the one native module the server requires when a SQLite store opens; the
# runtime stage gets dist/ and that module's files, not the 300 MB of node_modules.
RUN npm run build \
  && mkdir -p runtime/node_modules/better-sqlite3/build/Release \
  && cp -r dist package.json runtime/ && rm -rf runtime/dist/lambda \
  && cp -r node_modules/better-sqlite3/package.json node_modules/better-sqlite3/lib runtime/node_modules/better-sqlite3/ \
  && cp node_modules/better-sqlite3/build/Release/better_sqlite3.node runtime/node_modules/better-sqlite3/build/Release/ \
  && cp -r node_modules/bindings node_modules/file-uri-to-path runtime/node_modules/

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/runtime ./
# SQLite's file lives in a volume the non-root user can write; DATABASE_URL=postgres://... needs none.
RUN mkdir -p data && chown 1000:1000 data
VOLUME /app/data
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: SIGTERM reaches the server, which stops within SHUTDOWN_TIMEOUT_MS.
CMD ["node", "dist/server.js"]
