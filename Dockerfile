# syntax=docker/dockerfile:1
# Satu's image: the web app's static export and the release binary on distroless (glibc, CA
# certificates, no shell). One image runs every role: `satu serve --role proxy|api|worker`,
# `satu migrate`, `satu admin …`. Kubernetes probes /healthz and /readyz: no HEALTHCHECK here.

# --- the web app's static export (web/out) -------------------------------------------------
FROM node:20-bookworm-slim AS web
WORKDIR /src/web
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first: this layer stays cached until the lockfile changes.
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web/ ./
RUN npm run build

# --- the release binary ----------------------------------------------------------------------
# Bookworm on both sides: the binary links the same glibc as the runtime image.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
# Caches survive between builds (BuildKit); the binary is copied out of the cached target dir.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin satu \
    && install -D -m 0755 target/release/satu /out/satu

# --- runtime: non-root (uid 65532), no shell, read-only root filesystem in Kubernetes -------
FROM gcr.io/distroless/cc-debian12:nonroot
WORKDIR /app
COPY --from=build /out/satu /app/satu
COPY --from=web /src/web/out /app/web
# The export's place (web.dir) and an address reachable from outside the container; the
# database, keys and the rest come from the deployment (docs/operations.md).
ENV SATU__WEB__DIR=/app/web \
    SATU__SERVER__BIND=0.0.0.0:8080
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/app/satu"]
CMD ["serve"]
