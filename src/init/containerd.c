/* containerd's supervision: started again when it ends, after the same
 * growing delay as a service.  The shims and the services' processes
 * outlive it, and a new containerd finds them in its state; the
 * services' `ctr run`s lose their connection and end, and each service
 * is then started again (services.c clears what is left of it first).
 * While containerd is down no service is started, so their back-offs
 * do not grow meanwhile.  PID 1 never sleeps for it: the main loop
 * waits until containerd_due() says. */
#include "init.h"

/* Starts containerd; containerd_started() then waits until it is ready.
 * At boot the onboot containers run in between. */
void containerd_start(struct system *sys)
{
	sys->containerd_started_ms = uptime_ms();
	sys->containerd = start_containerd();
	sys->containerd_due_ms = -1;
}

void containerd_started(struct system *sys)
{
	if (sys->containerd > 0)
		sys->containerd = containerd_wait_ready(sys->containerd, sys->containerd_started_ms);
	if (sys->containerd < 0)
		containerd_ended(sys, -1);
}

void containerd_start_now(struct system *sys)
{
	containerd_start(sys);
	containerd_started(sys);
}

void containerd_ended(struct system *sys, int status)
{
	long now = uptime_ms(), delay;

	sys->containerd = -1;
	if (sys->services.stopping)
		return;
	if (now - sys->containerd_started_ms > RESTART_RESET_MS)
		sys->containerd_restarts = 0;
	delay = restart_delay_ms(++sys->containerd_restarts);
	if (status != -1)
		say("containerd exited (status %d), restart %d in %ld ms (see %s)",
		    exit_code(status), sys->containerd_restarts, delay, CONTAINERD_LOG);
	else
		say("containerd did not start, attempt %d again in %ld ms",
		    sys->containerd_restarts, delay);
	sys->containerd_due_ms = now + delay;
}

long containerd_due(struct system *sys, long now)
{
	long wait = ms_until(sys->containerd_due_ms, now);

	if (wait)
		return wait;
	containerd_start_now(sys);
	return sys->containerd_due_ms < 0 ? -1 : ms_until(sys->containerd_due_ms, uptime_ms());
}
