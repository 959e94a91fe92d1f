#!/usr/bin/env bash
# Draws the menu icons (resources/desktop/icons/NxN/pop3lab.png) from resources/icons/pop3lab.svg,
# the one picture of the app icon. The PNGs are committed, so a build needs no SVG renderer; run
# this again after changing the SVG (Debian package librsvg2-bin has rsvg-convert).
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 22 24 32 48 64 128 256; do
    mkdir -p "resources/desktop/icons/${size}x${size}"
    rsvg-convert -w "$size" -h "$size" resources/icons/pop3lab.svg \
        -o "resources/desktop/icons/${size}x${size}/pop3lab.png"
done
