# Shared by the benchmark scripts (sourced, not run).
# On the small shared VMs these run on, one run of a command can be 30% off its usual time, so
# every figure is the median of RUNS runs (default 3; set RUNS to change it), each run preceded by
# the setup its caller gives.

RUNS=${RUNS:-3}

# median SECONDS... : the median of the given figures, two decimals.
median() {
  python3 -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.2f}')" "$@"
}

# timed SETUP COMMAND... : runs SETUP (a shell snippet, untimed; may be ':') then times COMMAND,
# RUNS times, and prints the median wall time in seconds. A failing command ends the script
# with its output.
timed() {
  local setup=$1; shift
  local figures=() start end log
  log=$(mktemp)
  for _ in $(seq "$RUNS"); do
    eval "$setup"
    start=$(date +%s.%N)
    "$@" >"$log" 2>&1 || { echo "failed: $*" >&2; cat "$log" >&2; rm -f "$log"; exit 1; }
    end=$(date +%s.%N)
    figures+=("$(python3 -c "print($end - $start)")")
  done
  rm -f "$log"
  [ -z "${BENCH_VERBOSE:-}" ] || echo "$* runs: ${figures[*]}" >&2
  median "${figures[@]}"
}

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
