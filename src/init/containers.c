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

/* Runs each bundle of dir with `runc run`, waiting for it; a failure is
 * logged and the next one runs. */
void run_bundles(const char *dir)
{
	char names[CONTAINERS_MAX][BOOTSTEP_NAME_MAX + 1];
	char bundle[4096];
	int n = list_names(dir, names, CONTAINERS_MAX, "containers"), i;

	for (i = 0; i < n; i++) {
		char *argv[] = { RUNC, "--root", RUNC_STATE, "run", "--no-pivot",
		                 "--bundle", bundle, names[i], NULL };
		long started = uptime_ms();
		int status;

		if (snprintf(bundle, sizeof bundle, "%s/%s", dir, names[i]) >= (int)sizeof bundle)
			continue;
		pivot_if_moved(argv);
		status = run_and_wait(argv);
		if (status != 0)
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

/* Starts containerd with its output in a log file and waits for its
 * socket; returns its pid, or -1. */
pid_t start_containerd(void)
{
	char *argv[] = { CONTAINERD, "--config", CONTAINERD_CONFIG, NULL };
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	long started = uptime_ms(), waited;
	struct stat st;
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
	if (pid < 0)
		return -1;
	for (waited = 0; waited < CONTAINERD_WAIT_MS; waited += 20) {
		if (stat(CONTAINERD_SOCKET, &st) == 0 && S_ISSOCK(st.st_mode)) {
			say("containerd ready in %ld ms", uptime_ms() - started);
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
