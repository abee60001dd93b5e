#!/usr/bin/env bash
# Regenerates docs/cli.md from `diem-cli --help` (every command). Run it after changing the
# CLI's commands or options and commit the file; scripts/test.sh fails while it is stale.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
DIEM_UPDATE_DOCS=1 cargo test --workspace --profile "$PROFILE" --locked --test cli_reference
echo "wrote docs/cli.md"
