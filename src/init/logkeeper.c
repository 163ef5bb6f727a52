/* containerd's log, bounded.  containerd writes to a pipe; a child of
 * init (forked, no program of its own) copies what comes to the log
 * file and, when the file would pass LOG_KEEP_MAX, renames it to
 * NAME.old and starts a new one: /run holds at most twice that, however
 * long the system runs and however often a service fails.  (With the
 * file as containerd's stdout, a renamed or truncated file would keep
 * growing through the descriptor containerd holds.)  The keeper ends
 * when the last writer closes the pipe. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "init.h"

static int open_log(const char *path)
{
	return open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static void keep(int in, const char *path, off_t max)
{
	char buf[4096], old[512];
	int out = open_log(path);
	struct stat st;

	if (out < 0 || snprintf(old, sizeof old, "%s.old", path) >= (int)sizeof old) {
		warn_errno("cannot open", path);
		return;
	}
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		/* the file's own size: ctr's messages are appended to it too */
		if (fstat(out, &st) == 0 && st.st_size + n > max) {
			close(out);
			if (rename(path, old))
				warn_errno("cannot rename", path);
			out = open_log(path);
			if (out < 0) {
				warn_errno("cannot open", path);
				return;
			}
		}
		if (write_all(out, buf, (size_t)n)) {
			warn_errno("cannot write", path);
			break;
		}
	}
	close(out);
}

/* Starts the keeper of path; returns the pipe's end to write to (for
 * the program's stdout and stderr), or -1 after saying why. */
int start_log_keeper(const char *path, off_t max)
{
	sigset_t all;
	int fds[2];
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC)) {
		warn_errno("cannot make a pipe for", path);
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		warn_errno("cannot fork the keeper of", path);
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[1]);
		sigfillset(&all);
		sigprocmask(SIG_UNBLOCK, &all, NULL);
		prctl(PR_SET_NAME, "log-keeper");
		keep(fds[0], path, max);
		_exit(0);
	}
	close(fds[0]);
	return fds[1];
}
