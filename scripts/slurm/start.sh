#!/usr/bin/env bash
# Starts a private Slurm 22.05 cluster on loopback for Suanli's tests and
# benchmarks: munge, MariaDB + slurmdbd, slurmctld, four slurmd (n1..n4 with
# fake typed GPUs) and slurmrestd with JWT auth. All state lives under DIR;
# every daemon runs in the foreground as a child of this script's session.
#
#   scripts/slurm/start.sh DIR [BASE_PORT] [--extra-nodes N]
#
# BASE_PORT (or $SUANLI_SLURM_BASE_PORT) is the first of 8 consecutive TCP
# ports (9 with --extra-nodes); without it a free block is chosen. Writes
# DIR/env (KEY=value lines for tests and the gateway). A second start while
# the same cluster runs does nothing and succeeds. Stop with
# scripts/slurm/stop.sh DIR.
#
# --extra-nodes N makes it "a big lab" (docs/slurm.md): N more nodes with no
# slurmd behind them, named by rack (lg-r0001-n01..), half with gpu:h100:8 in
# partition `gpu`, half with gpu:910b:8 in partition `npu`, marked down, plus
# tenants with typed quotas on those models. Queue jobs on it with
# scripts/slurm/queue-jobs.sh.
set -euo pipefail

usage() {
  echo "usage: $0 DIR [BASE_PORT] [--extra-nodes N]" >&2
  exit 2
}
ARGS=("$@")
POSITIONAL=()
EXTRA_NODES=0
while [ $# -gt 0 ]; do
  case $1 in
    -h | --help) usage ;;
    --extra-nodes)
      [ $# -ge 2 ] || usage
      EXTRA_NODES=$2
      shift 2
      ;;
    --extra-nodes=*)
      EXTRA_NODES=${1#*=}
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
if [ ${#POSITIONAL[@]} -lt 1 ] || [ ${#POSITIONAL[@]} -gt 2 ]; then usage; fi
# 79,992 is what 4-digit rack numbers with 8 nodes a rack can name.
if ! [[ $EXTRA_NODES =~ ^[0-9]+$ ]] || [ "$EXTRA_NODES" -gt 79992 ]; then
  echo "$0: --extra-nodes wants a number from 0 to 79992 (got '$EXTRA_NODES')" >&2
  exit 2
fi
EXTRA_NODES=$((10#$EXTRA_NODES))

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Run in a session of our own, so the daemons outlive the caller's terminal
# or test runner and share one session id that stop.sh can find.
if [ "$(ps -o sid= -p $$ | tr -d ' ')" != "$$" ] && [ -z "${SUANLI_SLURM_IN_SESSION:-}" ]; then
  SUANLI_SLURM_IN_SESSION=1 exec setsid -w "$BASH" "${BASH_SOURCE[0]}" "${ARGS[@]}"
fi

DIR=$(realpath -m "${POSITIONAL[0]}")
BASE_PORT=${POSITIONAL[1]:-${SUANLI_SLURM_BASE_PORT:-}}
CLUSTER=${SUANLI_SLURM_CLUSTER:-suanli}
REST_USER=${SUANLI_SLURM_REST_USER:-slurm}
TOKEN_USER=root
# shellcheck source=lib.sh
source "$HERE/lib.sh"
T0=$(date +%s.%N)
PHASES=""
TP=$T0
phase() { # records how long the phase that just ended took
  local now
  now=$(date +%s.%N)
  PHASES="$PHASES $1=$(awk -v a="$TP" -v b="$now" 'BEGIN{printf "%.1fs", b-a}')"
  TP=$now
}

# ---- can this machine run it at all? -------------------------------------
# Exit code 77 means "cannot run here" (tests map it to a skip).
# The reason also goes to DIR/unavailable, where the tests read it to say why they skip.
cannot() {
  warn "cannot start a Slurm test cluster here: $*"
  if mkdir -p "$DIR" 2>/dev/null && { [ ! -e "$DIR/env" ] || [ -e "$MARKER" ]; }; then
    rm -f "$DIR/env"
    echo "$*" >"$DIR/unavailable"
  fi
  exit 77
}
[ "$(id -u)" -eq 0 ] || cannot "needs root (slurmd runs jobs as their users, mknod makes the fake GPUs)"
for cmd in munged mungekey mariadb-install-db mariadbd mariadb slurmdbd slurmctld slurmd slurmrestd \
  scontrol sinfo sacctmgr curl setsid timeout ss; do
  command -v "$cmd" >/dev/null 2>&1 || cannot "'$cmd' is not installed; run scripts/install-deps.sh"
done
[ -e /usr/lib/x86_64-linux-gnu/slurm-wlm/auth_jwt.so ] || [ -n "$(find /usr/lib* -name auth_jwt.so -print -quit 2>/dev/null)" ] ||
  cannot "auth_jwt.so is missing; install slurm-wlm-jwt-plugin (scripts/install-deps.sh)"
case "$DIR" in *[[:space:]]*) cannot "DIR must not contain spaces: '$DIR'" ;; esac
# munged wants its socket's folder reachable by every user, and slurmrestd runs unprivileged.
PROBE=$DIR
while [ ! -e "$PROBE" ]; do PROBE=$(dirname "$PROBE"); done
if id -u nobody >/dev/null 2>&1 && ! runuser -u nobody -- test -x "$PROBE" 2>/dev/null; then
  cannot "$PROBE is not reachable by other users (munge's socket and slurmrestd need that); use a folder outside private ones such as /root"
fi
# Unix sockets live under DIR; their paths must fit in 108 bytes.
[ ${#MUNGE_SOCKET} -lt 100 ] || cannot "DIR is too long for a Unix socket path: $MUNGE_SOCKET"

# ---- already running? -----------------------------------------------------
DAEMONS=(munged mariadbd slurmdbd slurmctld slurmd-n1 slurmd-n2 slurmd-n3 slurmd-n4 slurmrestd)
all_alive=1
any_alive=0
for d in "${DAEMONS[@]}"; do
  if daemon_pid "$d" >/dev/null; then any_alive=1; else all_alive=0; fi
done
running_extra=$(sed -n 's/^SUANLI_SLURM_EXTRA_NODES=//p' "$DIR/env" 2>/dev/null || true)
if [ "$all_alive" = 1 ] && [ -s "$DIR/env" ] && [ "${running_extra:-0}" = "$EXTRA_NODES" ] && ctld_answers; then
  say "cluster in $DIR is already running; nothing to do (env: $DIR/env)"
  exit 0
fi
if [ "$any_alive" = 1 ] || [ -n "$(cluster_pids)" ]; then
  if [ "$all_alive" = 1 ] && [ "${running_extra:-0}" != "$EXTRA_NODES" ]; then
    say "cluster in $DIR runs with ${running_extra:-0} extra nodes, not $EXTRA_NODES; stopping it to start afresh"
  else
    say "cluster in $DIR is partly running; stopping it to start afresh"
  fi
  "$HERE/stop.sh" "$DIR"
fi

# ---- a fresh folder ---------------------------------------------------------
if [ -d "$DIR" ] && [ -n "$(ls -A "$DIR")" ] && [ ! -e "$MARKER" ]; then
  warn "$DIR exists, is not empty and was not made by this script; choose another folder"
  exit 1
fi
rm -rf "$ETC" "$RUN" "$LOG" "$SPOOL" "${DIR:?}/db" "${DIR:?}/dev" "$DIR/env" "$DIR/unavailable"
mkdir -p "$DIR"
touch "$MARKER"
mkdir -p "$ETC" "$RUN/munge" "$PIDS" "$LOG" "$SPOOL/ctld" "$DIR/db" "$DIR/tmp"
chmod 755 "$DIR" "$RUN" "$RUN/munge" "$ETC"
# (Removing a previous run's state is most of this phase: slurmctld keeps a
# folder per job, 60,000 files after a big lab's 20,000 jobs.)
phase clean

started_ok=0
on_exit() {
  if [ "$started_ok" != 1 ]; then
    warn "start failed; stopping what was started (logs stay in $LOG)"
    SUANLI_SLURM_KEEP_LOGS=1 "$HERE/stop.sh" "$DIR" >&2 || true
  fi
}
trap on_exit EXIT
trap 'exit 1' TERM INT HUP

# slurmrestd drops to an unprivileged user, which must be able to read slurm.conf.
if ! id -u "$REST_USER" >/dev/null 2>&1; then
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$REST_USER" 2>/dev/null ||
    id -u "$REST_USER" >/dev/null 2>&1 || cannot "could not create the system user '$REST_USER' for slurmrestd"
fi

# ---- ports ------------------------------------------------------------------
# The big lab takes a ninth port: the closed one its slurmd-less nodes "listen" on.
NPORTS=8
[ "$EXTRA_NODES" -eq 0 ] || NPORTS=9
port_busy() { [ -n "$(ss -Htan "( sport = :$1 )" 2>/dev/null)" ]; }
block_free() {
  local p
  for p in $(seq "$1" $(($1 + NPORTS - 1))); do port_busy "$p" && return 1; done
  return 0
}
if [ -n "$BASE_PORT" ]; then
  block_free "$BASE_PORT" || { warn "ports $BASE_PORT..$((BASE_PORT + NPORTS - 1)) are not all free"; exit 1; }
else
  for _ in $(seq 50); do
    BASE_PORT=$((20000 + (RANDOM % 1000) * 10))
    block_free "$BASE_PORT" && break
    BASE_PORT=
  done
  [ -n "$BASE_PORT" ] || { warn "found no $NPORTS free consecutive ports between 20000 and 30000"; exit 1; }
fi
P_CTLD=$BASE_PORT
P_DBD=$((BASE_PORT + 1))
P_DB=$((BASE_PORT + 2))
P_REST=$((BASE_PORT + 3))
P_NODE=$((BASE_PORT + 4)) # n1..n4 on P_NODE..P_NODE+3
P_NOWHERE=$((BASE_PORT + 8)) # the big lab's slurmd-less nodes: nothing listens there

# ---- configuration ------------------------------------------------------------
JWT_KEY=$ETC/jwt.key
DB_SOCKET=$RUN/mysqld.sock
DB_PASS=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
dd if=/dev/urandom of="$JWT_KEY" bs=32 count=1 status=none
chmod 600 "$JWT_KEY"
mungekey -c -f -k "$ETC/munge.key" >/dev/null 2>&1 || { explain "mungekey could not create $ETC/munge.key"; exit 1; }
chmod 600 "$ETC/munge.key"

# Fake GPUs: character devices (NVIDIA's major 195) that slurmd only looks at.
declare -A MODEL=([n1]=a100 [n2]=a100 [n3]=910b [n4]=910b)
: >"$ETC/gres.conf"
echo "AutoDetect=off" >>"$ETC/gres.conf"
for n in n1 n2 n3 n4; do
  mkdir -p "$DIR/dev/$n" "$SPOOL/d/$n"
  for i in 0 1 2 3; do
    mknod "$DIR/dev/$n/gpu$i" c 195 "$i" 2>/dev/null || cannot "mknod failed: this machine does not allow device nodes under $DIR"
  done
  echo "NodeName=$n Name=gpu Type=${MODEL[$n]} File=$DIR/dev/$n/gpu[0-3]" >>"$ETC/gres.conf"
done

TRES=gres/gpu,gres/gpu:a100,gres/gpu:910b
# Look at pending jobs every few seconds (defaults 60 s and 30 s), so a
# limit raised or a node resumed shows in a job's state while a test waits.
SCHED="SchedulerParameters=sched_interval=5,bf_interval=5"
if [ "$EXTRA_NODES" -gt 0 ]; then
  TRES=$TRES,gres/gpu:h100
  # The big lab keeps Slurm's scheduler defaults, as a site would: scale
  # figures taken on it must not come from a controller tuned to be busier or quicker.
  SCHED="# SchedulerParameters: Slurm's defaults (sched_interval=60, bf_interval=30)"
fi

cat >"$CONF" <<EOF
# Suanli's Slurm test cluster (written by scripts/slurm/start.sh).
ClusterName=$CLUSTER
SlurmctldHost=localhost
SlurmctldPort=$P_CTLD
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
CredType=cred/munge
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$JWT_KEY
StateSaveLocation=$SPOOL/ctld
SlurmdSpoolDir=$SPOOL/d/%n
SlurmctldPidFile=$RUN/slurmctld.pid
SlurmdPidFile=$RUN/slurmd-%n.pid
SlurmctldLogFile=$LOG/slurmctld.log
SlurmdLogFile=$LOG/slurmd-%n.log
SlurmctldDebug=info
SlurmdDebug=info
TmpFS=$DIR/tmp
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
ReturnToService=2
MailProg=/bin/true
GresTypes=gpu
MinJobAge=60
$SCHED
KillWait=5
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=$P_DBD
AccountingStoragePass=$MUNGE_SOCKET
AccountingStorageTRES=$TRES
AccountingStorageEnforce=associations,limits,qos
NodeName=n1 NodeHostname=localhost NodeAddr=127.0.0.1 Port=$P_NODE CPUs=32 RealMemory=256000 Gres=gpu:a100:4 State=UNKNOWN
NodeName=n2 NodeHostname=localhost NodeAddr=127.0.0.1 Port=$((P_NODE + 1)) CPUs=32 RealMemory=256000 Gres=gpu:a100:4 State=UNKNOWN
NodeName=n3 NodeHostname=localhost NodeAddr=127.0.0.1 Port=$((P_NODE + 2)) CPUs=32 RealMemory=256000 Gres=gpu:910b:4 State=UNKNOWN
NodeName=n4 NodeHostname=localhost NodeAddr=127.0.0.1 Port=$((P_NODE + 3)) CPUs=32 RealMemory=256000 Gres=gpu:910b:4 State=UNKNOWN
PartitionName=train Nodes=n[1-4] Default=YES MaxTime=INFINITE State=UP
PartitionName=infer Nodes=n[3-4] MaxTime=INFINITE State=UP
EOF

# ---- the big lab's extra nodes ----------------------------------------------------------
# Named as a centre names them, lg-r<rack>-n<slot>, 8 nodes a rack; the first
# half (rounded up) are H100 nodes in partition gpu, the rest Ascend 910B
# nodes in partition npu. Slurm's hostlists keep each model to a few lines.
PER_RACK=8
range() { # [a-b], or a alone, zero-padded to WIDTH digits
  if [ "$2" -eq "$3" ]; then printf "%0${1}d" "$2"; else printf "[%0${1}d-%0${1}d]" "$2" "$3"; fi
}
# Hostlist expressions, one a line, naming extra nodes FIRST..FIRST+COUNT-1
# (counted from 0): a partial rack at either end, the whole racks between as one.
rack_ranges() {
  local i=$1 end=$(($1 + $2)) rack slot racks upto
  while [ "$i" -lt "$end" ]; do
    rack=$((i / PER_RACK))
    slot=$((i % PER_RACK))
    if [ "$slot" -eq 0 ] && [ $((end - i)) -ge $PER_RACK ]; then
      racks=$(((end - i) / PER_RACK))
      echo "lg-r$(range 4 $((rack + 1)) $((rack + racks)))-n$(range 2 1 $PER_RACK)"
      i=$((i + racks * PER_RACK))
    else
      upto=$((slot + end - i))
      [ "$upto" -le $PER_RACK ] || upto=$PER_RACK
      echo "lg-r$(range 4 $((rack + 1)) $((rack + 1)))-n$(range 2 $((slot + 1)) "$upto")"
      i=$((i + upto - slot))
    fi
  done
}
EXTRA_H100=$(((EXTRA_NODES + 1) / 2))
EXTRA_910B=$((EXTRA_NODES - EXTRA_H100))
EXTRA_PARTITIONS=""
EXTRA_NODELIST=""
# extra_model PARTITION TYPE FIRST COUNT CPU_LAYOUT MEMORY_MB
extra_model() {
  local part=$1 type=$2 first=$3 count=$4 cpus=$5 mem=$6 expr list=""
  [ "$count" -gt 0 ] || return 0
  while read -r expr; do
    # No slurmd answers for these: NodeAddr is loopback and Port one where
    # nothing listens, so slurmctld's pings fail at once instead of timing out.
    # They start DOWN, as they would end up after SlurmdTimeout anyway, so
    # their state does not change under a measurement 5 minutes in.
    echo "NodeName=$expr NodeAddr=127.0.0.1 Port=$P_NOWHERE $cpus RealMemory=$mem Gres=gpu:$type:8 State=DOWN Reason=\"no slurmd (lab node)\"" >>"$CONF"
    echo "NodeName=$expr Name=gpu Type=$type Count=8" >>"$ETC/gres.conf"
    list=$list${list:+,}$expr
  done < <(rack_ranges "$first" "$count")
  echo "PartitionName=$part Nodes=$list MaxTime=7-00:00:00 State=UP" >>"$CONF"
  EXTRA_PARTITIONS=$EXTRA_PARTITIONS${EXTRA_PARTITIONS:+,}$part
  EXTRA_NODELIST=$EXTRA_NODELIST${EXTRA_NODELIST:+,}$list
}
if [ "$EXTRA_NODES" -gt 0 ]; then
  cat >>"$CONF" <<EOF
# The big lab: $EXTRA_NODES nodes with no slurmd behind them (start.sh --extra-nodes).
# Room for 200,000 jobs and more (the default MaxJobCount is 10,000).
MaxJobCount=300000
EOF
  # Two 56-core CPUs with SMT and 2 TB beside 8 H100; four 48-core Kunpeng
  # 920 and 1.5 TB beside 8 Ascend 910B, as such servers come.
  extra_model gpu h100 0 "$EXTRA_H100" "Sockets=2 CoresPerSocket=56 ThreadsPerCore=2" 2063000
  extra_model npu 910b "$EXTRA_H100" "$EXTRA_910B" "Sockets=4 CoresPerSocket=48 ThreadsPerCore=1" 1547000
fi
chmod 644 "$CONF" "$ETC/gres.conf"

cat >"$ETC/slurmdbd.conf" <<EOF
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$JWT_KEY
DbdHost=localhost
DbdPort=$P_DBD
SlurmUser=root
DebugLevel=info
LogFile=$LOG/slurmdbd.log
PidFile=$RUN/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$P_DB
StorageUser=slurm
StoragePass=$DB_PASS
StorageLoc=slurm_acct_db
EOF
chmod 600 "$ETC/slurmdbd.conf"

if ! runuser -u "$REST_USER" -- test -r "$CONF"; then
  cannot "user '$REST_USER' (slurmrestd) cannot read $CONF; put DIR where every user can reach it (not under /root)"
fi

phase config
# ---- munge ------------------------------------------------------------------------
launch munged munged -F --key-file="$ETC/munge.key" --socket="$MUNGE_SOCKET" \
  --pid-file="$RUN/munged.pid" --seed-file="$RUN/munged.seed" --log-file="$LOG/munged.log"
wait_for 10 test -S "$MUNGE_SOCKET" || { explain "munged did not open its socket $MUNGE_SOCKET" "$LOG/munged.out"; exit 1; }

# ---- MariaDB from a private datadir -----------------------------------------------
# A small redo log: the test database holds little, and the folder stays small.
# No native AIO: InnoDB would take io_uring (or libaio) contexts, which
# containers may refuse or ration per host, and this database needs neither.
timeout 120 mariadb-install-db --no-defaults --datadir="$DIR/db" --user=root --skip-test-db \
  --auth-root-authentication-method=socket --innodb-log-file-size=8M --innodb-use-native-aio=0 >"$LOG/mariadb-install.log" 2>&1 ||
  { explain "mariadb-install-db failed" "$LOG/mariadb-install.log"; exit 1; }
launch mariadbd mariadbd --no-defaults --user=root --datadir="$DIR/db" --port="$P_DB" \
  --bind-address=127.0.0.1 --socket="$DB_SOCKET" --pid-file="$RUN/mariadbd.pid" \
  --log-error="$LOG/mariadbd.log" --skip-log-bin --innodb-buffer-pool-size=64M --innodb-log-file-size=8M --innodb-use-native-aio=0 \
  --skip-name-resolve
db() { timeout 20 mariadb --no-defaults -S "$DB_SOCKET" -u root "$@"; }
wait_for 60 db -e 'SELECT 1' || { explain "MariaDB did not answer on $DB_SOCKET" "$LOG/mariadbd.log"; exit 1; }
db -e "CREATE USER 'slurm'@'127.0.0.1' IDENTIFIED BY '$DB_PASS';
       CREATE USER 'slurm'@'localhost' IDENTIFIED BY '$DB_PASS';
       GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';
       GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';" ||
  { explain "could not create MariaDB user 'slurm'" "$LOG/mariadbd.log"; exit 1; }
phase mariadb

# ---- slurmdbd and the accounts (before slurmctld, so it registers at once) ------------
launch slurmdbd slurmdbd -D
wait_for 60 sl sacctmgr -n show cluster || { explain "slurmdbd did not answer on port $P_DBD" "$LOG/slurmdbd.log"; exit 1; }
acct() {
  local out
  out=$(sl sacctmgr -i "$@" 2>&1) || { explain "sacctmgr $* failed: $out" "$LOG/slurmdbd.log"; exit 1; }
}
acct add cluster "$CLUSTER"
# Tenants are top-level accounts, their projects child accounts.
acct add account tenanta,tenantb
acct add account tenanta-nlp,tenanta-cv parent=tenanta Organization=tenanta
acct add account tenantb-llm parent=tenantb Organization=tenantb
acct add user root account=tenanta-nlp,tenanta-cv,tenantb-llm,tenanta,tenantb
acct modify user root set DefaultAccount=tenanta-nlp
if [ "$EXTRA_NODES" -gt 0 ]; then
  # The big lab's tenants, each with projects, quotas set below.
  acct add account tenantc,tenantd,tenante
  acct add account tenantc-pretrain,tenantc-sft parent=tenantc Organization=tenantc
  acct add account tenantd-asr,tenantd-ocr parent=tenantd Organization=tenantd
  acct add account tenante-rec parent=tenante Organization=tenante
  acct add user root account=tenantc-pretrain,tenantc-sft,tenantd-asr,tenantd-ocr,tenante-rec,tenantc,tenantd,tenante
fi
phase slurmdbd+accounts

# ---- slurmctld, then the nodes --------------------------------------------------------
launch slurmctld slurmctld -D -i -f "$CONF"
wait_for 60 ctld_answers || { explain "slurmctld did not answer on port $P_CTLD" "$LOG/slurmctld.log"; exit 1; }
# slurmctld registers the configured TRES (gres/gpu and its types) with
# slurmdbd as it starts; only then can limits name them.
tres_known() { sl sacctmgr -n -P show tres | grep -qx 'gres|gpu:910b|.*'; }
wait_for 30 tres_known || { explain "slurmdbd never learnt the TRES gres/gpu:a100, gres/gpu:910b" "$LOG/slurmctld.log"; exit 1; }
acct modify account tenanta set GrpTRES=gres/gpu=8
if [ "$EXTRA_NODES" -gt 0 ]; then
  h100_known() { sl sacctmgr -n -P show tres | grep -qx 'gres|gpu:h100|.*'; }
  wait_for 30 h100_known || { explain "slurmdbd never learnt the TRES gres/gpu:h100" "$LOG/slurmctld.log"; exit 1; }
  # Typed quotas per model, one across models (tenante: gres/gpu binds H100
  # and 910B together) and some on projects. (No limit of 0 to show
  # AssocGrpGRES: where every node is down, a job over its limit pends for
  # the down nodes instead.)
  acct modify account tenantc set GrpTRES=gres/gpu:h100=4096,gres/gpu:910b=1024
  acct modify account tenantc-sft set GrpTRES=gres/gpu:h100=512
  acct modify account tenantd set GrpTRES=gres/gpu:910b=4096
  acct modify account tenantd-ocr set GrpTRES=gres/gpu:910b=256
  acct modify account tenante set GrpTRES=gres/gpu=2048,gres/gpu:h100=1024
fi
phase slurmctld
for n in n1 n2 n3 n4; do
  launch "slurmd-$n" slurmd -D -N "$n" -f "$CONF"
done
if ! wait_for 60 all_nodes_idle; then
  explain "not every node came up idle: $(sl sinfo -h -N -n "$REAL_NODES" -o '%N=%t' 2>&1 | tr '\n' ' ')" "$LOG/slurmd-n1.log"
  exit 1
fi
phase slurmd

# ---- slurmrestd with JWT, as an unprivileged user --------------------------------------
launch slurmrestd env SLURM_JWT=daemon slurmrestd -f "$CONF" -a rest_auth/jwt -u "$REST_USER" "127.0.0.1:$P_REST"
TOKEN=$(sl scontrol token username="$TOKEN_USER" lifespan=$((30 * 86400)) 2>"$LOG/token.err" | sed -n 's/^SLURM_JWT=//p')
[ -n "$TOKEN" ] || { explain "scontrol token gave no token" "$LOG/token.err"; exit 1; }
ping_rest() {
  curl -sf --max-time 5 -H "X-SLURM-USER-NAME: $TOKEN_USER" -H "X-SLURM-USER-TOKEN: $TOKEN" \
    "http://127.0.0.1:$P_REST/slurm/v0.0.38/ping" | grep -q '"ping"'
}
wait_for 30 ping_rest || { explain "slurmrestd did not answer /slurm/v0.0.38/ping on 127.0.0.1:$P_REST" "$LOG/slurmrestd.out"; exit 1; }

# ---- the contract for tests and the gateway ------------------------------------------
cat >"$DIR/env.tmp" <<EOF
SLURM_CONF=$CONF
SUANLI_SLURM_URL=http://127.0.0.1:$P_REST
SUANLI_SLURM_USER=$TOKEN_USER
SUANLI_SLURM_JWT_KEY=$JWT_KEY
SUANLI_SLURM_TOKEN=$TOKEN
SUANLI_SLURM_CLUSTER=$CLUSTER
SUANLI_SLURM_BIN=$(dirname "$(command -v scontrol)")
SUANLI_SLURM_DIR=$DIR
SUANLI_SLURM_BASE_PORT=$BASE_PORT
SUANLI_SLURM_CTLD_PORT=$P_CTLD
SUANLI_SLURM_DBD_PORT=$P_DBD
SUANLI_SLURM_DB_PORT=$P_DB
SUANLI_SLURM_REST_PORT=$P_REST
SUANLI_SLURM_REST_USER=$REST_USER
SUANLI_SLURM_LOGS=$LOG
SUANLI_SLURM_EXTRA_NODES=$EXTRA_NODES
SUANLI_SLURM_EXTRA_PARTITIONS=$EXTRA_PARTITIONS
SUANLI_SLURM_EXTRA_NODELIST=$EXTRA_NODELIST
EOF
mv "$DIR/env.tmp" "$DIR/env"
phase slurmrestd
started_ok=1
LAB=""
[ "$EXTRA_NODES" -eq 0 ] || LAB=" + $EXTRA_NODES slurmd-less nodes ($EXTRA_H100 gpu:h100:8 in gpu, $EXTRA_910B gpu:910b:8 in npu; down)"
say "cluster '$CLUSTER' up in $(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')s (${PHASES# }): 4 nodes (n1,n2 gpu:a100:4; n3,n4 gpu:910b:4)$LAB, slurmrestd on 127.0.0.1:$P_REST"
say "env: $DIR/env   logs: $LOG   stop: $HERE/stop.sh $DIR"
