# Production image: the same install path as a developer machine (npm ci runs
# scripts/install-system.sh as root, which installs the Debian packages, PostgreSQL's client
# tools for `ringdown backup` among them, and the mediasoup worker), then the app as an
# unprivileged user.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json vite.config.ts ./
COPY client ./client
COPY server ./server
COPY media ./media
RUN npm ci --include=dev && npm cache clean --force
RUN useradd --system --create-home ringdown && mkdir -p /app/.data && chown ringdown /app/.data
USER ringdown
EXPOSE 3000 40000-40100/udp
CMD ["npm", "start"]
