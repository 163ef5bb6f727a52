/* Starting the processes init looks after. */
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

static char *child_env[] = {
	"PATH=/sbin:/bin:/usr/sbin:/usr/bin",
	"HOME=/root",
	"TERM=vt100",
	NULL,   /* RUNC_BINARY_TRUSTED_ENV, once the root is read-only */
	NULL,
};

/* From now on every child's environment says runc's binary is on a
 * read-only root (init.h). */
void spawn_trust_runc_binary(void)
{
	child_env[3] = RUNC_BINARY_TRUSTED_ENV;
}

long uptime_ms(void)
{
	struct timespec t;

	if (clock_gettime(CLOCK_BOOTTIME, &t))
		return -1;
	return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* Forks and execs argv with init's blocked signals restored to normal;
 * with log_path, stdout and stderr are appended to it, with out_fd >= 0
 * they go there (stdin /dev/null either way). */
static pid_t spawn_with(char *const argv[], int new_session, const char *log_path, int out_fd)
{
	sigset_t all;
	int fd, null;
	pid_t pid = fork();

	if (pid < 0) {
		warn_errno("cannot fork for", argv[0]);
		return -1;
	}
	if (pid > 0)
		return pid;
	sigfillset(&all);
	sigprocmask(SIG_UNBLOCK, &all, NULL);
	if (new_session)
		setsid();
	if (log_path || out_fd >= 0) {
		fd = out_fd >= 0 ? out_fd :
		     open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
		null = open("/dev/null", O_RDONLY | O_CLOEXEC);
		if (fd < 0 || null < 0 || dup2(null, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0) {
			warn_errno("cannot set up the output of", argv[0]);
			_exit(127);
		}
	}
	execve(argv[0], argv, child_env);
	warn_errno("cannot run", argv[0]);
	_exit(127);
}

/* The OOM killer's bias for pid: a failure is reported, nothing more. */
void set_oom_score_adj(pid_t pid, int adj)
{
	char path[64], value[16];
	int fd, n;

	snprintf(path, sizeof path, "/proc/%d/oom_score_adj", (int)pid);
	n = snprintf(value, sizeof value, "%d\n", adj);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, value, (size_t)n) != n)
		warn_errno("cannot write", path);
	if (fd >= 0)
		close(fd);
}

pid_t spawn(char *const argv[], int new_session)
{
	return spawn_with(argv, new_session, NULL, -1);
}

/* As spawn, in a new session, with its output in log_path. */
pid_t spawn_logged(char *const argv[], const char *log_path)
{
	return spawn_with(argv, 1, log_path, -1);
}

/* As spawn, in a new session, with its output to fd. */
pid_t spawn_to(char *const argv[], int fd)
{
	return spawn_with(argv, 1, NULL, fd);
}

/* Waits for pid alone: other children are left for init's main loop,
 * which knows which of them are services. */
static int wait_for(pid_t pid)
{
	int status;

	for (;;) {
		pid_t r = waitpid(pid, &status, 0);

		if (r == pid)
			return status;
		if (r < 0 && errno != EINTR)
			return -1;
	}
}

/* Runs argv in a new session and waits for it; its wait status, or -1. */
int run_and_wait(char *const argv[])
{
	pid_t pid = spawn(argv, 1);

	return pid < 0 ? -1 : wait_for(pid);
}

/* As run_and_wait, with its output appended to log_path. */
int run_logged_and_wait(char *const argv[], const char *log_path)
{
	pid_t pid = spawn_logged(argv, log_path);

	return pid < 0 ? -1 : wait_for(pid);
}

/* Runs each executable in dir, in name order, one after the other, as
 * run-parts does.  A failing step is reported; boot goes on. */
void run_bootsteps(const char *dir)
{
	char names[BOOTSTEPS_MAX][BOOTSTEP_NAME_MAX + 1];
	char path[4096];
	int n = list_names(dir, names, BOOTSTEPS_MAX, "steps"), i;

	for (i = 0; i < n; i++) {
		char *argv[2] = { path, NULL };
		struct stat st;
		pid_t pid;
		int status;

		if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path)
			continue;
		if (stat(path, &st) || !S_ISREG(st.st_mode) || !(st.st_mode & 0111))
			continue;
		pid = spawn(argv, 1);
		if (pid < 0)
			continue;
		status = wait_for(pid);
		if (status != 0)
			say("boot step %s failed (status %d)", names[i], exit_code(status));
	}
}

/* Starts the console program named in config_path (default: a login
 * shell on the console's real tty).  "none" starts nothing: a getty
 * service owns the console then.  Returns its pid, or -1. */
pid_t start_console(const char *config_path)
{
	static char *const fallback[] = { "/bin/cttyhack", "/bin/sh", "-l", NULL };
	char buf[CONSOLE_MAX_LINE * 4];
	char *argv[CONSOLE_MAX_ARGS];
	ssize_t len = -1;
	int fd = open(config_path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		len = read(fd, buf, sizeof buf - 1);
		if (len < 0)
			warn_errno("cannot read", config_path);
		close(fd);
	} else if (errno != ENOENT) {
		warn_errno("cannot open", config_path);
	}
	if (len > 0) {
		buf[len] = '\0';
		if (parse_console_file(buf, argv, CONSOLE_MAX_ARGS) > 0) {
			if (!strcmp(argv[0], "none"))
				return -1;
			return spawn(argv, 1);
		}
		say("%s: no usable command (at most %d words, %d characters); using %s",
		    config_path, CONSOLE_MAX_ARGS - 1, CONSOLE_MAX_LINE - 1, fallback[0]);
	}
	return spawn(fallback, 1);
}
