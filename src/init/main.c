/* kitroot init: PID 1.
 *
 * Puts a bind mount of the initramfs's root over it (so that runc can
 * pivot_root), mounts the early filesystems, sets the hostname, makes
 * the root filesystem read-only (unless /etc/kitroot/root-writable
 * exists), runs the boot steps in /etc/kitroot/boot.d, says "kitroot:
 * boot complete in N ms", then keeps a console program running and
 * reaps every orphan.  SIGTERM reboots, SIGUSR1 halts, SIGUSR2 powers
 * off (busybox's reboot, halt and poweroff send these), Ctrl-Alt-Del
 * (SIGINT) reboots. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "init.h"

#ifndef KR_VERSION
#define KR_VERSION "dev"
#endif

#define BOOTSTEP_DIR "/etc/kitroot/boot.d"
#define HOSTNAME_FILE "/etc/hostname"
#define ROOT_WRITABLE_FLAG "/etc/kitroot/root-writable"

/* The kernel gives PID 1 the console as fds 0-2 when /dev/console
 * exists in the initramfs; make sure of it once devtmpfs is there. */
static void ensure_console_fds(void)
{
	int fd;

	if (fcntl(2, F_GETFD) >= 0)
		return;
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

/* Reaps every child that ended; a service is planned for restart, the
 * console is started again. */
static void reap(struct system *sys)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (services_reaped(&sys->services, pid, status, uptime_ms()))
			continue;
		if (pid == sys->containerd) {
			containerd_ended(sys, status);
		} else if (pid == sys->console) {
			console_ended(sys, status);
		}
	}
}

static void start_containers(struct system *sys)
{
	struct stat st;
	int stale;

	services_load(&sys->services, CONTAINERS_DIR "/services");
	if (sys->services.n > 0 && stat(CONTAINERD, &st)) {
		say("%zu services but no %s: they do not run", sys->services.n, CONTAINERD);
		sys->services.n = 0;
	}
	/* (before containerd makes its metadata, if it was not there) */
	stale = sys->services.n > 0 && containerd_has_metadata();
	/* containerd starts while the onboot containers run: it needs
	 * nothing of theirs, and the services wait for both. */
	if (sys->services.n > 0)
		containerd_start(sys);
	run_bundles(CONTAINERS_DIR "/onboot");
	if (sys->services.n == 0)
		return;
	containerd_started(sys);
	if (sys->containerd < 0)
		return;
	if (stale)
		services_forget(&sys->services);
	services_start_due(&sys->services, uptime_ms());
}

int main(int argc, char **argv)
{
	static struct system sys;
	sigset_t handled;

	if (argc > 1 && !strcmp(argv[1], "--version")) {
		printf("%s %s\n", INIT_NAME, KR_VERSION);
		return 0;
	}
	if (getpid() != 1) {
		fprintf(stderr, "%s: must run as PID 1 (use poweroff or reboot to stop the system)\n",
		        argc > 0 ? argv[0] : INIT_NAME);
		return 1;
	}
	/* Signals are taken synchronously in the loop below. */
	sigemptyset(&handled);
	sigaddset(&handled, SIGCHLD);
	sigaddset(&handled, SIGTERM);
	sigaddset(&handled, SIGUSR1);
	sigaddset(&handled, SIGUSR2);
	sigaddset(&handled, SIGINT);
	sigaddset(&handled, SIGHUP);
	sigprocmask(SIG_BLOCK, &handled, NULL);
	reboot(RB_DISABLE_CAD);

	make_root_pivotable(ROOT_WRITABLE_FLAG);
	mount_early_filesystems();
	ensure_console_fds();
	check_initramfs_complete();
	umask(022);
	set_hostname_from(HOSTNAME_FILE);
	if (make_root_read_only(ROOT_WRITABLE_FLAG))
		spawn_trust_runc_binary();
	run_bootsteps(BOOTSTEP_DIR);
	sys.console = -1;
	sys.console_due_ms = -1;
	sys.containerd = -1;
	sys.containerd_due_ms = -1;
	start_containers(&sys);
	say("boot complete in %ld ms", uptime_ms());

	console_start_now(&sys);
	for (;;) {
		long containerd = containerd_due(&sys, uptime_ms());
		long now = uptime_ms();
		/* no service starts while containerd is down */
		long due = sys.containerd > 0 ? services_start_due(&sys.services, now) : -1;
		long console = console_due(&sys, now);
		struct timespec wait;
		siginfo_t info;
		int sig;

		/* the soonest; -1 (nothing due) only if all are */
		if (due < 0 || (console >= 0 && console < due))
			due = console;
		if (due < 0 || (containerd >= 0 && containerd < due))
			due = containerd;
		wait.tv_sec = due / 1000;
		wait.tv_nsec = (due % 1000) * 1000000L;
		sig = due < 0 ? sigwaitinfo(&handled, &info) : sigtimedwait(&handled, &info, &wait);

		switch (sig) {
		case SIGCHLD:
			reap(&sys);
			break;
		case SIGTERM:
		case SIGINT:
			shutdown_system(RB_AUTOBOOT, &sys);
			break;
		case SIGUSR1:
			shutdown_system(RB_HALT_SYSTEM, &sys);
			break;
		case SIGUSR2:
			shutdown_system(RB_POWER_OFF, &sys);
			break;
		case -1:
			if (errno != EINTR && errno != EAGAIN)
				warn_errno("sigwaitinfo", "failed");
			break;
		default: /* SIGHUP: nothing to reload yet */
			break;
		}
	}
}
