#!/usr/bin/env bash
# A package made the way a maintainer would from a fresh clone: clone the committed tree (no
# dist/, nothing built), install, `npm pack` (its `prepack` builds and runs check-pack), then
# install the tarball in a scratch project from the registry, as a portal would, and check that
# every export resolves there, that Lit and @lit/localize came with it, and that an app built
# from it splits the translations into chunks.
#
#   scripts/check-fresh-pack.sh            (from the repository root; CI runs it)
#
# The clone's install skips install scripts (the receiver's native SQLite module is not needed
# to pack the widget) and prefers the npm cache, to keep CI quick.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git clone --quiet "$repo" "$work/clone"
cd "$work/clone"
test ! -e dist || { echo "check-fresh-pack: the clone has a dist/ before building" >&2; exit 1; }
npm ci --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error
tarball="$(npm pack --silent --pack-destination "$work" | tail -1)"
echo "check-fresh-pack: packed $tarball from a fresh clone"

mkdir "$work/app"
cd "$work/app"
npm init -y >/dev/null
npm install --prefer-offline --no-audit --no-fund --loglevel=error "$work/$tarball"
node "$repo/scripts/check-installed.js" "$work/app"
