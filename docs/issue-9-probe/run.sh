#!/usr/bin/env bash
# Runs issue #9's probe tests against commit 3ef9c92 (before the fix): every test is expected to FAIL there.
# Usage: bash docs/issue-9-probe/run.sh   (from the repository root; needs git, mvn, JDK 17)
set -euo pipefail
root=$(git rev-parse --show-toplevel)
dir=$(mktemp -d)
git -C "$root" worktree add --detach "$dir" 3ef9c92 >/dev/null
trap 'git -C "$root" worktree remove --force "$dir"' EXIT
cp "$root/docs/issue-9-probe/HolesProbeTest.java" "$dir/core/src/test/java/dev/secondchance/idempotency/"
(cd "$dir" && mvn -B -q -f core/pom.xml test -Dtest=HolesProbeTest -Dsurefire.failIfNoSpecifiedTests=false) || true
