# One image for the worker and the API (docker-compose.yml picks the command).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# Production workers load a prebuilt workflow bundle instead of bundling at every start.
RUN node_modules/.bin/tsx scripts/build-workflows.ts dist/workflow-bundle.js
ENV NODE_ENV=production WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
USER node
CMD ["node_modules/.bin/tsx", "worker.ts"]
