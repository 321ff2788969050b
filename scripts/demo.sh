#!/usr/bin/env bash
# Tries Suanli out. `console`: the console on three simulated centres it
# starts itself. `start`/`stop`: one simulated centre's gateway on
# 127.0.0.1:7443 with an admin user, in the background, for suanlictl.
set -euo pipefail
action=${1:-start}
build=${2:-build}
data="$build/demo-data"
pidfile="$data/suanlid.pid"
addr=127.0.0.1:7443

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "$action" in
console)
  # The console starts its own three simulated centres and stops them when it quits.
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: no display (DISPLAY/WAYLAND_DISPLAY unset); starting a gateway for suanlictl instead." >&2
    exec bash "$0" start "$build"
  fi
  exec "$build/app/suanli" --demo
  ;;
stop)
  if running; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 1 100); do running || break; sleep 0.1; done
    echo "demo: gateway stopped"
  else
    echo "demo: no gateway running"
  fi
  rm -f "$pidfile"
  exit 0
  ;;
start) ;;
*) echo "usage: demo.sh console|start|stop [BUILD_DIR]" >&2; exit 2 ;;
esac

mkdir -p "$data"
chmod 700 "$data"
if [ ! -s "$data/admin.token" ]; then
  (umask 077; "$build/server/gateway/suanlid" --data-dir "$data" user add admin --role admin > "$data/admin.token")
fi
if running; then
  echo "demo: gateway already running (pid $(cat "$pidfile"))"
else
  "$build/server/gateway/suanlid" --data-dir "$data" serve --listen "$addr" \
    --sim-site lingang --sim-nodes 2000 --sim-jobs 20000 --sim-speed 10 \
    > "$data/suanlid.out" 2> "$data/suanlid.log" &
  echo $! > "$pidfile"
  for _ in $(seq 1 300); do
    grep -q "on port" "$data/suanlid.out" 2>/dev/null && break
    if ! running; then echo "demo: suanlid failed to start:" >&2; cat "$data/suanlid.log" >&2; exit 1; fi
    sleep 0.1
  done
fi
cat "$data/suanlid.out"
abs=$(cd "$data" && pwd)
ctl=$(cd "$build/tools" && pwd)/suanlictl
cat <<MSG

A simulated centre (Shanghai Lingang, 2,000 nodes, 10x speed) is running on $addr.
Talk to it with suanlictl:

  export SUANLI_SERVER=$addr
  export SUANLI_CA=$abs/tls/ca.pem
  export SUANLI_TOKEN=\$(cat $abs/admin.token)
  $ctl overview
  $ctl nodes list --filter 'state:drained,down' --limit 5
  $ctl nodes drain <NODE> --reason 'demo'
  $ctl quota requests

Stop it with: make demo-stop    (log: $abs/suanlid.log)
MSG
