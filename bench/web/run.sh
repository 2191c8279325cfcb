#!/usr/bin/env bash
# Explorer redraw benchmark (docs/explorer.md, "Speed"; issue 15: the redraw time before and
# after a change of web/). Usage:
#   bench/web/run.sh BEFORE AFTER [--out FILE] [--models a,b] [--moves N] [--rounds N] [--pause MS]
# BEFORE and AFTER are checkout roots (each needs node_modules; a symlink to this checkout's is
# fine when package-lock.json is the same) or built dist dirs; NAME=PATH names a site. Example:
#   git worktree add --detach /tmp/web-before e28749d
#   ln -s "$PWD/node_modules" /tmp/web-before/node_modules
#   bench/web/run.sh before=/tmp/web-before after=. --out bench/results/explorer.json
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
exec node bench/web/redraw.mjs "$@"
