# One image for the worker and the API (docker-compose.yml picks the command), with the operator CLI as `epf`.
# Node 22 LTS; the code also runs on Node 20 (package.json engines), which the tests cover.
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime packages only: no embedded PostgreSQL binaries, no simulators' graphql, no test tools.
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# Production workers load a prebuilt workflow bundle instead of bundling at every start.
RUN node_modules/.bin/tsx scripts/build-workflows.ts dist/workflow-bundle.js
ENV NODE_ENV=production WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js PATH=/app/bin:$PATH
USER node
CMD ["node_modules/.bin/tsx", "worker.ts"]
