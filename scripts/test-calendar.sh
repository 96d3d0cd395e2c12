#!/usr/bin/env bash
# The calendar stage of `npm test` (issue #22): the unit and integration tiers run again
# under libfaketime, in the future and on Europe/Paris's hard days, so that a test that
# meets the real clock with a literal date fails today rather than on the day it passes.
#
# The faked clock is process-wide (LD_PRELOAD): vitest's workers and the embedded
# PostgreSQL they start inherit it. TZ=UTC makes libfaketime read "@…" as UTC; the
# suite itself runs with the machine's zone unset, as in the other stages.
#
#   bash scripts/test-calendar.sh            # the four runs
#   bash scripts/test-calendar.sh '+400d'    # one run, whole tiers
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null; then
  echo "faketime is missing: apt-get install faketime (.ci/run installs it)" >&2
  exit 1
fi

# The hard days run the whole unit tier and the integration files whose subject is
# time (slots, holds, reminders, campaigns, statements, retention, limits, the seed);
# the +400 days run takes both tiers whole. A whole integration run takes ~2 minutes.
TIME_FILES=(
  lib/slots/manage-schedule.int.test.ts
  lib/orders/checkout/place-orders.int.test.ts
  lib/orders/checkout/checkout-options.int.test.ts
  lib/orders/emails/follow-ups.int.test.ts
  lib/orders/changes/cancel-order.int.test.ts
  lib/orders/changes/short-line.int.test.ts
  lib/orders/changes/reschedule.int.test.ts
  lib/orders/changes/substitutes.int.test.ts
  lib/orders/changes/substitute-consent.int.test.ts
  lib/orders/changes/substitute-reauthorization.int.test.ts
  lib/orders/changes/slot-moves.int.test.ts
  lib/orders/handover/shop-transitions.int.test.ts
  lib/orders/handover/relay-handover.int.test.ts
  lib/dashboard/daily-summary.int.test.ts
  lib/delivery/delivery-round.int.test.ts
  lib/delivery/delivery-checkout.int.test.ts
  lib/jobs/queue.int.test.ts
  lib/vouchers/campaigns.int.test.ts
  lib/vouchers/statements.int.test.ts
  lib/privacy/privacy.int.test.ts
  lib/security/throttling.int.test.ts
  lib/auth/auth-sessions.int.test.ts
  prisma/seed/seed.int.test.ts
)

# "<faketime spec>|<label>|<whole integration tier?>"
RUNS=(
  "+400d|+400 days|whole"
  "@2027-03-28 00:30:00|2027-03-28 01:30 Europe/Paris (an hour before spring forward)|time"
  "@2027-10-31 00:30:00|2027-10-31 02:30 Europe/Paris (the repeated hour)|time"
  "@2028-02-29 22:59:00|2028-02-29 23:59 Europe/Paris (leap day, last minute)|time"
)
if [ $# -gt 0 ]; then RUNS=("$1|$1|whole"); fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Runs one tier under the fake clock; prints its count of passed tests, fails if any failed.
run_tier() {
  local spec="$1" tier="$2" json="$3"; shift 3
  TZ=UTC faketime -f "$spec" env -u TZ npx vitest run --project "$tier" "$@" \
    --reporter=dot --reporter=json --outputFile.json="$json" >"$json.log" 2>&1 || {
      tail -n 60 "$json.log" >&2
      return 1
    }
  node -e 'const r = require(process.argv[1]); if (r.numFailedTests > 0 || !r.success) process.exit(1); console.log(r.numPassedTests)' "$json"
}

lines=()
status=0
for run in "${RUNS[@]}"; do
  IFS='|' read -r spec label scope <<<"$run"
  files=()
  if [ "$scope" = time ]; then files=("${TIME_FILES[@]}"); fi
  clock="$(TZ=UTC faketime -f "$spec" env -u TZ node -e 'console.log(new Date().toLocaleString("fr-FR", { timeZone: "Europe/Paris" }))')"
  echo "calendar: ${label} — clock inside the run: ${clock} (Paris)"
  if ! unit="$(run_tier "$spec" unit "$out/unit.json")"; then
    echo "calendar: ${label} unit FAILED"; status=1; continue
  fi
  if ! integration="$(run_tier "$spec" integration "$out/int.json" "${files[@]}")"; then
    echo "calendar: ${label} unit ${unit} passed, integration FAILED"; status=1; continue
  fi
  suffix=""
  if [ "$scope" = time ]; then suffix=" (${#TIME_FILES[@]} time files)"; fi
  lines+=("calendar: ${label} unit ${unit} passed, integration ${integration} passed${suffix}")
  echo "${lines[-1]}"
done

printf '\n'
printf '%s\n' "${lines[@]}"
exit "$status"
