#!/usr/bin/env bash
# Benchmark of the client (see README.md beside this script): prompd install against cargo fetch,
# both from static registries of the same dependency graph served by the same nginx on 127.0.0.1.
# Usage: bench/client.sh [PACKAGES]   (default 150)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
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

seconds() { # wall time of a command that must succeed
  local start end; start=$(date +%s.%N)
  "$@" >"$work/last.log" 2>&1 || { echo "failed: $*" >&2; cat "$work/last.log" >&2; exit 1; }
  end=$(date +%s.%N); python3 -c "print(f'{$end - $start:.2f}')"
}
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
prompd() { PROMPD_HOME="$work/home" "$client" "$@"; }

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

cargo_cold=$(cd "$work/cargo/root" && CARGO_HOME="$work/cargo-home" seconds cargo fetch)
prompd_cold=$(cd "$work/project" && seconds prompd install --registry "http://127.0.0.1:$prompd_port/")
installed=$(find "$work/home/packages" -mindepth 2 -maxdepth 3 -name "*@*" -type d | wc -l)
prompd_warm=$(cd "$work/project" && seconds prompd install --registry "http://127.0.0.1:$prompd_port/")
version=$(seconds "$client" --version)

echo "graph: $n packages x 4 versions; prompd installed $installed package versions"
echo "cold cargo fetch:                 ${cargo_cold} s"
echo "cold prompd install:              ${prompd_cold} s   ratio $(ratio "$prompd_cold" "$cargo_cold") (goal <= 1.00)"
echo "warm prompd install (lock, store):${prompd_warm} s   (goal <= 0.40)"
echo "prompd --version:                 ${version} s   (goal <= 0.30)"
