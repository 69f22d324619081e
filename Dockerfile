# dispute-bot image: the compiled bot on Node 20, production dependencies only, run as a non-root user.
#   docker build -t dispute-bot .
#   docker run --env-file .env -p 3000:3000 dispute-bot
# Every stage starts from the same image, so the native addon built in `deps` matches the runtime's
# Node version and C library.

# Build: every dependency (TypeScript included), then `npm run build` compiles to dist/. Compiling
# needs no native addon, so install scripts are skipped here and no compilers are needed.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

# Production dependencies only. better-sqlite3 is native: its install fetches a prebuilt binary
# where one fits this platform and otherwise compiles from source, which needs python3, make and g++.
FROM node:20-bookworm-slim AS deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
  && node -e "new (require('better-sqlite3'))(':memory:').close()"

# Runtime: no compilers, no dev dependencies (so logs stay JSON: pino-pretty is not installed).
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY seeds ./seeds
# the word vectors the ranking reads (src/sources/word-vectors.ts finds them here)
COPY src/sources/word-vectors.bin ./src/sources/word-vectors.bin
# the database (DATABASE_PATH=./data/…) and the index snapshots (INDEX_CACHE_DIR=./.cache) are written here
RUN mkdir -p data .cache && chown node:node data .cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
