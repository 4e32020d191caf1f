# syntax=docker/dockerfile:1
# Build: compile TypeScript with the dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

# Run: production dependencies (smee-client among them, for the setup flow's webhook proxy),
# compiled code, the price table and the app manifest.
FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY app.yml ./
COPY prices ./prices
COPY bin ./bin
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# Probot answers GET /ping with 200 "PONG" once it listens. The slim image has no curl, so Node
# itself asks; a check that hangs counts as failed after 5 s.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ping',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `docker stop` sends SIGTERM, then SIGKILL after a grace of 10 s by default (`--time`, or
# `stop_grace_period` in docker-compose.yml). The app's shutdown (stop taking webhooks, let running
# reviews finish or hand them back to the queue, close the database) ends within
# SHUTDOWN_TIMEOUT_MS, whose default is that same 10 s: raise the two together, never the timeout
# alone. A review cut short is not lost: its job comes back from the durable queue.
STOPSIGNAL SIGTERM
# The same command as `npm start`; README "Operating it" says why the young generation is small.
CMD ["node", "--max-semi-space-size=2", "dist/main.js"]
