/* What a container with no capability may not do, tried from inside
 * one: join a keyring, clone into a new user namespace, clone3 (which
 * a filter cannot inspect); and, as the control, a plain clone, which
 * it may.  Prints one line per call; exits 0 only if every answer is
 * the one kitroot's seccomp filter gives (docs/service-spec.md). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define KEYCTL_JOIN_SESSION_KEYRING 1

static char child_stack[64 * 1024] __attribute__((aligned(16)));

static int child(void *arg)
{
	(void)arg;
	return 0;
}

/* Reports call's answer against the errno it should fail with (0: it
 * should succeed); 1 if it was the expected one. */
static int expect(const char *call, long ret, int err, int want)
{
	char answer[96];

	if (ret >= 0)
		snprintf(answer, sizeof answer, "allowed");
	else
		snprintf(answer, sizeof answer, "%s", strerror(err));
	printf("syscall-probe: %s: %s\n", call, answer);
	return want ? ret < 0 && err == want : ret >= 0;
}

static long clone_with(int flags, int *err)
{
	long pid = clone(child, child_stack + sizeof child_stack, flags | SIGCHLD, NULL);

	*err = errno;
	if (pid > 0 && waitpid((pid_t)pid, NULL, 0) < 0)
		perror("syscall-probe: waitpid");
	return pid;
}

int main(void)
{
	int ok = 1, err;
	long ret;

	errno = 0;
	ret = syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, 0L);
	ok &= expect("keyctl(KEYCTL_JOIN_SESSION_KEYRING)", ret, errno, EPERM);
	ret = clone_with(CLONE_NEWUSER, &err);
	ok &= expect("clone(CLONE_NEWUSER)", ret, err, EPERM);
#ifdef SYS_clone3
	errno = 0;
	ret = syscall(SYS_clone3, NULL, 0L);
	ok &= expect("clone3", ret, errno, ENOSYS);
#endif
	ret = clone_with(0, &err);
	ok &= expect("clone", ret, err, 0);
	printf("syscall-probe: %s\n", ok ? "every answer as expected" : "an answer NOT as expected");
	return ok ? 0 : 1;
}
