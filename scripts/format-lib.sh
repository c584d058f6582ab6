# Sourced by scripts/format.sh and scripts/format-lint.sh: the Swift sources that swift-format owns (issue #13),
# as the array FORMAT_PATHS, relative to the package root. Directories without Swift files are left out, and
# .build (at the root) is never among them.
FORMAT_PATHS=()
for p in Package.swift Sources Tests Importers Certifications Curriculum bench; do
  if [ -f "$p" ] || { [ -d "$p" ] && [ -n "$(find "$p" -name '*.swift' -not -path '*/.build/*' -print -quit)" ]; }; then
    FORMAT_PATHS+=("$p")
  fi
done

# swift format is part of the Swift 6 toolchain; .swift-format was written for swift-format 6.3, and another
# version may lay some lines out differently (then run scripts/format.sh with that version, or use 6.3).
format_tool_check() {
  local v
  if ! v=$(swift format --version 2>/dev/null); then
    echo "error: 'swift format' is not available (it ships with the Swift 6 toolchain)" >&2
    return 1
  fi
  case "$v" in
    6.3*) ;;
    *) echo "warning: swift-format $v; .swift-format was written for 6.3" >&2 ;;
  esac
}
