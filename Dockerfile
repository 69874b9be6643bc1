# RangeX GraphQL API server, with GraphiQL's assets, on the embedded SQLite default.
#
#   docker build -t rangex-graphql .
#   python3 -c 'import secrets; print("RANGEX_SECRET_KEY=" + secrets.token_urlsafe(48))' > rangex.env
#   docker run -d -p 8000:8000 -v rangex-data:/data --env-file rangex.env rangex-graphql
#   docker run --rm -v rangex-data:/data rangex-graphql seed --demo
#   docker run --rm -it -v rangex-data:/data rangex-graphql create-admin --email a@b.c --username ops
#
# RANGEX_SECRET_KEY is required: the image listens on 0.0.0.0, and a server reachable
# from outside refuses to start without a key of its own (at least 32 random characters;
# keep it stable, or every sign-in and sealed secret is lost; give every replica the same).
#
# Configuration is the usual RANGEX_* variables (README); MySQL with
# -e RANGEX_DATABASE_URL=mysql://user:pass@host:3306/rangex. Change the port with
# -e RANGEX_PORT (the healthcheck reads it), not with `serve --port`.

# --- stage 1: GraphiQL's browser bundles, from package-lock.json --------------------------
FROM node:20-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
# The bundles are static files: no install scripts are needed, so none run.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error

# --- stage 2: the server ------------------------------------------------------------------
FROM python:3.11-slim AS runtime

LABEL org.opencontainers.image.title="rangex-graphql" \
      org.opencontainers.image.description="GraphQL API server of the RangeX cyber range"

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

RUN groupadd --system --gid 10001 rangex \
 && useradd --system --uid 10001 --gid rangex --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin rangex \
 && install -d -o rangex -g rangex -m 0750 /data

WORKDIR /src
COPY pyproject.toml README.md ./
COPY rangex_graphql ./rangex_graphql
COPY migrations /app/migrations
# `--build-arg EXTRAS=otel` adds OpenTelemetry (RANGEX_OTEL_ENDPOINT: docs/observability.md).
ARG EXTRAS=""
RUN pip install --no-cache-dir ".${EXTRAS:+[$EXTRAS]}" && rm -rf /src

COPY --from=assets /build/node_modules /app/node_modules

# RANGEX_HOST too, so that `docker run IMAGE serve --workers 4` still listens outside.
ENV RANGEX_GRAPHIQL_ASSETS_DIR=/app/node_modules \
    RANGEX_MIGRATIONS_DIR=/app/migrations \
    RANGEX_DATABASE_URL=sqlite:///data/rangex.sqlite3 \
    RANGEX_HOST=0.0.0.0 \
    RANGEX_PORT=8000

USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000

# No curl in the slim image: ask /health with the standard library.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; u.urlopen('http://127.0.0.1:%s/health' % os.environ.get('RANGEX_PORT', '8000'), timeout=4)"]

ENTRYPOINT ["rangex-graphql"]
CMD ["serve", "--host", "0.0.0.0"]
