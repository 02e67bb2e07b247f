#!/usr/bin/env bash
# The archive's PDF/A capture embeds DejaVu Sans (Debian's fonts-dejavu-core). Install it if missing.
set -euo pipefail
if [ -n "${SOMEVAKT_FONT_DIR:-}" ] || [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's fonts-dejavu-core for the archive's PDF/A capture..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
  exit 0
fi
echo "ensure-fonts: DejaVu Sans is missing; install fonts-dejavu-core or set SOMEVAKT_FONT_DIR (archive capture needs it)" >&2
