#!/usr/bin/env bash
# Debian packages the tests need: Chromium and fonts (browser and accessibility tests),
# LibreOffice and Pango (document exports).
# Installs them when missing and the user can (root, or sudo without a password).
set -u
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
# Documents: LibreOffice opens exported DOCX in tests; WeasyPrint (PDF export) needs Pango.
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
for lib in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b; do
  dpkg -s "$lib" >/dev/null 2>&1 || missing+=("$lib")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  sudo_cmd=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo_cmd=(sudo -n)
else
  echo "Note: ${missing[*]} not installed and no root: browser tests will be skipped (they fail in CI)." >&2
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Note: apt-get not found; install ${missing[*]} by hand for the browser tests." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
