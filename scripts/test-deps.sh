#!/usr/bin/env bash
# What `npm test` needs besides npm packages, installed when missing: Debian's chromium and CJK fonts (the
# end-to-end tests), and the Neo4j server's jars (the integration tests start a local server without Docker).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing chromium and fonts-noto-cjk (Debian packages) for the end-to-end tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "the end-to-end tests need Debian's chromium and fonts-noto-cjk: sudo apt-get install -y chromium fonts-noto-cjk" >&2
  fi
fi
if [ -z "${NEO4J_URI:-}" ]; then
  node --import tsx scripts/neo4j.ts install
fi
