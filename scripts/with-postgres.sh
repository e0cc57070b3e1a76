#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a throwaway PostgreSQL cluster, then removes it.
#   scripts/with-postgres.sh --check      exit 0 when the server binaries are installed
#   scripts/with-postgres.sh CMD ARGS...  run CMD against a fresh cluster
set -euo pipefail
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  [ "${1:-}" = "--check" ] && exit 1
  echo "with-postgres: no PostgreSQL server found under /usr/lib/postgresql" >&2
  exit 1
fi
[ "${1:-}" = "--check" ] && exit 0

dir=$(mktemp -d /tmp/nastavnik-pg.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_postgres=()
if [ "$(id -u)" = 0 ]; then  # the server refuses to run as root
  chown postgres "$dir"
  as_postgres=(runuser -u postgres --)
fi
"${as_postgres[@]}" "$pgbin/initdb" -D "$dir/data" -U nastavnik --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability settings are off: this cluster lives for one test run.
"${as_postgres[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
cleanup() {
  "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
echo "with-postgres: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on port $port"
DATABASE_URL="postgres://nastavnik@127.0.0.1:$port/postgres" "$@"
