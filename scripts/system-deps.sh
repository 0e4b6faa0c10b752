#!/usr/bin/env bash
# Installs the Debian packages the other-language checks of the tests need (Python's jsonschema and Go), only when
# they are missing; everything else comes from the npm registry through `pnpm install`. Run as root (or with sudo).
set -euo pipefail
missing=()
python3 -c 'import jsonschema' 2>/dev/null || missing+=(python3-jsonschema)
command -v go >/dev/null 2>&1 || missing+=(golang-go)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update && apt-get install -y "${missing[@]}"
fi
