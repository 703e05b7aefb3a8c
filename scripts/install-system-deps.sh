#!/usr/bin/env bash
# Installs what `pnpm test` needs beyond Node.js and npm, from Debian's packages, when missing:
# - chromium: the reference page's and the browser client's tests drive it through playwright-core
#   (Playwright's own browser download does not work here);
# - python3-jsonschema: the validators' differential tests compare against Python's jsonschema.
# Run once, as root or with sudo: `sudo bash scripts/install-system-deps.sh`. .ci/run runs it too.
set -uo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
python3 -c 'import jsonschema' 2>/dev/null || missing+=(python3-jsonschema)
if [ "${#missing[@]}" -eq 0 ]; then
  echo "system deps: chromium and python3-jsonschema are present"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
echo "system deps: installing ${missing[*]}"
DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update &&
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y "${missing[@]}"
