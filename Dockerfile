# intelgraph: the API (`intelgraph serve`) and the CLI, in one image.
#
# It holds no database: point it at one with NEO4J_URI (docker-compose.yml runs Neo4j beside it).
# Build: docker build -t intelgraph:local .   Run: see docs/running.md.

# The analysts' web page: Node bundles web/ (Cytoscape.js and the page) into static files;
# the image that runs holds only those files, no Node.
FROM node:20-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM python:3.11-slim

# CORPUS_DIR: the installed package's default would point into site-packages.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CORPUS_DIR=/app/corpus

WORKDIR /app

# The whole project (less what .dockerignore leaves out): the package, and the corpus that
# `intelgraph load corpus` reads from this folder.
COPY . .
COPY --from=web /src/api/static ./api/static

RUN pip install --no-cache-dir . \
 && groupadd --system --gid 10001 intelgraph \
 && useradd --system --uid 10001 --gid intelgraph --no-create-home --home-dir /app intelgraph

# Numeric, so that orchestrators enforcing "run as non-root" can check it.
USER 10001:10001

EXPOSE 8000

# API_HOST / API_PORT choose where uvicorn listens (default 127.0.0.1:8000; compose sets 0.0.0.0).
CMD ["intelgraph", "serve"]
