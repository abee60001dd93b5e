#!/usr/bin/env bash
# Regenerates the figures of docs/economics.md from the curve code the runtime runs: the tables
# between the `<!-- curve-table -->` / `<!-- revenue-table -->` markers and the plot
# docs/economics-curve.svg. With --check, fails (exit 1) if the committed document differs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

doc=docs/economics.md
svg=docs/economics-curve.svg
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

SKIP_WASM_BUILD=1 cargo run --quiet --profile "$PROFILE" --locked -p diem-primitives \
	--example economics -- "$tmp/curve.svg" >"$tmp/figures.md"

# Replace each marked block of the document with the freshly printed one.
python3 - "$doc" "$tmp/figures.md" "$tmp/economics.md" <<'PY'
import re, sys
doc, figures, out = (open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3])
for name in ("curve-table", "revenue-table"):
    block = re.search(rf"<!-- {name} -->.*?<!-- /{name} -->", figures, re.S)
    if not block or not re.search(rf"<!-- {name} -->.*?<!-- /{name} -->", doc, re.S):
        sys.exit(f"economics: marker {name} missing")
    doc = re.sub(rf"<!-- {name} -->.*?<!-- /{name} -->", lambda _: block.group(0), doc, flags=re.S)
open(out, "w").write(doc)
PY

if [ "${1:-}" = "--check" ]; then
	if ! cmp -s "$tmp/economics.md" "$doc" || ! cmp -s "$tmp/curve.svg" "$svg"; then
		echo "economics: $doc or $svg is stale; run scripts/economics.sh" >&2
		exit 1
	fi
	echo "economics: $doc and $svg are up to date"
else
	cp "$tmp/economics.md" "$doc"
	cp "$tmp/curve.svg" "$svg"
	echo "economics: wrote $doc and $svg"
fi
