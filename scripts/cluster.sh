#!/usr/bin/env bash
# Several Partnerline nodes on one PostgreSQL server behind HAProxy, on this machine
# (issue 24, docs/adr/0028-nodes-behind-haproxy.md):
#
#   bash scripts/cluster.sh          start (or report what runs); prints the URL and the admin token last
#   bash scripts/cluster.sh stop     stop what it started, by the process ids in its pid files
#   bash scripts/cluster.sh status   what runs
#
# - PostgreSQL from Debian's packages (installed when missing), data in .cluster/postgres,
#   run as the postgres user, on a free loopback port;
# - PARTNERLINE_CLUSTER_NODES (default 2) application nodes from the built jar (built when
#   missing or older than the sources), each on a free port, named node1, node2, ...
#   (PARTNERLINE_NODE_NAME: every answer carries X-Partnerline-Node), all on that server
#   (PARTNERLINE_DB_URL, _DB_USER, _DB_PASSWORD) with one admin token (PARTNERLINE_ADMIN_TOKEN);
# - HAProxy (Debian, installed when missing) in front: round-robin, health checks on
#   /actuator/health, X-Forwarded-For and X-Forwarded-Proto; the nodes believe it as an
#   internal proxy because it connects from loopback (kernel.InternalProxies).
#
# Settings: PARTNERLINE_CLUSTER_DIR (default .cluster), PARTNERLINE_CLUSTER_PORT (HAProxy's
# port, default a free one), PARTNERLINE_CLUSTER_NODES, JAVA_OPTS (default -Xmx1g), and any
# PARTNERLINE_* setting of the README, passed to every node (PARTNERLINE_DEMO=true for the demo data).
# The state (ports, URLs, database credentials, admin token) is in .cluster/cluster.env.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(realpath -m "${PARTNERLINE_CLUSTER_DIR:-$root/.cluster}")
jar="$root/target/partnerline-0.1.0-SNAPSHOT.jar"
env_file="$work/cluster.env"
nodes="${PARTNERLINE_CLUSTER_NODES:-2}"
started=$SECONDS
say() { printf 'cluster: %s\n' "$*"; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }

# --- process ids -------------------------------------------------------------------------
# A pid file is believed only while its process is alive and is the program it names (a
# process id can be reused after a crash).
alive() { # pidfile word
	local pid
	[ -f "$1" ] || return 1
	pid=$(head -1 "$1" 2>/dev/null) || return 1
	[[ "$pid" =~ ^[0-9]+$ ]] || return 1
	kill -0 "$pid" 2>/dev/null || return 1
	tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}
stop_pid() { # pidfile word label signal
	local pid
	if alive "$1" "$2"; then
		pid=$(head -1 "$1")
		say "stopping $3 (pid $pid)"
		kill "-${4:-TERM}" "$pid" 2>/dev/null || true
		for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
		if kill -0 "$pid" 2>/dev/null; then
			say "$3 did not stop in 30 s: killing it"
			kill -KILL "$pid" 2>/dev/null || true
		fi
	fi
	rm -f "$1"
}
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_all() {
	local i
	stop_pid "$work/haproxy.pid" haproxy HAProxy TERM
	for i in $(seq 1 "$nodes"); do stop_pid "$work/node$i.pid" java "node$i" TERM; done
	# any node beyond the configured number from an earlier start with more of them
	for f in "$work"/node*.pid; do [ -e "$f" ] && stop_pid "$f" java "$(basename "$f" .pid)" TERM; done
	# PostgreSQL's fast shutdown: SIGINT to the postmaster
	stop_pid "$work/postgres.pid" postgres PostgreSQL INT
	say "stopped"
}

status() {
	local any=1 i
	alive "$work/postgres.pid" postgres && { say "PostgreSQL runs (pid $(head -1 "$work/postgres.pid"))"; any=0; }
	for i in $(seq 1 "$nodes"); do
		alive "$work/node$i.pid" java && { say "node$i runs (pid $(head -1 "$work/node$i.pid"))"; any=0; }
	done
	alive "$work/haproxy.pid" haproxy && { say "HAProxy runs (pid $(head -1 "$work/haproxy.pid"))"; any=0; }
	return $any
}

case "${1:-start}" in
stop) stop_all; exit 0 ;;
status) status || say "nothing runs"; exit 0 ;;
start) ;;
*) die "usage: bash scripts/cluster.sh [start|stop|status]" ;;
esac

# --- what it needs -----------------------------------------------------------------------
missing=()
[ -n "$(pg_bin)" ] || missing+=(postgresql)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
	say "installing ${missing[*]} from Debian"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq "${missing[@]}" >/dev/null
fi
haproxy_bin=$(command -v haproxy || echo /usr/sbin/haproxy)
bin=$(pg_bin)
mkdir -p "$work"
# the postgres user must pass through to its data folder; the files with secrets are 600
chmod 711 "$work"

if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
	if alive "$work/node1.pid" java; then
		say "the jar is older than the sources, but nodes run on it: stop them first to run a new build"
	else
		say "building the application with Maven (a few minutes)..."
		mvn -B -ntp -q -Dstyle.color=never -DskipTests package >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; die "build failed (log: $work/build.log)"; }
		say "built in $((SECONDS - started)) s"
	fi
fi

# --- state kept across starts: ports, credentials, admin token --------------------------
if [ -f "$env_file" ]; then
	# shellcheck disable=SC1090
	source "$env_file"
	# ports are kept only while something of the cluster runs on them; a new start takes free ones
	if ! status >/dev/null; then
		unset PG_PORT LB_PORT
		for i in $(seq 1 "$nodes"); do unset "NODE${i}_PORT"; done
	fi
fi
PG_PORT="${PG_PORT:-$(free_port)}"
LB_PORT="${PARTNERLINE_CLUSTER_PORT:-${LB_PORT:-$(free_port)}}"
DB_USER=partnerline
DB_PASSWORD="${DB_PASSWORD:-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)}"
ADMIN_TOKEN="${ADMIN_TOKEN:-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)}"
declare -A node_port
for i in $(seq 1 "$nodes"); do
	var="NODE${i}_PORT"
	node_port[$i]="${!var:-$(free_port)}"
done
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/partnerline"
{
	echo "# written by scripts/cluster.sh; read by it and by the cluster test (com.partnerline.cluster.ClusterIT)"
	echo "CLUSTER_DIR=$work"
	echo "CLUSTER_URL=http://127.0.0.1:$LB_PORT"
	echo "LB_PORT=$LB_PORT"
	echo "PG_PORT=$PG_PORT"
	echo "DB_URL=$DB_URL"
	echo "DB_USER=$DB_USER"
	echo "DB_PASSWORD=$DB_PASSWORD"
	echo "ADMIN_TOKEN=$ADMIN_TOKEN"
	echo "NODES=$nodes"
	for i in $(seq 1 "$nodes"); do
		echo "NODE${i}_PORT=${node_port[$i]}"
		echo "NODE${i}_URL=http://127.0.0.1:${node_port[$i]}"
		echo "NODE${i}_PID_FILE=$work/node$i.pid"
	done
} >"$env_file.new"
mv "$env_file.new" "$env_file"
chmod 600 "$env_file"

if status >/dev/null && alive "$work/haproxy.pid" haproxy && alive "$work/postgres.pid" postgres; then
	all=1
	for i in $(seq 1 "$nodes"); do alive "$work/node$i.pid" java || all=0; done
	if [ $all = 1 ]; then
		say "already running; nothing started (stop with: bash scripts/cluster.sh stop)"
		printf 'cluster: URL:         http://127.0.0.1:%s/\ncluster: admin token: %s\n' "$LB_PORT" "$ADMIN_TOKEN"
		exit 0
	fi
fi

# --- PostgreSQL --------------------------------------------------------------------------
pgdata="$work/postgres"
sockets="$work/sockets"
if ! as_postgres test -x "$work"; then
	# a work area the postgres user cannot pass through (a clone under /root, say): the
	# server's folders go to /var/tmp instead, one per work area, and are named here
	pgroot="/var/tmp/partnerline-cluster-$(printf '%s' "$work" | md5sum | cut -c1-12)"
	mkdir -p "$pgroot"
	chmod 711 "$pgroot"
	pgdata="$pgroot/postgres"
	sockets="$pgroot/sockets"
	say "the postgres user cannot reach $work: PostgreSQL's data goes to $pgroot"
fi
if alive "$work/postgres.pid" postgres; then
	say "PostgreSQL runs already (pid $(head -1 "$work/postgres.pid"), port $PG_PORT)"
else
	mkdir -p "$sockets"
	[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$sockets"
	if [ ! -f "$pgdata/PG_VERSION" ]; then
		say "creating the PostgreSQL data folder $pgdata ($("$bin/postgres" --version))"
		mkdir -p "$pgdata"
		[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdata"
		chmod 700 "$pgdata"
		as_postgres "$bin/initdb" -D "$pgdata" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=peer \
			--auth-host=scram-sha-256 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; die "initdb failed"; }
		fresh=1
	else
		fresh=0
	fi
	say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
	# The settings of README's "On a PostgreSQL server of your own" (ADR 0014), and room for
	# the nodes' pools (20 connections each) and Flyway's.
	touch "$work/postgres.log"
	[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/postgres.log"
	pglog="$work/postgres.log"
	as_postgres test -w "$pglog" || pglog="$(dirname "$pgdata")/postgres.log"
	as_postgres "$bin/pg_ctl" -D "$pgdata" -l "$pglog" -w -t 120 -o "-p $PG_PORT \
		-c listen_addresses=127.0.0.1 -c unix_socket_directories=$sockets -c max_connections=200 \
		-c shared_buffers=256MB -c max_wal_size=4GB -c min_wal_size=1GB -c wal_init_zero=off \
		-c backend_flush_after=512kB -c bgwriter_flush_after=512kB -c checkpoint_flush_after=256kB" start >/dev/null \
		|| { tail -20 "$pglog"; die "PostgreSQL did not start (log: $pglog)"; }
	head -1 "$pgdata/postmaster.pid" >"$work/postgres.pid"
	psql_pg() { as_postgres "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockets" -p "$PG_PORT" -U postgres "$@"; }
	if [ "$fresh" = 1 ] || ! psql_pg -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'" | grep -q 1; then
		say "creating the role $DB_USER and its database partnerline"
		psql_pg -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" >/dev/null
		psql_pg -d postgres -c "CREATE DATABASE partnerline OWNER $DB_USER" >/dev/null
	else
		# the password of cluster.env, also when that file was made anew
		psql_pg -d postgres -c "ALTER ROLE $DB_USER PASSWORD '$DB_PASSWORD'" >/dev/null
	fi
fi

# --- the nodes, all at once (Flyway's lock lets one of them migrate) -----------------------
for i in $(seq 1 "$nodes"); do
	if alive "$work/node$i.pid" java; then
		say "node$i runs already (pid $(head -1 "$work/node$i.pid"), port ${node_port[$i]})"
		continue
	fi
	mkdir -p "$work/node$i"
	say "starting node$i on 127.0.0.1:${node_port[$i]} (log: $work/node$i.log)"
	# shellcheck disable=SC2086
	PARTNERLINE_DB_URL="$DB_URL" PARTNERLINE_DB_USER="$DB_USER" PARTNERLINE_DB_PASSWORD="$DB_PASSWORD" \
		PARTNERLINE_PORT="${node_port[$i]}" PARTNERLINE_ADMIN_TOKEN="$ADMIN_TOKEN" \
		PARTNERLINE_PUBLIC_URL="${PARTNERLINE_PUBLIC_URL:-http://127.0.0.1:$LB_PORT}" \
		PARTNERLINE_NODE_NAME="node$i" PARTNERLINE_DATA_DIR="$work/node$i" \
		nohup java ${JAVA_OPTS:--Xmx1g} -jar "$jar" --db-scheduler.scheduler-name="node$i" \
		>"$work/node$i.log" 2>&1 </dev/null &
	echo $! >"$work/node$i.pid"
done

# --- HAProxy -------------------------------------------------------------------------------
cfg="$work/haproxy.cfg"
{
	cat <<EOF
# generated by scripts/cluster.sh
global
	maxconn 4096

defaults
	mode http
	timeout connect 2s
	timeout client 60s
	timeout server 60s
	timeout http-keep-alive 10s
	# a node that refuses the connection (stopped, killed) is not the client's problem:
	# the request goes to another node (connection failures only, so never a request twice)
	retries 3
	option redispatch 1

frontend partnerline
	bind 127.0.0.1:$LB_PORT
	# the client's address for the nodes (they believe it from a loopback peer, kernel.InternalProxies)
	option forwardfor
	http-request set-header X-Forwarded-Proto https if { ssl_fc }
	http-request set-header X-Forwarded-Proto http if !{ ssl_fc }
	default_backend nodes

backend nodes
	balance roundrobin
	option httpchk GET /actuator/health
	http-check expect status 200
	# a check every second; a node busy under load may take seconds to answer one (a tighter
	# check timeout took both nodes out under bench/cluster.sh's load), a stopped node refuses
	# at once and is out after 3 refusals, its requests meanwhile redispatched (retries above)
	timeout check 5s
	default-server inter 1s fastinter 500ms downinter 2s fall 3 rise 2
EOF
	for i in $(seq 1 "$nodes"); do
		printf '\tserver node%s 127.0.0.1:%s check\n' "$i" "${node_port[$i]}"
	done
} >"$cfg"
"$haproxy_bin" -c -q -f "$cfg" || die "HAProxy refuses its configuration $cfg"
if alive "$work/haproxy.pid" haproxy; then
	say "HAProxy runs already (pid $(head -1 "$work/haproxy.pid"), port $LB_PORT)"
else
	say "starting HAProxy on 127.0.0.1:$LB_PORT (config: $cfg)"
	nohup "$haproxy_bin" -f "$cfg" >"$work/haproxy.log" 2>&1 </dev/null &
	echo $! >"$work/haproxy.pid"
fi

# --- wait until every node answers -----------------------------------------------------------
for i in $(seq 1 "$nodes"); do
	for _ in $(seq 1 900); do
		alive "$work/node$i.pid" java || { tail -40 "$work/node$i.log"; die "node$i stopped (log: $work/node$i.log)"; }
		curl -fsS -o /dev/null "http://127.0.0.1:${node_port[$i]}/actuator/health" 2>/dev/null && break
		sleep 0.5
	done
	curl -fsS -o /dev/null "http://127.0.0.1:${node_port[$i]}/actuator/health" || die "node$i did not answer in 450 s (log: $work/node$i.log)"
	say "node$i answers"
done
for _ in $(seq 1 60); do
	curl -fsS -o /dev/null "http://127.0.0.1:$LB_PORT/actuator/health" 2>/dev/null && break
	sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$LB_PORT/actuator/health" || die "HAProxy does not answer (log: $work/haproxy.log)"
say "up after $((SECONDS - started)) s: $nodes nodes behind HAProxy, PostgreSQL $DB_URL (state: $env_file)"
say "stop with: bash scripts/cluster.sh stop"
printf 'cluster: URL:         http://127.0.0.1:%s/\ncluster: admin token: %s\n' "$LB_PORT" "$ADMIN_TOKEN"
