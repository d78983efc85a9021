#!/usr/bin/env bash
# Benchmark of the registry generator (see README.md beside this script).
# Usage: bench/generator.sh [PACKAGES]   (default 5000 packages x 4 versions)
# Prints each figure (median of RUNS runs, default 3) and its ratio to the peer (`tar czf` of the
# same version folders), measured in this run, and the same ratio for the least work any JVM build of
# those outputs does (BuildFloor.java), to tell the generator's own cost from what the goal leaves.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib.sh"
n=${1:-5000}
launcher="$root/generator/target/prompd-registry"
# The generator as its launcher runs it (generator/README.md): C1 only, since a build is a few
# seconds of many short code paths (JGit, Jackson, SnakeYAML, zlib) and C2 compiling them on a
# 2-core runner cost more CPU than it saved (full build 31 s -> 18 s user CPU); the throughput
# collector (13.5 s -> 12.7 s against G1); and the class-data sharing archive made at build time.
# JAVA_OPTS adds to or overrides those options: -Xmx512m as the goal says by default.
export JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
[ -f "$launcher" ] || (cd "$root" && ./mvnw -q -B package -DskipTests)
# On tmpfs by default: on the small VMs this runs on, creating the ~45,000 output files on ext4
# costs ~10 s of kernel time by itself, which would measure the disk rather than the generator.
# BENCH_DIR=/some/disk/folder measures on a real disk (the peer then runs there too).
base=${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp )}
work=$(mktemp -d "$base/prompd-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
generator() { "$launcher" "$@"; }
mkdir "$work/floor-classes"
javac -d "$work/floor-classes" -cp "$root/generator/target/prompd-registry.jar" "$root/bench/BuildFloor.java"
# The floor runs with the launcher's JVM options and JAVA_OPTS.
launcher_options=$(sed -n 's:.*<launcher.jvmOptions>\(.*\)</launcher.jvmOptions>.*:\1:p' "$root/generator/pom.xml")
floor() {
  # shellcheck disable=SC2086 # word splitting of the option lists is meant
  java $launcher_options $JAVA_OPTS \
    -cp "$root/generator/target/prompd-registry.jar:$work/floor-classes" BuildFloor "$@"
}

python3 "$root/bench/synthetic_registry.py" "$work/repo" "$n" >/dev/null
echo "registry: $n packages x 4 versions, $(cd "$work/repo" && git ls-files | wc -l) files, in $base; median of $RUNS runs"

peer=$(timed 'rm -f "$work/peer.tgz"' tar czf "$work/peer.tgz" -C "$work/repo" packages)
full=$(timed 'rm -rf "$work/out" "$work/.out.old"' generator build "$work/repo" --out "$work/out")
echo "tar czf of the version folders:        ${peer} s"
floor_files=$(timed 'rm -rf "$work/floor-out"' floor "$work/repo/packages" "$work/floor-out")
floor_parsed=$(timed 'rm -rf "$work/floor-out"' floor "$work/repo/packages" "$work/floor-out" --parse)
echo "full build (JAVA_OPTS=$JAVA_OPTS):      ${full} s   ratio $(ratio "$full" "$peer") (goal <= 2.00)"
echo "floor, files only (BuildFloor.java):    ${floor_files} s   ratio $(ratio "$floor_files" "$peer")"
echo "floor, files and parsed documents:      ${floor_parsed} s   ratio $(ratio "$floor_parsed" "$peer")"

# One new version on a branch: the pull request's check, then, merged, an incremental build over
# the previous output (each run starts from the full build of main, kept aside).
cp -r "$work/repo/packages/@bench/pkg00000/2.0.0" "$work/repo/packages/@bench/pkg00000/2.0.1"
sed -i 's/"version": "2.0.0"/"version": "2.0.1"/' "$work/repo/packages/@bench/pkg00000/2.0.1/prompd.json"
(cd "$work/repo" && git checkout -q -b pr && git add -A && git -c user.name=bench -c user.email=b@example.org commit -qm "pkg00000 2.0.1")
check=$(timed : generator check "$work/repo" --base main --head pr --actor bench)
(cd "$work/repo" && git checkout -q main)
rm -rf "$work/out" "$work/.out.old"
generator build "$work/repo" --out "$work/main-build" >/dev/null
(cd "$work/repo" && git merge -q --ff-only pr)
incremental=$(timed 'rm -rf "$work/out" "$work/.out.old"; cp -al "$work/main-build" "$work/out"' \
  generator build "$work/repo" --out "$work/out")
nothing=$(timed : generator build "$work/repo" --out "$work/out")
echo "check of a one-version pull request:   ${check} s   (goal <= 3.00)"
echo "incremental build after one version:   ${incremental} s   (goal <= 3.00)"
echo "build with nothing changed:            ${nothing} s"
