#!/usr/bin/env bash
# Issue #25: the integration tier on a PostgreSQL *server* from Debian's packages (not the
# embedded one), reached by URL the way a town's own server would be. The stage starts its
# own cluster (initdb + pg_ctl of Debian's binaries, as the postgres user, in a temporary
# folder, on a free local port), runs the tier against it, and prints
#   postgres <version>: integration <n> passed
# .ci/run installs Debian's `postgresql` when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | head -n 1 || true)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "Debian's PostgreSQL server is not installed: apt-get install postgresql (bash .ci/run does it)." >&2
  exit 1
fi

dir="$(mktemp -d /tmp/comptoir-debian-pg-XXXXXX)"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

stop() {
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
version="$("$bin/postgres" --version | awk '{print $3}')"

results="$dir/results.json"
TEST_POSTGRES_SERVER_URL="postgresql://postgres@127.0.0.1:$port/postgres" \
  npx vitest run --project integration --reporter=default --reporter=json --outputFile="$results"
passed="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).numPassedTests)' "$results")"
echo "postgres $version: integration $passed passed"
