# Sourced by the bench scripts: builds the release binary the way a district deploys it (README, "Deploying") and
# sets BIN. `--static-swift-stdlib` links the Swift runtime and Foundation into the one binary.
BUILD=(swift build -c release --static-swift-stdlib)
BUILD_LOG=$(mktemp)
"${BUILD[@]}" --product xinyu >"$BUILD_LOG" 2>&1 || { tail -40 "$BUILD_LOG" >&2; rm -f "$BUILD_LOG"; exit 1; }
rm -f "$BUILD_LOG"
BIN="$("${BUILD[@]}" --show-bin-path)/xinyu"
