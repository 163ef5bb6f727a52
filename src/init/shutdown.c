/* Stopping everything, then powering off, halting or rebooting. */
#include <errno.h>
#include <signal.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "init.h"

#define GRACE_MS 3000

/* Reaps until no child is left or ms have passed; 1 if none is left. */
static int reap_for(long ms)
{
	struct timespec tick = { 0, 50 * 1000 * 1000 };

	for (;;) {
		pid_t r;

		while ((r = waitpid(-1, NULL, WNOHANG)) > 0)
			;
		if (r < 0 && errno == ECHILD)
			return 1;
		if (ms <= 0)
			return 0;
		nanosleep(&tick, NULL);
		ms -= 50;
	}
}

/* Services first (SIGTERM, then SIGKILL), then the onshutdown
 * containers while containerd and the filesystems are still there,
 * then everything else.  The console's shell ignores SIGTERM when
 * interactive, so its session also gets SIGHUP, as on a hang-up. */
void shutdown_system(int how, struct system *sys)
{
	const char *what = how == RB_AUTOBOOT ? "reboot" :
	                   how == RB_POWER_OFF ? "poweroff" : "halt";

	say("stopping for %s", what);
	services_stop(&sys->services);
	run_bundles(CONTAINERS_DIR "/onshutdown");
	kill(-1, SIGTERM);
	if (sys->console > 0)
		kill(-sys->console, SIGHUP);
	kill(-1, SIGCONT);
	if (!reap_for(GRACE_MS)) {
		say("processes left after %d ms, killing them", GRACE_MS);
		kill(-1, SIGKILL);
		reap_for(GRACE_MS);
	}
	sync();
	unmount_all();
	sync();
	say("%s", what);
	reboot(how);
	warn_errno("reboot system call failed for", what);
	for (;;)
		pause();
}
