#!/usr/bin/env bash
# npm's postinstall: applies patches/ to node_modules (patch-package), then rebuilds nodejs-jieba from its patched
# source (patches/README.md says why). A failure leaves the unpatched build, which works, only slower to load: it
# warns rather than failing the install.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! npx --no-install patch-package; then
  echo "postinstall: patches/ did not apply; nodejs-jieba stays unpatched (slower start, same results)" >&2
  exit 0
fi
if ! npx --no-install node-pre-gyp rebuild --directory node_modules/nodejs-jieba >/dev/null 2>&1; then
  echo "postinstall: rebuilding nodejs-jieba from its patched source failed; the unpatched build is kept (slower start, same results)" >&2
fi
exit 0
