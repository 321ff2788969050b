# shellcheck shell=bash
# Shared by start.sh, stop.sh and ctld.sh: paths, process bookkeeping and
# waiting. Sourced, not run. Expects DIR (absolute) to be set.

# Every daemon runs with SUANLI_SLURM_DIR=$DIR in its environment, so the
# processes of this cluster (and only those) can be found again by stop.sh,
# whoever started them and whatever their pid files say.
ETC=$DIR/etc
RUN=$DIR/run
LOG=$DIR/log
# shellcheck disable=SC2034 # used by the scripts that source this file
SPOOL=$DIR/spool
PIDS=$RUN/pids
CONF=$ETC/slurm.conf
# shellcheck disable=SC2034
MUNGE_SOCKET=$RUN/munge/munge.socket.2
# shellcheck disable=SC2034
MARKER=$DIR/.suanli-slurm
SLURM_TIMEOUT=${SUANLI_SLURM_CMD_TIMEOUT:-15}
# The nodes with a slurmd behind them. The big lab's extra nodes (start.sh
# --extra-nodes) never register, so waits for "every node" mean these.
REAL_NODES='n[1-4]'

say() { echo "$(basename "$0"): $*"; }
warn() { echo "$(basename "$0"): $*" >&2; }

# A Slurm client command with the cluster's config and a time limit: sinfo,
# squeue and sacctmgr hang for minutes when their daemon is down.
sl() {
  SLURM_CONF=$CONF timeout "$SLURM_TIMEOUT" "$@"
}

# Pids of the processes started for this cluster: the daemons (found by
# their environment) and the job steps (slurmstepd, which clears its
# environment but for the cluster's SLURM_CONF).
cluster_pids() {
  grep -lzxF "SUANLI_SLURM_DIR=$DIR" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 || true
  local p
  while read -r p; do
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = slurmstepd ] && echo "$p"
  done < <(grep -lzxF "SLURM_CONF=$CONF" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3)
  return 0
}

# The given pids and all their descendants (job steps and the jobs' own processes).
with_descendants() {
  local -A parent_of=()
  local pid ppid
  while read -r pid ppid; do parent_of[$pid]=$ppid; done < <(ps -e -o pid=,ppid=)
  local -A keep=()
  for pid in "$@"; do keep[$pid]=1; done
  local changed=1
  while [ "$changed" = 1 ]; do
    changed=0
    for pid in "${!parent_of[@]}"; do
      if [ -z "${keep[$pid]:-}" ] && [ -n "${keep[${parent_of[$pid]}]:-}" ]; then
        keep[$pid]=1
        changed=1
      fi
    done
  done
  for pid in "${!keep[@]}"; do
    [ -d "/proc/$pid" ] && echo "$pid"
  done
  return 0
}

# The pid recorded for a daemon, if that process is alive and belongs to this cluster.
daemon_pid() {
  local f=$PIDS/$1.pid pid
  [ -s "$f" ] || return 1
  pid=$(cat "$f")
  [ -r "/proc/$pid/environ" ] || return 1
  { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qxF "SUANLI_SLURM_DIR=$DIR" || return 1
  echo "$pid"
}

# Starts a daemon in the background, in the caller's session, output to
# $LOG/NAME.out, its pid recorded in $PIDS/NAME.pid.
launch() {
  local name=$1
  shift
  mkdir -p "$PIDS" "$LOG"
  env SUANLI_SLURM_DIR="$DIR" SLURM_CONF="$CONF" "$@" </dev/null >>"$LOG/$name.out" 2>&1 &
  echo $! >"$PIDS/$name.pid"
}

# True when the process has ended (a zombie counts as ended).
gone() {
  [ ! -d "/proc/$1" ] || grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# Sends SIGTERM to the pids, waits up to SECS for them to end, then SIGKILLs
# whatever is left (slurmd that cannot reach slurmctld ignores SIGTERM).
terminate() {
  local secs=$1
  shift
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null || true
  local deadline=$((SECONDS + secs)) alive pid
  while :; do
    alive=()
    for pid in "$@"; do gone "$pid" || alive+=("$pid"); done
    [ ${#alive[@]} -eq 0 ] && return 0
    [ $SECONDS -ge $deadline ] && break
    sleep 0.1
  done
  warn "killing (SIGKILL) what did not end on SIGTERM within ${secs}s: ${alive[*]}"
  kill -KILL "${alive[@]}" 2>/dev/null || true
  local left
  for _ in $(seq 50); do
    left=()
    for pid in "${alive[@]}"; do gone "$pid" || left+=("$pid"); done
    [ ${#left[@]} -eq 0 ] && return 0
    sleep 0.1
  done
}

# Runs CMD... every 0.2 s until it succeeds or SECS pass; false on timeout.
wait_for() {
  local secs=$1
  shift
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.2
  done
}

# True when slurmctld answers.
ctld_answers() {
  sl scontrol ping 2>/dev/null | grep -q 'is UP'
}

# True when every node with a slurmd is idle (not idle*, not down).
all_nodes_idle() {
  local states
  states=$(sl sinfo -h -N -n "$REAL_NODES" -o '%N %t' 2>/dev/null) || return 1
  [ -n "$states" ] || return 1
  ! echo "$states" | awk '{print $2}' | grep -qvx 'idle'
}

# True when every node with a slurmd has registered with slurmctld (whatever it runs, drained or not).
all_nodes_idle_or_busy() {
  local states
  states=$(sl sinfo -h -N -n "$REAL_NODES" -o '%N %t' 2>/dev/null) || return 1
  [ -n "$states" ] || return 1
  ! echo "$states" | awk '{print $2}' | grep -qE '\*|^(down|unk|fail|npc|boot)'
}

# Explains a failure: what failed and where its log is, with its last lines.
explain() {
  local what=$1 log=${2:-}
  warn "$what"
  if [ -n "$log" ]; then
    warn "log: $log"
    if [ -s "$log" ]; then
      # The cause is often far above the end (MariaDB ends with its generic help).
      if grep -q -E '\[(ERROR|FATAL)\]|error:|fatal:' "$log"; then
        echo "---- errors in $log ----" >&2
        grep -E '\[(ERROR|FATAL)\]|error:|fatal:' "$log" | head -n 20 >&2
      fi
      echo "---- last lines of $log ----" >&2
      tail -n 20 "$log" >&2
      echo "----" >&2
    fi
  fi
}
