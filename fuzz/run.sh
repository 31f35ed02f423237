#!/usr/bin/env bash
# Runs every fuzz target for a while (default 30 s each; `bash fuzz/run.sh 600` for a longer
# look by hand). The machine has only the stable toolchain: RUSTC_BOOTSTRAP lets cargo-fuzz's
# flags through. A crash stops the run, fails it, and leaves the input in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-30}"
CARGO_FUZZ_VERSION=0.13.2
export RUSTC_BOOTSTRAP=1
bin_dir="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$bin_dir:$PATH"
if [[ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  (cd / && cargo install --locked --quiet cargo-fuzz --version "$CARGO_FUZZ_VERSION")
fi
bash seed.sh
for target in client_request upstream_stream; do
  echo "fuzz: $target for ${seconds}s"
  # No sanitizer: the code under test is safe Rust; overflow checks stay on (debug assertions).
  cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 2>&1 |
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+== ERROR|thread .* panicked|SUMMARY)" || true
  # grep hides the fuzzer's progress lines; the exit status is the fuzzer's.
  [[ "${PIPESTATUS[0]}" -eq 0 ]] || { echo "fuzz: $target FAILED (input in fuzz/artifacts/$target/)"; exit 1; }
done
echo "fuzz: no crash"
