/* Containers: the onboot and onshutdown bundles under runc, one after
 * the other in name order, and containerd for the services. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "init.h"

/* The timeout of the bundle at dir, in ms: its config.json's, or the
 * default when it names none or cannot be read (said on the console). */
static long bundle_timeout_ms(const char *dir)
{
	static char buf[BUNDLE_CONFIG_MAX];
	char path[4096 + 16];
	long seconds = 0;
	ssize_t n = -1;
	int fd;

	snprintf(path, sizeof path, "%s/config.json", dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, buf, sizeof buf);
		close(fd);
	}
	if (n < 0)
		warn_errno("cannot read", path);
	else if (n == (ssize_t)sizeof buf)
		say("%s: larger than %d bytes, not read for its timeout", path, BUNDLE_CONFIG_MAX);
	else if ((seconds = parse_bundle_timeout(buf, (size_t)n)) < 0)
		say("%s: org.kitroot.timeout is not a number of seconds", path);
	if (seconds <= 0)
		seconds = BUNDLE_TIMEOUT_DEFAULT_S;
	return seconds * 1000;
}

/* Waits up to ms for pid: 1 with its wait status in *status, or 0 if it
 * still runs then.  SIGCHLD is blocked in init; one taken here may have
 * been another child's, so it is raised again for the main loop. */
static int wait_up_to(pid_t pid, long ms, int *status)
{
	long deadline = uptime_ms() + ms;
	int took = 0, ended = 0;
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);
		long left = deadline - uptime_ms();
		struct timespec wait;

		if (r == pid || (r < 0 && errno != EINTR)) {
			if (r < 0)
				*status = -1;
			ended = 1;
			break;
		}
		if (left <= 0)
			break;
		wait.tv_sec = left / 1000;
		wait.tv_nsec = (left % 1000) * 1000000L;
		if (sigtimedwait(&chld, NULL, &wait) == SIGCHLD)
			took = 1;
	}
	if (took)
		raise(SIGCHLD);
	return ended;
}

/* A container past its timeout: every process in it is killed (runc
 * kill --all, through its cgroup, so a container that shares the host's
 * PID namespace goes too), and `runc run` then ends; if it does not,
 * runc is killed and its state removed. */
static int kill_container(const char *name, pid_t runc)
{
	char *kill_argv[] = { RUNC, "--root", RUNC_STATE, "kill", "--all", (char *)name, "KILL",
	                      NULL };
	char *delete_argv[] = { RUNC, "--root", RUNC_STATE, "delete", "--force", (char *)name,
	                        NULL };
	int status = -1;

	run_and_wait(kill_argv);
	if (wait_up_to(runc, BUNDLE_KILL_GRACE_MS, &status))
		return status;
	say("container %s: runc still running %d ms after the kill, killing it too", name,
	    BUNDLE_KILL_GRACE_MS);
	kill(runc, SIGKILL);
	wait_up_to(runc, BUNDLE_KILL_GRACE_MS, &status);
	run_and_wait(delete_argv);
	return status;
}

/* Runs each bundle of dir with `runc run`, waiting for it up to its
 * timeout; a failure or a timeout is logged and the next one runs, so
 * a hung container never stops boot or poweroff. */
void run_bundles(const char *dir)
{
	char names[CONTAINERS_MAX][BOOTSTEP_NAME_MAX + 1];
	char bundle[4096];
	int n = list_names(dir, names, CONTAINERS_MAX, "containers"), i;

	for (i = 0; i < n; i++) {
		char *argv[] = { RUNC, "--root", RUNC_STATE, "run", "--no-pivot",
		                 "--bundle", bundle, names[i], NULL };
		long started = uptime_ms(), timeout;
		int status;
		pid_t pid;

		if (snprintf(bundle, sizeof bundle, "%s/%s", dir, names[i]) >= (int)sizeof bundle)
			continue;
		timeout = bundle_timeout_ms(bundle);
		pivot_when_possible(argv);
		pid = spawn(argv, 1);
		if (pid < 0)
			continue;
		if (!wait_up_to(pid, timeout, &status)) {
			say("container %s still running after its timeout of %ld s: killing it",
			    names[i], timeout / 1000);
			status = kill_container(names[i], pid);
			say("container %s killed after %ld ms (status %d); going on", names[i],
			    uptime_ms() - started, exit_code(status));
		} else if (status != 0)
			say("container %s failed (status %d)", names[i], exit_code(status));
		else
			say("container %s done in %ld ms", names[i], uptime_ms() - started);
	}
}

/* Whether containerd's metadata from an earlier boot is there: the
 * top-level `root = "PATH"` of its configuration (the one place that
 * names it) holding io.containerd.metadata.v1.bolt/meta.db.  Only then
 * can stale service records exist; on a first boot or with the state
 * in memory, init spares the memory of a ctr run to remove them. */
int containerd_has_metadata(void)
{
	char line[512], path[512 + 64];
	FILE *f = fopen(CONTAINERD_CONFIG, "re");
	struct stat st;
	int found = 0;

	if (!f)
		return 0;
	while (!found && fgets(line, sizeof line, f)) {
		char *p = line + strspn(line, " \t"), *end;

		if (*p == '[')
			break;
		if (strncmp(p, "root", 4))
			continue;
		p += 4;
		p += strspn(p, " \t");
		if (*p++ != '=')
			continue;
		p += strspn(p, " \t");
		if (*p++ != '"' || !(end = strchr(p, '"')))
			continue;
		*end = '\0';
		found = snprintf(path, sizeof path, "%s/io.containerd.metadata.v1.bolt/meta.db", p) <
		                (int)sizeof path;
	}
	fclose(f);
	return found && stat(path, &st) == 0;
}

/* Starts containerd with its output in a log file; its pid, or -1.  It
 * is ready once its socket is there (containerd_wait_ready). */
pid_t start_containerd(void)
{
	char *argv[] = { CONTAINERD, "--config", CONTAINERD_CONFIG, NULL };
	pid_t pid;
	int log;

	if (mkdir("/run/log", 0755) && errno != EEXIST)
		warn_errno("cannot create", "/run/log");
	/* ctr makes a task's stdio FIFOs here, on demand; made now, it can
	 * be bound into the operator console (getty) before any ctr ran. */
	if (mkdir(CONTAINERD_STATE, 0711) && errno != EEXIST)
		warn_errno("cannot create", CONTAINERD_STATE);
	if (mkdir(CTR_FIFO_DIR, 0700) && errno != EEXIST)
		warn_errno("cannot create", CTR_FIFO_DIR);
	/* A socket left by a containerd that died would look ready at once. */
	if (unlink(CONTAINERD_SOCKET) && errno != ENOENT)
		warn_errno("cannot remove", CONTAINERD_SOCKET);
	log = start_log_keeper(CONTAINERD_LOG, CONTAINERD_LOG_MAX);
	pid = log < 0 ? spawn_logged(argv, CONTAINERD_LOG) : spawn_to(argv, log);
	if (log >= 0)
		close(log);
	return pid;
}

/* Waits for the socket of containerd (pid, started at started_ms):
 * pid, or -1 if it ended first (then it is reaped).  After
 * CONTAINERD_WAIT_MS without a socket, pid: the services' starts fail
 * and are retried until it answers. */
pid_t containerd_wait_ready(pid_t pid, long started_ms)
{
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	long waited;
	struct stat st;

	for (waited = 0; waited < CONTAINERD_WAIT_MS; waited += 20) {
		if (stat(CONTAINERD_SOCKET, &st) == 0 && S_ISSOCK(st.st_mode)) {
			say("containerd ready in %ld ms", uptime_ms() - started_ms);
			return pid;
		}
		if (waitpid(pid, NULL, WNOHANG) == pid) {
			say("containerd exited at start (see %s)", CONTAINERD_LOG);
			return -1;
		}
		nanosleep(&tick, NULL);
	}
	say("containerd: no socket after %d ms (see %s)", CONTAINERD_WAIT_MS, CONTAINERD_LOG);
	return pid;
}
