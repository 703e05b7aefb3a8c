#!/usr/bin/env bash
# Installs what `pnpm test` needs beyond Node.js and npm, when missing:
# - chromium (Debian's package): the reference page's and the browser client's tests drive it
#   through playwright-core (Playwright's own browser download does not work here);
# - Python's jsonschema >= 4.18 (with its `referencing` module) for the python3 on PATH: the
#   validators' differential tests compare against it. This machine image's Python ships it;
#   Debian bookworm's python3-jsonschema (4.10, no `referencing`) is too old, so it is installed
#   only as a last resort and the script says when the module is still missing.
# Run once, as root or with sudo: `sudo bash scripts/install-system-deps.sh`. .ci/run runs it too.
set -uo pipefail
has_jsonschema() { python3 -c 'import jsonschema, referencing' 2>/dev/null; }
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
has_jsonschema || missing+=(python3-jsonschema)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
  echo "system deps: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update &&
    DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y "${missing[@]}" || exit 1
fi
status=0
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || { echo "system deps: chromium is still missing" >&2; status=1; }
has_jsonschema || {
  echo "system deps: python3 ($(command -v python3)) has no jsonschema >= 4.18 with referencing; the validators' differential tests need it" >&2
  status=1
}
[ "$status" -eq 0 ] && echo "system deps: chromium and Python's jsonschema are present"
exit "$status"
