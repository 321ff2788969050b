#!/usr/bin/env bash
# Stops the Slurm test cluster that scripts/slurm/start.sh started in DIR:
# every process it started (found by their environment, so also a slurmctld
# restarted by ctld.sh) and the jobs those run. Safe to run twice, or on a
# folder where nothing runs. Leaves DIR (logs, state) in place.
#
#   scripts/slurm/stop.sh DIR
set -euo pipefail

if [ $# -ne 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIR=$(realpath -m "$1")
# shellcheck source=lib.sh
source "$HERE/lib.sh"

T0=$SECONDS
# The daemons' own pids, by role; whatever else carries the cluster's marker
# (slurmstepd, jobs started by slurmd) is swept up with its descendants at the end.
pid_of() { daemon_pid "$1" 2>/dev/null || true; }

# 1. The Slurm daemons that hold no data others need: slurmrestd and slurmd
#    (slurmd gets SIGKILL after 3 s: one that cannot register ignores SIGTERM),
#    with the job steps and jobs below them.
front=()
for d in slurmrestd slurmd-n1 slurmd-n2 slurmd-n3 slurmd-n4; do
  p=$(pid_of "$d")
  [ -n "$p" ] && front+=("$p")
done
for p in $(cluster_pids); do
  [ "$(cat "/proc/$p/comm" 2>/dev/null)" = slurmstepd ] && front+=("$p")
done
if [ ${#front[@]} -gt 0 ]; then
  mapfile -t front < <(with_descendants "${front[@]}")
  terminate 3 "${front[@]}"
fi
# 2. slurmctld saves its state; 3. slurmdbd; 4. MariaDB; 5. munge last, since
#    the others talk to it while shutting down.
for d in slurmctld slurmdbd mariadbd munged; do
  p=$(pid_of "$d")
  [ -n "$p" ] || continue
  case $d in
    mariadbd) terminate 20 "$p" ;;
    # slurmctld waits for its messages to nodes that never answer before it
    # ends: ~4 s with the big lab's slurmd-less nodes ("Dropped 1 hung communications").
    slurmctld) terminate 30 "$p" ;;
    *) terminate 5 "$p" ;;
  esac
done
# Anything left that this cluster started (a slurmctld from ctld.sh whose pid
# file was replaced, stray job steps), with its descendants.
mapfile -t rest < <(cluster_pids)
if [ ${#rest[@]} -gt 0 ]; then
  mapfile -t rest < <(with_descendants "${rest[@]}")
  terminate 3 "${rest[@]}"
fi
rm -f "$PIDS"/*.pid 2>/dev/null || true

still=$(cluster_pids)
if [ -n "$still" ]; then
  warn "processes of the cluster in $DIR still run: $still"
  exit 1
fi
say "cluster in $DIR stopped in $((SECONDS - T0))s"
