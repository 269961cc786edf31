#!/usr/bin/env bash
# Installs the Debian packages the tests and the PDF renderer use: Chromium (browser tests, PDF printing),
# Noto CJK fonts, poppler-utils (pdftotext/pdffonts/pdftoppm in document tests) and PostgreSQL (data-layer tests).
# Idempotent; needs root (or sudo).
set -euo pipefail
pkgs=(chromium fonts-noto-cjk poppler-utils postgresql)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "prerequisites: ${pkgs[*]} installed"
