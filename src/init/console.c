/* The console program's supervision: started again whenever it ends,
 * and, when it keeps ending soon after its start (a wrong
 * /etc/kitroot/console, a program that cannot run), after the same
 * growing delay as a service, with a line on the console each time,
 * instead of once a second for ever.  PID 1 never sleeps for it: the
 * main loop waits until console_due() says. */
#include "init.h"

void console_start_now(struct system *sys)
{
	sys->console = start_console(CONSOLE_CONF);
	sys->console_started_ms = uptime_ms();
	sys->console_due_ms = -1;
}

void console_ended(struct system *sys, int status)
{
	long now = uptime_ms(), lived = now - sys->console_started_ms, delay;

	sys->console = -1;
	/* A session that lasted a while (a logout) starts afresh at once,
	 * as does the first short one. */
	if (lived > RESTART_RESET_MS)
		sys->console_quick_ends = 0;
	if (sys->console_quick_ends++ == 0) {
		sys->console_due_ms = now;
		return;
	}
	delay = restart_delay_ms(sys->console_quick_ends - 1);
	say("the console program ended after %ld ms (status %d), %d times in a row; "
	    "starting it again in %ld ms (%s names it)", lived, exit_code(status),
	    sys->console_quick_ends, delay, CONSOLE_CONF);
	sys->console_due_ms = now + delay;
}

long console_due(struct system *sys, long now)
{
	long wait = ms_until(sys->console_due_ms, now);

	if (wait)
		return wait;
	console_start_now(sys);
	return -1;
}
