#!/usr/bin/env bash
# Smoke-test the built binary (never the source): every command of the CLI must work from the
# bundle with no Python beside it, and write nothing beside the executable.
#   bash .ci/smoke_binary.sh DIST_DIR
set -euo pipefail
dist=$(cd "${1:-dist}" && pwd)
repo=$(pwd)
exe="$dist/continuum/continuum"
[ -x "$exe" ] || exe="$dist/continuum/continuum.exe"
[ -x "$exe" ] || { echo "smoke: no built binary under $dist/continuum" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private home: saves, settings and logs go there, never beside the executable.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_STATE_HOME="$work/home/.local/state" XDG_CACHE_HOME="$work/home/.cache"
export APPDATA="$work/home/AppData/Roaming" LOCALAPPDATA="$work/home/AppData/Local"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
# Run from an empty folder with no Python on PATH, so nothing outside the bundle is used.
mkdir -p "$work/cwd" && cd "$work/cwd"
PATH=/usr/bin:/bin
before=$(ls -A "$(dirname "$exe")" | sort)

checks=0
"$exe" --version
"$exe" simulate kosovo --matches 2 --json > "$work/sim.json"
/usr/bin/env python3 - "$work/sim.json" <<'PY' 2>/dev/null || grep -q '"turns_per_second"' "$work/sim.json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["matches"] == 2 and len(d["results"]) == 2, d
assert set(d["final"]) == {"peace", "justice", "pluralism", "freedom"}, d["final"]
PY
echo "simulate: valid JSON"
checks=$((checks + 1))

shipped=$(ls "$repo"/scenarios/*.json 2>/dev/null || true)
[ -n "$shipped" ] || shipped=$(ls "$(dirname "$exe")"/_internal/scenarios/*.json)
"$exe" validate $shipped
echo "validate: every shipped scenario passes"
checks=$((checks + 1))

"$exe" schema > "$work/schema.json"
grep -q '"properties"' "$work/schema.json"
echo "schema: printed"
checks=$((checks + 1))

"$exe" snapshot kosovo --turns 1 --out "$work/match.png"
[ -s "$work/match.png" ] || { echo "snapshot: no PNG" >&2; exit 1; }
head -c 8 "$work/match.png" | od -An -tx1 | grep -q "89 50 4e 47" || { echo "snapshot: not a PNG" >&2; exit 1; }
echo "snapshot: $(wc -c < "$work/match.png") bytes"
checks=$((checks + 1))

# Seminar play from the bundle: a headless host on this computer only, and a student's
# connection test against it (loopback only; nothing announced on a network).
export CONTINUUM_LAN=off
"$exe" host kosovo --headless --port 0 --bind 127.0.0.1 --journal "$work/class.journal" \
  > "$work/host.out" 2>&1 &
host_pid=$!
for _ in $(seq 1 100); do grep -q "^join codes:" "$work/host.out" 2>/dev/null && break; sleep 0.2; done
address=$(sed -n 's|^address: ws://||p' "$work/host.out")
code=$(awk '$1 == "servia" {print $2; exit}' "$work/host.out")
[ -n "$address" ] && [ -n "$code" ] || { cat "$work/host.out" >&2; kill "$host_pid"; exit 1; }
"$exe" join "$address" --code "$code" --check | tee "$work/join.out"
grep -q "as the Republic of Servia (servia), turn 1" "$work/join.out" \
  || { echo "join: the host did not seat the student" >&2; kill "$host_pid"; exit 1; }
kill -INT "$host_pid"; wait "$host_pid" || true
[ -s "$work/class.journal" ] || { echo "host: no journal kept" >&2; exit 1; }
echo "host and join: a student joined the class's seat"
checks=$((checks + 1))

CONTINUUM_QUIT_AFTER_FIRST_FRAME=1 "$exe" | grep -q "first frame: MainMenu" || { echo "window: no main menu" >&2; exit 1; }
echo "window: the main menu draws"
checks=$((checks + 1))

after=$(ls -A "$(dirname "$exe")" | sort)
[ "$before" = "$after" ] || { echo "smoke: the binary wrote beside itself" >&2; exit 1; }
checks=$((checks + 1))
echo "smoke: $checks passed, 0 failed"
