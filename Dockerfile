# Build stage: compile TypeScript with SWC, then drop development dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY .swcrc tsconfig.json ./
COPY apps apps
COPY workflows workflows
COPY libs libs
COPY tools tools
RUN npm run build && npm run build:console && npm prune --omit=dev

# Runtime stage: compiled code and production dependencies only, run as an unprivileged user.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
