# daraja-emulator: the emulator with its phone UI, for CI service containers and local use.
#   docker build -t daraja-emulator .
#   docker run --rm -p 7379:7379 -e DARAJA_EMULATOR_ADMIN_TOKEN=change-me -v daraja-data:/data daraja-emulator
# See docs/ci.md.

# 1. Build: every workspace's dev dependencies, the TypeScript projects and the UI bundle.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY client/package.json client/
COPY emulator/package.json emulator/
COPY ui/package.json ui/
COPY contracts/package.json contracts/
# No install scripts: nothing the build uses needs one, and some dev tools would download binaries.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY client client
COPY emulator emulator
COPY ui ui
RUN npm run build

# 2. Production dependencies only (express, lowdb, nanoid, node-forge, ws), with the workspace links.
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY client/package.json client/
COPY emulator/package.json emulator/
COPY ui/package.json ui/
COPY contracts/package.json contracts/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# 3. Runtime: compiled JavaScript, the built UI and production dependencies; no sources, no compilers.
FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=7379
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY --from=deps /app/package.json ./
COPY --from=deps /app/client/package.json client/
COPY --from=deps /app/emulator/package.json emulator/
COPY --from=build /app/client/dist client/dist
COPY --from=build /app/emulator/dist emulator/dist
COPY --from=build /app/ui/dist ui/dist
# /data holds the data file (and tls/ in TLS mode); /config is where a mounted config file goes.
RUN mkdir -p /data /config && chown node:node /data
USER node
VOLUME ["/data"]
# 7379: Daraja API, control API and phone UI. 7443: HTTPS in TLS mode (443 needs root).
EXPOSE 7379 7443
# Binding 0.0.0.0 requires DARAJA_EMULATOR_ADMIN_TOKEN, which also guards /_emulator/health: send it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 7379) + '/_emulator/health', { headers: { 'x-emulator-token': process.env.DARAJA_EMULATOR_ADMIN_TOKEN || '' } }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "/app/emulator/dist/main.js"]
CMD ["--data", "/data/data.json"]
