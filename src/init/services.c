/* The services: each is a containerd task, started with `ctr run`,
 * which stays attached and exits with the task.  init is ctr's parent,
 * so a service that stops shows up as a child that exited, and is
 * started again after a back-off that grows with each restart. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "init.h"

#define CTR_ARGS CTR, "--address", CONTAINERD_SOCKET, "--namespace", CTR_NAMESPACE

void services_load(struct services *s, const char *dir)
{
	char names[CONTAINERS_MAX][BOOTSTEP_NAME_MAX + 1];
	int n = list_names(dir, names, CONTAINERS_MAX, "containers"), i;

	memset(s, 0, sizeof *s);
	for (i = 0; i < n; i++) {
		struct service *v = &s->list[s->n];
		int len = snprintf(v->config, sizeof v->config, "%s/%s/config.json", dir, names[i]);

		if (len < 0 || (size_t)len >= sizeof v->config) {
			say("%s/%s: path too long, service skipped", dir, names[i]);
			continue;
		}
		strcpy(v->name, names[i]);
		v->pid = -1;
		s->n++;
	}
}

/* containerd's metadata is on the data partition, and a container
 * record outlives a power cut (ctr's --rm never ran) or a service
 * killed at shutdown: `ctr run` would then find its name taken at every
 * boot.  The services are made afresh from their bundles each boot, so
 * any record of the same names goes, in one ctr run (names it does not
 * know it reports in containerd's log, and that is the usual case). */
void services_forget(const struct services *s)
{
	char *argv[5 + 2 + CONTAINERS_MAX + 1] = { CTR_ARGS, "containers", "rm" };
	size_t i, n = 7;

	if (s->n == 0)
		return;
	for (i = 0; i < s->n; i++)
		argv[n++] = (char *)s->list[i].name;
	argv[n] = NULL;
	run_logged_and_wait(argv, CONTAINERD_LOG);
}

/* Before a restart: what is left of the service's last run goes.  Its
 * `ctr run --rm` removes the container when the task ends, but not when
 * ctr itself ended first (killed, or containerd gone): the task may be
 * running on under its shim and the name is taken, so every new `ctr
 * run` would fail.  Errors (no such task, the usual case) go to
 * containerd's log. */
static void clear_one(const struct service *v)
{
	char *task[] = { CTR_ARGS, "tasks", "delete", "--force", (char *)v->name, NULL };
	char *container[] = { CTR_ARGS, "containers", "rm", (char *)v->name, NULL };

	run_logged_and_wait(task, CONTAINERD_LOG);
	run_logged_and_wait(container, CONTAINERD_LOG);
}

static void start_one(struct service *v, long now)
{
	char *argv[] = { CTR_ARGS, "run", "--rm", "--null-io", "--no-pivot",
	                 "--config", v->config, v->name, NULL };

	pivot_when_possible(argv);
	if (v->restarts > 0)
		clear_one(v);
	v->pid = spawn(argv, 1);
	if (v->pid > 0)
		set_oom_score_adj(v->pid, SUPERVISOR_OOM_SCORE_ADJ);
	v->started_ms = now;
	if (v->pid < 0)
		v->next_start_ms = now + restart_delay_ms(++v->restarts);
}

/* Starts every service that is not running and whose back-off is over;
 * returns ms until the next one is due, or -1 if none is waiting. */
long services_start_due(struct services *s, long now)
{
	long next = -1;
	size_t i;

	for (i = 0; i < s->n; i++) {
		struct service *v = &s->list[i];

		if (v->pid > 0 || s->stopping)
			continue;
		if (v->next_start_ms <= now)
			start_one(v, now);
		if (v->pid < 0 && (next < 0 || v->next_start_ms - now < next))
			next = v->next_start_ms - now;
	}
	return next;
}

/* pid ended: if it was a service's ctr, log it and plan the restart.
 * Returns 1 if it was one. */
int services_reaped(struct services *s, pid_t pid, int status, long now)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		struct service *v = &s->list[i];
		long delay;

		if (v->pid != pid)
			continue;
		v->pid = -1;
		if (s->stopping)
			return 1;
		/* A service that ran a good while starts again from the
		 * shortest delay. */
		if (now - v->started_ms > RESTART_RESET_MS)
			v->restarts = 0;
		delay = restart_delay_ms(++v->restarts);
		v->next_start_ms = now + delay;
		say("service %s exited (status %d), restart %d in %ld ms", v->name,
		    exit_code(status), v->restarts, delay);
		return 1;
	}
	return 0;
}

static void signal_all(struct services *s, const char *sig)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		char *argv[] = { CTR_ARGS, "task", "kill", "--signal", (char *)sig,
		                 s->list[i].name, NULL };

		if (s->list[i].pid > 0)
			run_and_wait(argv);
	}
}

static size_t running(const struct services *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->n; i++)
		n += s->list[i].pid > 0;
	return n;
}

/* Waits up to ms for the services' ctr processes, reaping whatever ends. */
static void wait_services(struct services *s, long ms)
{
	struct timespec tick = { 0, 50 * 1000 * 1000 };

	for (; ms > 0 && running(s); ms -= 50) {
		int status;
		pid_t pid;

		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			services_reaped(s, pid, status, 0);
		if (running(s))
			nanosleep(&tick, NULL);
	}
}

/* SIGTERM to every task, SERVICE_GRACE_MS to stop, then SIGKILL. */
void services_stop(struct services *s)
{
	if (!running(s))
		return;
	s->stopping = 1;
	say("stopping %zu services", running(s));
	signal_all(s, "SIGTERM");
	wait_services(s, SERVICE_GRACE_MS);
	if (running(s)) {
		say("%zu services still running after %d ms, killing them", running(s), SERVICE_GRACE_MS);
		signal_all(s, "SIGKILL");
		wait_services(s, SERVICE_GRACE_MS);
	}
}
