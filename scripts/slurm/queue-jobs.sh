#!/usr/bin/env bash
# Queues M jobs on the big lab in DIR (scripts/slurm/start.sh DIR
# --extra-nodes N), each a job record of its own, spread over the lab's
# partitions (gpu: gpu:h100, npu: gpu:910b), its tenants' projects, node
# counts and time limits. They stay pending, so the queue holds still while
# something is measured against it: most held (JobHeldUser), the rest waiting
# for a begin time 30 days ahead (BeginTime) or on a held job (Dependency).
#
#   scripts/slurm/queue-jobs.sh DIR M [--held PCT] [--running K] [-j THREADS] [--no-settle]
#
#   --held PCT    share of the M jobs held, in percent (default 70); the others
#                 alternate between BeginTime and Dependency
#   --running K   also start K one-GPU jobs on the real nodes n1..n4 (0..16,
#                 default 0), in partition train for tenantb-llm, sleeping an hour
#   -j THREADS    submitting threads (default 4)
#   --no-settle   return without waiting for slurmctld to hand the new jobs'
#                 records to slurmdbd (by default it waits, so the lab is quiet)
#
# Jobs are submitted through libslurm (slurm_submit_batch_job, as sbatch
# does) by queue-jobs.c, compiled here into DIR/bin on first use: one sbatch
# process per job manages ~35 jobs/s on 2 cores, this ~1,000. Jobs that will
# wait for a begin time or a dependency are submitted held and released with
# that condition (queue-jobs.c says why). Needs a C
# compiler and libslurm-dev; exits 77 (with the reason in DIR/unavailable)
# without them. Updates SUANLI_SLURM_LAB_JOBS in DIR/env to the number of
# jobs then in the queue; job ids of this run go to DIR/log/queue-jobs.ids
# (and queue-jobs-running.ids).
set -euo pipefail

usage() {
  echo "usage: $0 DIR M [--held PCT] [--running K] [-j THREADS] [--no-settle]" >&2
  exit 2
}
POSITIONAL=()
HELD=70
RUNNING=0
THREADS=4
SETTLE=1
while [ $# -gt 0 ]; do
  case $1 in
    -h | --help) usage ;;
    --held | --running | -j)
      [ $# -ge 2 ] || usage
      case $1 in
        --held) HELD=$2 ;;
        --running) RUNNING=$2 ;;
        -j) THREADS=$2 ;;
      esac
      shift 2
      ;;
    --no-settle)
      SETTLE=0
      shift
      ;;
    -*)
      echo "$0: unknown option '$1'" >&2
      usage
      ;;
    *)
      POSITIONAL+=("$1")
      shift
      ;;
  esac
done
[ ${#POSITIONAL[@]} -eq 2 ] || usage
M=${POSITIONAL[1]}
number_in() { [[ $1 =~ ^[0-9]+$ ]] && [ "$((10#$1))" -ge "$2" ] && [ "$((10#$1))" -le "$3" ]; }
number_in "$M" 0 1000000 || { echo "$0: M wants a number of jobs from 0 to 1000000 (got '$M')" >&2; exit 2; }
number_in "$HELD" 0 100 || { echo "$0: --held wants a percentage 0..100 (got '$HELD')" >&2; exit 2; }
number_in "$RUNNING" 0 16 || { echo "$0: --running wants 0..16 (n1..n4 hold 16 GPUs; got '$RUNNING')" >&2; exit 2; }
number_in "$THREADS" 1 64 || { echo "$0: -j wants 1..64 threads (got '$THREADS')" >&2; exit 2; }
M=$((10#$M))

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIR=$(realpath -m "${POSITIONAL[0]}")
# shellcheck source=lib.sh
source "$HERE/lib.sh"

# ---- is there a lab to queue on? ----------------------------------------------
if [ -e "$DIR/unavailable" ]; then
  warn "no Slurm cluster can run here: $(cat "$DIR/unavailable")"
  exit 77
fi
[ -s "$DIR/env" ] || { warn "no cluster runs in $DIR ($DIR/env is missing); start one with $HERE/start.sh $DIR --extra-nodes N"; exit 1; }
env_value() { sed -n "s/^$1=//p" "$DIR/env"; }
PARTITIONS=$(env_value SUANLI_SLURM_EXTRA_PARTITIONS)
[ -n "$PARTITIONS" ] || { warn "$DIR has no extra nodes to queue on; start it with $HERE/start.sh $DIR --extra-nodes N"; exit 1; }
ctld_answers || { explain "slurmctld of $DIR does not answer" "$LOG/slurmctld.log"; exit 1; }

# ---- the submitting program, compiled on first use --------------------------------
BIN=$DIR/bin/queue-jobs
if [ ! -x "$BIN" ] || [ "$HERE/queue-jobs.c" -nt "$BIN" ]; then
  missing=""
  command -v cc >/dev/null 2>&1 || missing="a C compiler (cc)"
  [ -e /usr/include/slurm/slurm.h ] || missing="${missing:+$missing and }libslurm-dev (slurm/slurm.h)"
  if [ -n "$missing" ]; then
    warn "cannot queue jobs here: $missing is missing; run scripts/install-deps.sh"
    echo "queue-jobs.sh needs $missing; run scripts/install-deps.sh" >"$DIR/unavailable"
    exit 77
  fi
  mkdir -p "$DIR/bin"
  cc -O2 -Wall -o "$BIN.tmp" "$HERE/queue-jobs.c" -lslurm -lpthread >"$LOG/queue-jobs-build.log" 2>&1 ||
    { explain "could not compile $HERE/queue-jobs.c" "$LOG/queue-jobs-build.log"; exit 1; }
  mv "$BIN.tmp" "$BIN"
fi

# ---- the jobs: one a line, NAME PARTITION ACCOUNT GRES NODES MINUTES WAIT ------------
# Projects as start.sh made them: who runs on which model.
JOBS=$DIR/tmp/queue-jobs.in
mkdir -p "$DIR/tmp"
RUNNING_JOBS=$DIR/tmp/queue-jobs-running.in
awk -v m="$M" -v held="$HELD" -v parts="$PARTITIONS" '
BEGIN {
  model["gpu"] = "h100"; model["npu"] = "910b"
  accts["gpu"] = "tenantc-pretrain tenantc-sft tenante-rec tenantb-llm"
  accts["npu"] = "tenantc-pretrain tenantd-asr tenantd-ocr tenante-rec tenantb-llm"
  np = split(parts, p, ",")
  nn = split("1 1 1 1 2 2 4 8 16", nodes, " ")
  ng = split("8 8 8 4 1", gpus, " ")
  nt = split("60 240 720 1440 4320 10080", minutes, " ")
  for (i = 0; i < m; i++) {
    # Fields from a hash of i, so they vary independently of one another.
    h = (i * 2654435761) % 4294967296
    part = p[i % np + 1]
    na = split(accts[part], a, " ")
    acct = a[int(h / 3) % na + 1]
    if (i % 100 < held) wait = "hold"; else wait = (i % 2 == 0) ? "begin" : "dep"
    printf "%s-%06d %s %s gpu:%s:%d %d %d %s\n", acct, i, part, acct, model[part],
      gpus[int(h / 17) % ng + 1], nodes[int(h / 101) % nn + 1], minutes[int(h / 1009) % nt + 1], wait
  }
}' >"$JOBS"
: >"$RUNNING_JOBS"
for i in $(seq 0 $((RUNNING - 1))); do
  model=a100
  [ $((i % 2)) -eq 0 ] || model=910b
  echo "lab-running-$i train tenantb-llm gpu:$model:1 1 60 none" >>"$RUNNING_JOBS"
done

# ---- queue them ---------------------------------------------------------------------
before=$(sl squeue -h -o %i | wc -l) || { explain "squeue failed" "$LOG/slurmctld.log"; exit 1; }
# queue LINES_FILE THREADS IDS_FILE
queue() {
  if ! SLURM_CONF=$CONF "$BIN" -j "$2" <"$1" >"$3" 2>>"$LOG/queue-jobs.log"; then
    explain "could not queue every job of $1 ($(wc -l <"$3") of $(wc -l <"$1") queued)" "$LOG/queue-jobs.log"
    warn "slurmctld's log: $LOG/slurmctld.log"
    exit 1
  fi
}
: >"$LOG/queue-jobs.log"
T0=$(date +%s.%N)
queue "$JOBS" "$THREADS" "$LOG/queue-jobs.ids"
T1=$(date +%s.%N)
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", b-a}'; }

if [ "$RUNNING" -gt 0 ]; then
  queue "$RUNNING_JOBS" 1 "$LOG/queue-jobs-running.ids"
  ids=$(paste -sd, "$LOG/queue-jobs-running.ids")
  all_running() { [ "$(sl squeue -h -j "$ids" -t R -o %i | wc -l)" -eq "$RUNNING" ]; }
  # Slurm starts jobs as they come when resources are free; otherwise at its next pass.
  wait_for 90 all_running || warn "not all $RUNNING jobs on n1..n4 run after 90 s: $(sl squeue -h -j "$ids" -o '%i %T %r' | tr '\n' ';')"
fi

# Settle, so the queue holds still when measurements start: slurmctld tells
# slurmdbd about each new job from a queue of its own, and gives released jobs
# their reason (BeginTime, Dependency) only at its next scheduling pass, up
# to a minute later (sched_interval); until then their reason is None.
if [ "$SETTLE" = 1 ]; then
  # (Output is read whole before grep: grep -q quitting early would fail the pipe.)
  dbd_queue_empty() {
    local out
    out=$(sl sdiag) && grep -q 'DBD Agent queue size: 0$' <<<"$out"
  }
  wait_for 600 dbd_queue_empty || warn "slurmctld still has records for slurmdbd queued after 600 s (sdiag: DBD Agent queue size)"
  reasons_set() {
    local out
    out=$(sl squeue -h -t PD -o %r) && ! grep -qx None <<<"$out"
  }
  wait_for 180 reasons_set || warn "pending jobs still have reason None 180 s after queueing (slurmctld's log: $LOG/slurmctld.log)"
fi
T2=$(date +%s.%N)

total=$(sl squeue -h -o %i | wc -l) || { explain "squeue failed" "$LOG/slurmctld.log"; exit 1; }
grep -v '^SUANLI_SLURM_LAB_JOBS=' "$DIR/env" >"$DIR/env.tmp" || true
echo "SUANLI_SLURM_LAB_JOBS=$total" >>"$DIR/env.tmp"
mv "$DIR/env.tmp" "$DIR/env"

rate=$(awk -v n="$M" -v a="$T0" -v b="$T1" 'BEGIN{printf "%.0f", (b > a) ? n / (b - a) : 0}')
and_running=""
[ "$RUNNING" -eq 0 ] || and_running=" and $RUNNING running"
say "queued $M pending jobs$and_running in $(secs "$T0" "$T1")s ($rate jobs/s, $THREADS threads; settled in $(secs "$T1" "$T2")s): $before jobs before, $total now"
