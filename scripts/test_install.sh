#!/usr/bin/env bash
# Packaging test: build the wheel from a copy of the working tree, check that it holds the library only
# (sstkd/*.py and its metadata: no notebooks, data or results), `pip install` it into a fresh venv outside
# the checkout, import every module there and run the tutorial's loop (nbs/14_tutorial.ipynb, first cell).
# torch==2.13.0 comes from the local wheel cache where pip has one. Usage: scripts/test_install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
start=$(date +%s)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. the wheel, built from the tracked and new (not ignored) files, so the checkout gets no build/ folder
mkdir "$tmp/src"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"; done | xargs -0 cp --parents -t "$tmp/src"
"$PYTHON" -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
pip() { "$tmp/venv/bin/pip" "$@" 2>&1 | sed '/is ignored: it is neither a file nor a directory/d'; }   # local index noise
pip install -q --upgrade pip setuptools wheel
pip wheel -q --no-deps --no-build-isolation -w "$tmp/dist" "$tmp/src"
wheel=$(ls "$tmp"/dist/sstkd-*.whl)
echo "wheel: $(basename "$wheel")"

# 2. what the wheel holds: every module of sstkd/, its metadata, nothing else
"$py" - "$wheel" sstkd <<'EOF'
import sys, zipfile
from pathlib import Path
names = zipfile.ZipFile(sys.argv[1]).namelist()
lib = {f'sstkd/{p.name}' for p in Path(sys.argv[2]).glob('*.py')}
other = [n for n in names if not (n in lib or n.split('/')[0].endswith('.dist-info'))]
missing = sorted(lib - set(names))
assert not other, f'the wheel holds files that are not the library: {other[:10]}'
assert not missing, f'the wheel lacks modules: {missing}'
print(f'wheel contents: {len(lib)} modules + metadata, nothing else')
EOF

# 3. install (torch first: the pinned CPU wheel), import everything, run the tutorial's loop, outside the checkout
pip install -q torch==2.13.0
pip install -q "$wheel"
echo "installed in $(( $(date +%s) - start )) s"
"$py" - nbs/14_tutorial.ipynb > "$tmp/tutorial.py" <<'EOF'
import json, sys
cells = json.load(open(sys.argv[1]))['cells']
print(''.join(next(c for c in cells if c['cell_type'] == 'code')['source']))
EOF
cd "$tmp"
"$py" - <<'EOF'
import importlib, pkgutil, sstkd
from pathlib import Path
assert 'site-packages' in sstkd.__file__, f'imported {sstkd.__file__}, not the installed package'
mods = [m.name for m in pkgutil.iter_modules(sstkd.__path__) if not m.name.startswith('_')]
for m in mods: importlib.import_module(f'sstkd.{m}')
print(f'imported {len(mods)} modules from {Path(sstkd.__file__).parent}: {", ".join(mods)}')
EOF
"$py" tutorial.py
echo "install test passed in $(( $(date +%s) - start )) s"
