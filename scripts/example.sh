#!/usr/bin/env bash
# The main job on the bundled example registry: turns index-template/ into a Git repository (as a
# registry is), builds the static registry from it with prompd-registry, and checks that a client
# can install from the result through file://. With --serve, previews it on http://127.0.0.1:8080/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f generator/target/prompd-registry.jar ] && [ -f client/target/prompd.jar ] || ./mvnw -q -B package -DskipTests

repo=target/example/registry-repo
out=target/example/registry
rm -rf target/example
mkdir -p "$repo"
cp -R index-template/. "$repo"
git -C "$repo" init -q -b main
git -C "$repo" add -A
GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z \
  git -C "$repo" -c user.name=example -c user.email=example@example.org commit -q -m "Seed the example registry"

java -jar generator/target/prompd-registry.jar build "$repo" --out "$out"
echo "static registry written to $out"

# A client installs from the result as from any static host: here through file://.
project=target/example/project
home=target/example/home
mkdir -p "$project"
printf '{\n  "name": "example-project",\n  "version": "1.0.0",\n  "license": "MIT"\n}\n' > "$project/prompd.json"
# The output's file:// URL, with what a folder's path may hold and a URL cannot hold as itself escaped.
url="file://$(printf '%s' "$root/$out" | sed 's/%/%25/g; s/ /%20/g; s/#/%23/g; s/?/%3F/g; s/\[/%5B/g; s/]/%5D/g')/"
prompd() { (cd "$project" && PROMPD_HOME="$root/$home" java -jar "$root/client/target/prompd.jar" --registry "$url" "$@"); }
prompd install @prompd/test-writer
prompd tree

if [ "${1:-}" = "--serve" ]; then
  exec java -jar generator/target/prompd-registry.jar serve "$out" --port 8080
fi
