#!/usr/bin/env bash
# Benchmark of the client (see README.md beside this script): prompd install against cargo fetch,
# both from static registries of the same dependency graph served by the same nginx on 127.0.0.1.
# Usage: bench/client.sh [PACKAGES]   (default 150); each figure is the median of RUNS runs (default 3).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib.sh"
n=${1:-150}
client="$root/client/target/prompd"
generator="$root/generator/target/prompd-registry.jar"
[ -f "$client" ] && [ -f "$generator" ] || (cd "$root" && ./mvnw -q -B package -DskipTests)
command -v cargo >/dev/null || { echo "cargo is needed for the peer measurement" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is needed (apt-get install -y nginx-light)" >&2; exit 1; }
work=$(mktemp -d /tmp/prompd-client-bench.XXXXXX)
chmod 755 "$work"  # nginx's workers run unprivileged and must enter it
trap '"$root/bench/nginx.sh" stop "$work"; rm -rf "$work"' EXIT
cargo_port=$((20000 + RANDOM % 10000)); prompd_port=$((cargo_port + 1))

python3 "$root/../shared/bench/cargo_peer.py" "$work/cargo" "$n" "$cargo_port" >/dev/null
python3 "$root/bench/synthetic_registry.py" "$work/repo" "$n" >/dev/null
java -jar "$generator" build "$work/repo" --out "$work/site" >/dev/null
"$root/bench/nginx.sh" start "$work" "$cargo_port:$work/cargo/registry" "$prompd_port:$work/site"

# The same five roots as the cargo peer's root crate.
mkdir -p "$work/project"
python3 - "$work/project/prompd.json" "$n" <<'PY'
import json, sys
deps = {f"@bench/pkg{k:05d}": "^1.1" for k in range(min(5, int(sys.argv[2])))}
json.dump({"name": "bench-root", "version": "0.1.0", "description": "benchmark project", "license": "MIT",
           "dependencies": deps}, open(sys.argv[1], "w"), indent=2)
PY

# Each cold run gets homes of its own: deleting tens of thousands of files just before a run
# slows the file creation it measures. Everything is deleted at the end.
run=0
cold_cargo() { (cd "$work/cargo/root" && CARGO_HOME="$work/cargo-home-$run" cargo fetch); }
cold_prompd() { (cd "$work/project" && PROMPD_HOME="$work/home-$run" "$client" install --registry "$registry"); }
warm_prompd() { (cd "$work/project" && PROMPD_HOME="$work/home" "$client" install --registry "$registry"); }
registry="http://127.0.0.1:$prompd_port/"

cargo_cold=$(timed 'run=$((run + 1)); rm -f "$work/cargo/root/Cargo.lock"' cold_cargo)
prompd_cold=$(timed 'run=$((run + 1)); rm -f "$work/project/prompd.lock"' cold_prompd)
rm -f "$work/project/prompd.lock"
warm_prompd >/dev/null
installed=$(find "$work/home/packages" -mindepth 2 -maxdepth 3 -name "*@*" -type d | wc -l)
prompd_warm=$(timed : warm_prompd)
version=$(timed : "$client" --version)

echo "graph: $n packages x 4 versions; prompd installed $installed package versions; median of $RUNS runs"
echo "cold cargo fetch:                 ${cargo_cold} s"
echo "cold prompd install:              ${prompd_cold} s   ratio $(ratio "$prompd_cold" "$cargo_cold") (goal <= 1.00)"
echo "warm prompd install (lock, store):${prompd_warm} s   (goal <= 0.40)"
echo "prompd --version:                 ${version} s   (goal <= 0.30)"
