#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz under ASan+UBSan, each for a fixed time on its
# committed corpus, and prints how many inputs each one executed.
#
#   tests/fuzz/run.sh [--merge] [--minimize] [SECONDS] [TARGET...]
#
#   SECONDS     time per target (default 600); .ci/run uses 25
#   TARGET      json_reader content_files calc_deadline calc_fee calc_checklist calc_form
#               calc_data markdown import_portal search (default: all; MOTCUA_FUZZ_TARGETS in CMakeLists.txt)
#   --merge     afterwards, add to tests/fuzz/corpus/<target>/ the new inputs that reach new
#               coverage (review and commit them)
#   --minimize  afterwards, rewrite tests/fuzz/corpus/<target>/ as the smallest subset with
#               the same coverage (the seed-* files written by make_corpus.py are kept)
#
# Needs clang and libclang-rt-14-dev (`./build.sh fuzz` installs them). Builds build-fuzz/
# (-DMOTCUA_FUZZ=ON) first. New inputs, logs and findings go to build-fuzz/fuzz-out/<target>/;
# the committed corpus is only read, unless --merge or --minimize is given. A crash, a
# broken invariant, an input slower than 10 s or one needing more than 2 GB fails the run:
# copy the reproducer into tests/fuzz/regressions/<target>/ (see README "Tests").
set -euo pipefail
cd "$(dirname "$0")/../.."

# The targets are listed once, in tests/fuzz/CMakeLists.txt.
read -ra all_targets < <(sed -n 's/^set(MOTCUA_FUZZ_TARGETS \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt) || true
if ((${#all_targets[@]} == 0)); then
  echo "run.sh: no targets found: keep set(MOTCUA_FUZZ_TARGETS ...) on one line in tests/fuzz/CMakeLists.txt" >&2
  exit 2
fi
seconds=600
merge=0
minimize=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --merge) merge=1 ;;
    --minimize) minimize=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    ''|*[!0-9]*) targets+=("$arg") ;;
    *) seconds=$arg ;;
  esac
done
((${#targets[@]})) || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "unknown target: $t (known: ${all_targets[*]})" >&2; exit 2; }
done

build=build-fuzz
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DMOTCUA_FUZZ=ON -DMOTCUA_BUILD_TESTS=OFF -DMOTCUA_BUILD_WASM=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

symbolizer=$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
[[ -n "$symbolizer" ]] && export ASAN_SYMBOLIZER_PATH=$symbolizer

# Longest input a target mutates to: a content file, a data file, a request, a Markdown text.
max_len() {
  case "$1" in
    content_files) echo 24576 ;;
    calc_data) echo 20480 ;;
    import_portal) echo 16384 ;;
    search) echo 8192 ;;
    json_reader|markdown) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

dict() {
  case "$1" in
    markdown|import_portal) echo "tests/fuzz/$1.dict" ;;
    *) echo tests/fuzz/json.dict ;;
  esac
}

failed=()
summary=()
for t in "${targets[@]}"; do
  out="$build/fuzz-out/$t"
  rm -rf "$out/findings"
  mkdir -p "$out/new" "$out/findings"
  corpus=tests/fuzz/corpus/$t
  echo "== fuzz_$t: $seconds s on $corpus"
  status=ok
  # New inputs go to $out/new (the first folder); the committed corpus is only read.
  if ! "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 \
        -rss_limit_mb=2048 -malloc_limit_mb=2048 -dict="$(dict "$t")" -print_final_stats=1 \
        -artifact_prefix="$out/findings/" "$out/new" "$corpus" >"$out/log" 2>&1; then
    status=FAILED
    failed+=("$t")
  fi
  # A run that stopped on its first input has no "cov:" line: grep's status must not end the
  # script (set -e, pipefail) before the failure is shown and the other targets run.
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/log" | tail -1)
  cov=$({ grep -o 'cov: [0-9]*' "$out/log" || true; } | tail -1 | cut -d' ' -f2)
  added=$(sed -n 's/^stat::new_units_added: *//p' "$out/log" | tail -1)
  grep -E '^Done [0-9]+ runs' "$out/log" || true
  if [[ $status != ok ]]; then
    echo "--- fuzz_$t failed ($out/log):"
    pattern='^==[0-9]+==ERROR|runtime error|fuzz invariant broken|ALARM|out-of-memory|deadly signal'
    if grep -qE "$pattern" "$out/log"; then
      { grep -E -A40 "$pattern" "$out/log" || true; } | head -60
    else
      tail -40 "$out/log"
    fi
    ls "$out/findings" | sed "s|^|    reproducer: $out/findings/|"
  fi
  summary+=("$(printf '%-16s %10s runs %7s exec/s  cov %6s  new %5s  %s' "$t" "${runs:-?}" "${rate:-?}" "${cov:-?}" \
              "${added:-?}" "$status")")

  if ((merge || minimize)); then
    mkdir -p "$out/merged"
    if ((minimize)); then
      # Seeds stay; everything else is replaced by the smallest set adding coverage to them.
      rm -rf "$out/merged" && mkdir -p "$out/merged" && cp "$corpus"/seed-* "$out/merged/"
      "$build/tests/fuzz/fuzz_$t" -merge=1 -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
        "$out/merged" "$corpus" "$out/new" >>"$out/log" 2>&1
      find "$corpus" -type f ! -name 'seed-*' -delete
      cp -n "$out/merged"/* "$corpus/"
    else
      "$build/tests/fuzz/fuzz_$t" -merge=1 -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
        "$corpus" "$out/new" >>"$out/log" 2>&1
    fi
    echo "   $corpus: $(ls "$corpus" | wc -l) files, $(du -sk "$corpus" | cut -f1) KB"
  fi
done

echo
echo "Fuzzing summary ($seconds s per target, ASan+UBSan; executions as libFuzzer counts them):"
printf '  %s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "FAILED: ${failed[*]}; reproducers in $build/fuzz-out/<target>/findings/" >&2
  exit 1
fi
