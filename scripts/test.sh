#!/usr/bin/env bash
# Run nbdev_test over every notebook, then the sync check; print `N passed, N failed` (notebooks).
# Usage: scripts/test.sh [FLAGS]   e.g. `scripts/test.sh slow` also runs cells marked `#| slow`.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
start=$(date +%s)
nbdev_test --n_workers 2 --do_print --timing --flags "${*:-}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
total=$(grep -o 'Starting [^ ]*\.ipynb' "$log" | sort -u | wc -l)   # -o: two workers may print on one line
failed=$(sed -n '/Failed On The Following Notebooks/,$p' "$log" | grep -c $'^\t')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # nbdev_test itself crashed
echo "nbdev_test: $((total - failed)) of $total notebooks passed in $(( $(date +%s) - start )) s"
make --no-print-directory sync-check || { failed=$((failed + 1)); total=$((total + 1)); }
total=$((total + 1))   # the sync check counts as one test
echo "$((total - failed)) passed, $failed failed"
rm -f "$log"
[ "$failed" -eq 0 ]
