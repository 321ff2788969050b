/*
 * queue-jobs: submits batch jobs to Slurm through libslurm, one
 * slurm_submit_batch_job() call each, as sbatch would but without starting a
 * process per job. Built and run by scripts/slurm/queue-jobs.sh for the big
 * lab; each job becomes a record of its own (unlike an array, which stays one
 * record while it pends).
 *
 * Jobs that are to wait for a begin time or a dependency are submitted held
 * and then released with that condition in one slurm_update_job() call: a
 * job submitted free makes slurmctld try to place it at once, which on
 * thousands of down nodes costs ~10 ms each and gives it, until the next
 * scheduling pass, the reason "ReqNodeNotAvail, UnavailableNodes:" followed
 * by every down node. Released ones show reason None until that pass
 * (SchedulerParameters sched_interval, 60 s by default).
 *
 *   queue-jobs [-j THREADS] < JOBS
 *
 * JOBS has one job a line, fields separated by spaces:
 *   NAME PARTITION ACCOUNT GRES NODES MINUTES WAIT
 * GRES is what --gres takes (gpu:h100:8) or "-". WAIT says why the job will
 * pend: "hold" (sbatch --hold: reason JobHeldUser), "begin" (--begin 30 days
 * ahead: BeginTime), "dep" (--dependency=afterok on the first job of JOBS,
 * which must not be a "dep" one: Dependency) or "none" (pends until Slurm can
 * run it, or runs). Job ids go to stdout, one a line, in the order of JOBS.
 * Slurm's client config comes from SLURM_CONF.
 * Exit status: 0 when every job was queued, 1 otherwise (the first error is
 * printed with its line).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <slurm/slurm.h>
#include <slurm/slurm_errno.h>

typedef struct {
	char name[128], partition[64], account[64], gres[64], wait[16];
	unsigned nodes, minutes;
	uint32_t job_id; /* once submitted */
} job_line_t;

static job_line_t *jobs;
static size_t njobs;
static size_t next_job; /* guarded by lock */
static size_t done;     /* guarded by lock */
static int failed;      /* guarded by lock */
static int releasing;   /* 0: submitting; 1: releasing the begin/dep jobs */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char dependency[64]; /* afterok:<first job>, set before the threads start */
static time_t begin_time;

static char script[] = "#!/bin/sh\n# queued by scripts/slurm/queue-jobs.sh\nsleep 3600\n";
static char *environment[] = { "PATH=/usr/bin:/bin", "SUANLI_LAB_JOB=1", NULL };

/* Jobs submitted held and released later with their condition. */
static int conditional(const job_line_t *j)
{
	return strcmp(j->wait, "begin") == 0 || strcmp(j->wait, "dep") == 0;
}

/* Errors after which the same request may well succeed: slurmctld busy. */
static int transient(int err)
{
	return err == EAGAIN || err == ESLURM_ERROR_ON_DESC_TO_RECORD_COPY ||
	       err == SLURM_PROTOCOL_SOCKET_IMPL_TIMEOUT ||
	       err == SLURMCTLD_COMMUNICATIONS_CONNECTION_ERROR ||
	       err == SLURMCTLD_COMMUNICATIONS_SEND_ERROR ||
	       err == SLURMCTLD_COMMUNICATIONS_RECEIVE_ERROR ||
	       err == SLURM_COMMUNICATIONS_CONNECTION_ERROR ||
	       err == ESLURM_NODES_BUSY;
}

static int submit(job_line_t *j)
{
	job_desc_msg_t d;
	submit_response_msg_t *resp = NULL;
	char tres[80];
	int rc, attempt;

	slurm_init_job_desc_msg(&d);
	d.name = (char *)j->name;
	d.partition = (char *)j->partition;
	d.account = (char *)j->account;
	if (strcmp(j->gres, "-") != 0) {
		snprintf(tres, sizeof(tres), "gres:%s", j->gres);
		d.tres_per_node = tres;
	}
	d.min_nodes = j->nodes;
	d.max_nodes = j->nodes;
	d.time_limit = j->minutes;
	if (strcmp(j->wait, "none") != 0)
		d.priority = 0; /* sbatch --hold */
	d.user_id = getuid();
	d.group_id = getgid();
	d.work_dir = "/tmp";
	d.std_out = "/dev/null";
	d.std_err = "/dev/null";
	d.script = script;
	d.environment = environment;
	d.env_size = 2;

	for (attempt = 0;; attempt++) {
		rc = slurm_submit_batch_job(&d, &resp);
		if (rc == SLURM_SUCCESS)
			break;
		rc = slurm_get_errno();
		if (!transient(rc) || attempt >= 20)
			return rc;
		usleep(100000 * (attempt + 1)); /* slurmctld is busy: back off */
	}
	j->job_id = resp->job_id;
	slurm_free_submit_response_response_msg(resp);
	return SLURM_SUCCESS;
}

/* scontrol release with --begin or --dependency, in one update. */
static int release(const job_line_t *j)
{
	job_desc_msg_t d;
	int rc, attempt;

	slurm_init_job_desc_msg(&d);
	d.job_id = j->job_id;
	d.priority = INFINITE; /* what scontrol release sends */
	if (strcmp(j->wait, "begin") == 0)
		d.begin_time = begin_time;
	else
		d.dependency = dependency;
	for (attempt = 0;; attempt++) {
		if (slurm_update_job(&d) == SLURM_SUCCESS)
			return SLURM_SUCCESS;
		rc = slurm_get_errno();
		if (!transient(rc) || attempt >= 20)
			return rc;
		usleep(100000 * (attempt + 1));
	}
}

static void *worker(void *arg)
{
	(void)arg;
	for (;;) {
		size_t i;
		int rc;

		pthread_mutex_lock(&lock);
		if (failed || next_job >= njobs) {
			pthread_mutex_unlock(&lock);
			return NULL;
		}
		i = next_job++;
		pthread_mutex_unlock(&lock);

		if (!releasing)
			rc = submit(&jobs[i]);
		else if (conditional(&jobs[i]))
			rc = release(&jobs[i]);
		else
			continue;

		pthread_mutex_lock(&lock);
		if (rc == SLURM_SUCCESS) {
			done++;
		} else if (!failed) {
			failed = 1;
			fprintf(stderr, "queue-jobs: line %zu (%s in %s for %s): %s %s\n", i + 1,
				jobs[i].name, jobs[i].partition, jobs[i].account,
				releasing ? "release failed:" : "submit failed:", slurm_strerror(rc));
		}
		pthread_mutex_unlock(&lock);
	}
}

static int read_jobs(FILE *in)
{
	size_t cap = 1024;
	char line[512];
	size_t lineno = 0;

	jobs = malloc(cap * sizeof(*jobs));
	if (!jobs)
		return -1;
	while (fgets(line, sizeof(line), in)) {
		job_line_t *j;
		lineno++;
		if (line[0] == '\n' || line[0] == '#')
			continue;
		if (njobs == cap) {
			cap *= 2;
			jobs = realloc(jobs, cap * sizeof(*jobs));
			if (!jobs)
				return -1;
		}
		j = &jobs[njobs];
		if (sscanf(line, "%127s %63s %63s %63s %u %u %15s", j->name, j->partition,
			   j->account, j->gres, &j->nodes, &j->minutes, j->wait) != 7 ||
		    j->nodes == 0 ||
		    (strcmp(j->wait, "hold") && strcmp(j->wait, "begin") &&
		     strcmp(j->wait, "dep") && strcmp(j->wait, "none")) ||
		    (njobs == 0 && strcmp(j->wait, "dep") == 0)) {
			fprintf(stderr, "queue-jobs: line %zu: want NAME PARTITION ACCOUNT GRES NODES MINUTES hold|begin|dep|none"
					" (the first job not dep), got: %s",
				lineno, line);
			return -1;
		}
		njobs++;
	}
	return 0;
}

/* Runs worker() on every job with THREADS threads; false when a call failed. */
static int run_phase(int threads, size_t from)
{
	pthread_t *tids = calloc(threads, sizeof(*tids));
	int i, started = 0;

	next_job = from;
	for (i = 0; i < threads; i++)
		if (pthread_create(&tids[i], NULL, worker, NULL) == 0)
			started++;
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	free(tids);
	if (started == 0) {
		fprintf(stderr, "queue-jobs: cannot start a thread\n");
		return 0;
	}
	return !failed;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) + (t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	int threads = 1, opt, ok;
	size_t i, submitted, released = 0;
	struct timespec t0;
	double secs;

	while ((opt = getopt(argc, argv, "j:h")) != -1) {
		switch (opt) {
		case 'j':
			threads = atoi(optarg);
			if (threads < 1 || threads > 64) {
				fprintf(stderr, "queue-jobs: -j wants 1..64 (got %s)\n", optarg);
				return 2;
			}
			break;
		default:
			fprintf(stderr, "usage: %s [-j THREADS] < JOBS\n"
					"JOBS: NAME PARTITION ACCOUNT GRES NODES MINUTES hold|begin|dep|none, one job a line\n",
				argv[0]);
			return 2;
		}
	}
	if (read_jobs(stdin) != 0)
		return 2;

	slurm_init(NULL);
	begin_time = time(NULL) + 30 * 86400;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok = 1;
	if (njobs > 0) {
		/* The first job goes alone: the "dep" jobs depend on it. */
		int rc = submit(&jobs[0]);
		if (rc == SLURM_SUCCESS) {
			snprintf(dependency, sizeof(dependency), "afterok:%u", jobs[0].job_id);
			done = 1;
			ok = run_phase(threads, 1);
		} else {
			fprintf(stderr, "queue-jobs: line 1 (%s in %s for %s): submit failed: %s\n",
				jobs[0].name, jobs[0].partition, jobs[0].account, slurm_strerror(rc));
			ok = 0;
		}
	}
	submitted = done;
	secs = seconds_since(&t0);
	if (ok) {
		for (i = 0; i < njobs; i++)
			released += conditional(&jobs[i]);
		releasing = 1;
		done = 0;
		ok = run_phase(threads, 0);
	}
	for (i = 0; i < njobs; i++)
		if (jobs[i].job_id)
			printf("%u\n", jobs[i].job_id);
	fprintf(stderr, "queue-jobs: %zu of %zu jobs submitted in %.1f s (%.0f jobs/s, %d thread%s)",
		submitted, njobs, secs, secs > 0 ? submitted / secs : 0.0, threads, threads == 1 ? "" : "s");
	if (released)
		fprintf(stderr, ", %zu of %zu released with a begin time or dependency",
			releasing ? done : 0, released);
	fprintf(stderr, " in %.1f s in all\n", seconds_since(&t0));
	slurm_fini();
	free(jobs);
	return ok ? 0 : 1;
}
