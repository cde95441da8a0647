#!/usr/bin/env bash
# Makes a local PostgreSQL server ready for Fila's tests and prints its JDBC URL on stdout.
#
# Idempotent and safe to run twice (or from two test runs at once: the steps hold a lock):
#   1. installs Debian's `postgresql` package when no server is installed (needs root: CI is root);
#   2. creates a cluster when there is none, and starts it when it is down (`pg_ctlcluster`);
#   3. creates the role FILA_PG_USER (default `fila`, LOGIN CREATEDB, password FILA_PG_PASSWORD,
#      default `fila_test`) and the database FILA_PG_DATABASE (default `fila_test`) it owns, or
#      resets the password when they exist;
#   4. prints `jdbc:postgresql://127.0.0.1:PORT/DATABASE` (nothing else goes to stdout).
#
# The server listens on the loopback address only (Debian's default). The role is a test role with
# a fixed, documented password: never point this script at a production server.
#
# Usage: bin/postgres-for-tests.sh            # prints the URL
#        eval "$(bin/postgres-for-tests.sh --export)"   # exports FILA_PG_URL, FILA_PG_USER, FILA_PG_PASSWORD
set -euo pipefail

user="${FILA_PG_USER:-fila}"
password="${FILA_PG_PASSWORD:-fila_test}"
database="${FILA_PG_DATABASE:-fila_test}"
export_mode=0
[ "${1:-}" = "--export" ] && export_mode=1

say() { echo "postgres-for-tests: $*" >&2; }
die() {
  say "$*"
  exit 1
}

case "$user$database" in
  *[!a-z0-9_]*) die "FILA_PG_USER and FILA_PG_DATABASE may hold only a-z, 0-9 and _" ;;
esac
case "$password" in
  *"'"*) die "FILA_PG_PASSWORD may not contain a single quote" ;;
esac

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}

as_postgres() { # runs a command as the postgres system user
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
    sudo -n -u postgres "$@"
  else
    die "need root, passwordless sudo or the postgres user to set up the test database"
  fi
}

# One set-up at a time on this machine (several worktrees may run their tests together).
lock="${TMPDIR:-/tmp}/fila-postgres-for-tests.lock"
exec 9> "$lock"
if command -v flock > /dev/null; then
  flock -w 300 9 || die "waited 300 s for $lock"
fi

# 1. The server package.
if ! command -v pg_lsclusters > /dev/null || [ -z "$(ls /usr/lib/postgresql/*/bin/postgres 2> /dev/null)" ]; then
  say "no PostgreSQL server installed: installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q >&2 || die "apt-get update failed (root is needed to install PostgreSQL)"
  as_root apt-get install -y -q postgresql >&2 9>&- || die "apt-get install postgresql failed"
fi

# 2. A cluster, running. pg_lsclusters -h: version cluster port status owner datadir logfile
cluster_line=$(pg_lsclusters -h | head -n 1)
if [ -z "$cluster_line" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  say "no cluster: creating $version/main"
  as_root pg_createcluster "$version" main >&2 9>&- || die "pg_createcluster $version main failed"
  cluster_line=$(pg_lsclusters -h | head -n 1)
fi
read -r version cluster port status _ <<< "$cluster_line"
if [ "$status" != online ]; then
  say "starting cluster $version/$cluster"
  # 9>&-: the server must not inherit the lock's descriptor, or it would hold the lock forever.
  if ! as_root pg_ctlcluster "$version" "$cluster" start >&2 9>&-; then
    # Another process may have started it meanwhile; only a cluster that is still down is an error.
    pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }' | grep -qx online \
      || die "pg_ctlcluster $version $cluster start failed (see /var/log/postgresql/)"
  fi
fi
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || die "the server on port $port does not accept connections after 30 s"

# 3. Role and database.
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@"; }
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" = 1 ]; then
  psql_admin -c "ALTER ROLE $user WITH LOGIN CREATEDB PASSWORD '$password'" >&2
else
  say "creating role $user"
  psql_admin -c "CREATE ROLE $user WITH LOGIN CREATEDB PASSWORD '$password'" >&2
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
  say "creating database $database"
  psql_admin -c "CREATE DATABASE $database OWNER $user" >&2
fi

# 4. Check that the role can log in over TCP with its password, then print the URL.
PGPASSWORD="$password" psql -X -q -h 127.0.0.1 -p "$port" -U "$user" -d "$database" -tAc "SELECT 1" > /dev/null \
  || die "role $user cannot log in to $database on 127.0.0.1:$port with its password (pg_hba.conf?)"
url="jdbc:postgresql://127.0.0.1:$port/$database"
if [ "$export_mode" = 1 ]; then
  printf 'export FILA_PG_URL=%q FILA_PG_USER=%q FILA_PG_PASSWORD=%q\n' "$url" "$user" "$password"
else
  echo "$url"
fi
