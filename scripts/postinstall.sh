#!/usr/bin/env bash
# npm's postinstall: applies patches/ to node_modules (patch-package), then rebuilds nodejs-jieba from its patched
# source (patches/README.md says why), then installs the trained recogniser's model (scripts/install-model.sh). A
# failure leaves the unpatched build, which works, only slower to load, or no model (rules-only extraction): each
# warns rather than failing the install.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! npx --no-install patch-package; then
  echo "postinstall: patches/ did not apply; nodejs-jieba stays unpatched (slower start, same results)" >&2
elif ! npx --no-install node-pre-gyp rebuild --directory node_modules/nodejs-jieba >/dev/null 2>&1; then
  echo "postinstall: rebuilding nodejs-jieba from its patched source failed; the unpatched build is kept (slower start, same results)" >&2
fi
bash scripts/install-model.sh
exit 0
