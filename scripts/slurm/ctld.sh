#!/usr/bin/env bash
# Stops or starts only slurmctld of the test cluster in DIR, leaving every
# other daemon running: for tests of what the gateway does while the
# scheduler's controller is away and after it returns.
#
#   scripts/slurm/ctld.sh DIR stop|start|status
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 DIR stop|start|status" >&2
  exit 2
fi
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIR=$(realpath -m "$1")
ACTION=$2
# shellcheck source=lib.sh
source "$HERE/lib.sh"
[ -s "$CONF" ] || { warn "no cluster in $DIR (missing $CONF); start one with scripts/slurm/start.sh"; exit 1; }

case $ACTION in
  stop)
    pid=$(daemon_pid slurmctld || true)
    if [ -z "$pid" ]; then
      say "slurmctld of $DIR is not running"
      exit 0
    fi
    terminate 10 "$pid"
    rm -f "$PIDS/slurmctld.pid"
    say "slurmctld of $DIR stopped"
    ;;
  start)
    if daemon_pid slurmctld >/dev/null; then
      say "slurmctld of $DIR already runs"
      exit 0
    fi
    # A session of its own, like start.sh's daemons: it outlives the caller.
    SUANLI_SLURM_DIR=$DIR SLURM_CONF=$CONF setsid slurmctld -D -f "$CONF" </dev/null >>"$LOG/slurmctld.out" 2>&1 &
    echo $! >"$PIDS/slurmctld.pid"
    wait_for 60 ctld_answers || { explain "slurmctld did not come back" "$LOG/slurmctld.log"; exit 1; }
    # Nodes re-register within a few seconds; wait so callers see a whole cluster.
    if ! wait_for 60 all_nodes_idle_or_busy; then
      explain "nodes did not re-register with slurmctld: $(sl sinfo -h -N -n "$REAL_NODES" -o '%N=%t' 2>&1 | tr '\n' ' ')" "$LOG/slurmctld.log"
      exit 1
    fi
    say "slurmctld of $DIR started"
    ;;
  status)
    if daemon_pid slurmctld >/dev/null && ctld_answers; then
      say "slurmctld of $DIR is up"
    else
      say "slurmctld of $DIR is down"
      exit 3
    fi
    ;;
  *)
    echo "usage: $0 DIR stop|start|status" >&2
    exit 2
    ;;
esac
