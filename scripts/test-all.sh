#!/usr/bin/env bash
# The whole test suite: typecheck, lint, unit, integration, then end-to-end
# against a production build. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Each stage's heading also says how long the one before it took, so that a CI log
# shows where the minutes go (the brief keeps CI well under 30 minutes).
suite_started=$SECONDS
stage_started=$SECONDS
stage_name=""
stage() {
  if [ -n "$stage_name" ]; then printf '(%s: %d s)\n' "$stage_name" $((SECONDS - stage_started)); fi
  stage_name="$1"; stage_started=$SECONDS
  printf '\n\033[1m== %s ==\033[0m\n' "$1"
}

stage "prisma generate"
node scripts/prisma-generate.mjs
stage "typecheck"
npx tsc --noEmit
stage "lint"
npx eslint --max-warnings 0 .
stage "unit tests"
npx vitest run --project unit
stage "integration tests (embedded PostgreSQL)"
npx vitest run --project integration
stage "integration tests again on Debian's PostgreSQL server (the oldest supported)"
bash scripts/test-postgres-server.sh
stage "calendar (unit and integration again under faketime: +400 days and Paris's hard days)"
bash scripts/test-calendar.sh
stage "production build"
npx next build
stage "HTTP tests (production servers, embedded PostgreSQL)"
npx vitest run --project http
stage "chaos (two production instances, kill -9, database restart)"
npx vitest run --project chaos
stage "end-to-end tests (Playwright, production build, embedded PostgreSQL)"
# A11Y_AUDIT: the whole suite writes the accessibility statement's results (lib/accessibility/audit-results.json).
A11Y_AUDIT=1 npx playwright test
stage "pa11y (HTML_CodeSniffer, WCAG 2 AA, production build)"
A11Y_AUDIT=1 npx vitest run --project a11y
stage "Lighthouse budget (mobile preset, production build)"
npx vitest run --project lighthouse
stage "all tests passed"
printf 'suite: %d s\n' $((SECONDS - suite_started))
