# syntax=docker/dockerfile:1
# daraja-emulator: the emulator with its phone UI, for CI service containers and local use.
#   docker build -t daraja-emulator .
#   docker run --rm -p 7379:7379 -e DARAJA_EMULATOR_ADMIN_TOKEN=change-me -v daraja-data:/data daraja-emulator
# Published as ghcr.io/daraja-emulator/daraja-emulator by .github/workflows/release.yml. See docs/ci.md.

# 1. Pack: build the sources and pack the two npm packages, exactly as `npm run pack` does.
FROM node:20-slim AS pack
WORKDIR /src
COPY . .
# No install scripts: the build needs none (the pack step below builds).
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && node scripts/pack.mjs /packages

# 2. The tarballs the image installs. A release overrides this stage with the tarballs it has just published
#    to npm (`--build-context packages=artifacts`), so the image and the npm package are one artifact.
FROM scratch AS packages
COPY --from=pack /packages/ /

# 3. Runtime: the packed emulator installed into an empty folder with production dependencies only.
FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=7379
WORKDIR /app
COPY docker/install-runtime.sh /tmp/install-runtime.sh
RUN --mount=type=bind,from=packages,target=/packages \
    sh /tmp/install-runtime.sh /packages /app \
 && rm /tmp/install-runtime.sh \
 && npm cache clean --force \
 && mkdir -p /data /config \
 && chown node:node /data
# /data holds the data file (and tls/ in TLS mode); /config is where a mounted config file goes.
USER node
VOLUME ["/data"]
# 7379: Daraja API, control API and phone UI. 7443: HTTPS in TLS mode (443 needs root).
EXPOSE 7379 7443
# Binding 0.0.0.0 requires DARAJA_EMULATOR_ADMIN_TOKEN, which also guards /_emulator/health: send it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 7379) + '/_emulator/health', { headers: { 'x-emulator-token': process.env.DARAJA_EMULATOR_ADMIN_TOKEN || '' } }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "/app/node_modules/daraja-emulator/bin/daraja-emulator.js"]
CMD ["--data", "/data/data.json"]
