/* Unit tests of init's parsers. */
#include <stdlib.h>
#include <string.h>

#include "../init.h"
#include "../../test/check.h"

static void test_hostname(struct tally *t)
{
	char out[HOSTNAME_MAX + 1];
	char long_name[HOSTNAME_MAX + 2];

	CHECK(t, parse_hostname("box\n", 4, out, sizeof out) == 0 && !strcmp(out, "box"));
	CHECK(t, parse_hostname("  edge-01.lab \r\nignored\n", 24, out, sizeof out) == 0 &&
	         !strcmp(out, "edge-01.lab"));
	CHECK(t, parse_hostname("abc", 3, out, sizeof out) == 0 && !strcmp(out, "abc"));
	CHECK(t, parse_hostname("", 0, out, sizeof out) == -1);
	CHECK(t, parse_hostname(" \n", 2, out, sizeof out) == -1);
	CHECK(t, parse_hostname("-bad", 4, out, sizeof out) == -1);
	CHECK(t, parse_hostname("a b", 3, out, sizeof out) == -1);
	CHECK(t, parse_hostname("a/b", 3, out, sizeof out) == -1);
	CHECK(t, parse_hostname("ab", 2, out, 2) == -1); /* no room for the NUL */
	memset(long_name, 'a', sizeof long_name);
	CHECK(t, parse_hostname(long_name, sizeof long_name, out, sizeof out) == -1);
	CHECK(t, parse_hostname(long_name, HOSTNAME_MAX, out, sizeof out) == 0);
}

static void test_console(struct tally *t)
{
	char *argv[4];
	char l1[] = "  /bin/sh   -l\t-x \n";
	char l2[] = "a b c d";
	char f1[] = "# comment\n\n   \n/bin/cttyhack /bin/sh -l\n/bin/other\n";
	char f2[] = "# only comments\n\n";
	char f3[] = "";

	CHECK(t, parse_console_line(l1, argv, 4) == 3);
	CHECK(t, !strcmp(argv[0], "/bin/sh") && !strcmp(argv[1], "-l") &&
	         !strcmp(argv[2], "-x") && argv[3] == NULL);
	CHECK(t, parse_console_line(l2, argv, 4) == -1); /* 4 words, room for 3 */
	CHECK(t, parse_console_line(l2, argv, 0) == -1);
	CHECK(t, parse_console_file(f1, argv, 4) == 3);
	CHECK(t, !strcmp(argv[0], "/bin/cttyhack") && !strcmp(argv[2], "-l"));
	CHECK(t, parse_console_file(f2, argv, 4) == 0 && argv[0] == NULL);
	CHECK(t, parse_console_file(f3, argv, 4) == 0);
}

static void test_bootstep_names(struct tally *t)
{
	char long_name[BOOTSTEP_NAME_MAX + 2];

	CHECK(t, bootstep_name_ok("10-loopback"));
	CHECK(t, bootstep_name_ok("20_net"));
	CHECK(t, !bootstep_name_ok(""));
	CHECK(t, !bootstep_name_ok("."));
	CHECK(t, !bootstep_name_ok(".hidden"));
	CHECK(t, !bootstep_name_ok("10-net~"));
	CHECK(t, !bootstep_name_ok("10-net.dpkg-old"));
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	CHECK(t, !bootstep_name_ok(long_name));
	long_name[BOOTSTEP_NAME_MAX] = '\0';
	CHECK(t, bootstep_name_ok(long_name));
}

static void test_restart_delay(struct tally *t)
{
	CHECK(t, restart_delay_ms(1) == RESTART_MIN_MS);
	CHECK(t, restart_delay_ms(2) == 2 * RESTART_MIN_MS);
	CHECK(t, restart_delay_ms(3) == 4 * RESTART_MIN_MS);
	CHECK(t, restart_delay_ms(0) == RESTART_MIN_MS);
	CHECK(t, restart_delay_ms(6) == RESTART_MAX_MS);
	CHECK(t, restart_delay_ms(1000000) == RESTART_MAX_MS);
	/* the main loop's waits: nothing due, due later, due now or past */
	CHECK(t, ms_until(-1, 5000) == -1);
	CHECK(t, ms_until(6000, 5000) == 1000);
	CHECK(t, ms_until(5000, 5000) == 0);
	CHECK(t, ms_until(4000, 5000) == 0);
}

/* The console's restart schedule: at once after a long session or the
 * first short one, then the services' growing delay. */
static void test_console_schedule(struct tally *t)
{
	static struct system sys;
	long now;

	sys.console = 42;
	sys.console_started_ms = uptime_ms();
	console_ended(&sys, 0);
	now = uptime_ms();
	CHECK(t, sys.console == -1 && sys.console_quick_ends == 1 && sys.console_due_ms <= now);
	console_ended(&sys, 127 << 8);
	now = uptime_ms();
	CHECK(t, sys.console_quick_ends == 2 && sys.console_due_ms > now &&
	         sys.console_due_ms <= now + RESTART_MIN_MS);
	console_ended(&sys, 127 << 8);
	CHECK(t, sys.console_quick_ends == 3 && sys.console_due_ms > uptime_ms() + RESTART_MIN_MS);
	CHECK(t, console_due(&sys, sys.console_due_ms - 5) == 5);
	sys.console_started_ms = uptime_ms() - RESTART_RESET_MS - 1;
	console_ended(&sys, 0);
	CHECK(t, sys.console_quick_ends == 1 && sys.console_due_ms <= uptime_ms());
}

static void test_name_order(struct tally *t)
{
	char names[][BOOTSTEP_NAME_MAX + 1] = { "20-dhcp", "10-sysctl", "10-Sysctl", "10-sysctl" };

	CHECK(t, compare_names(names[1], names[0]) < 0);
	CHECK(t, compare_names(names[0], names[1]) > 0);
	CHECK(t, compare_names(names[1], names[3]) == 0);
	qsort(names, 4, sizeof names[0], compare_names);
	CHECK(t, !strcmp(names[0], "10-Sysctl") && !strcmp(names[1], "10-sysctl") &&
	         !strcmp(names[3], "20-dhcp"));
}

static void test_exit_code(struct tally *t)
{
	CHECK(t, exit_code(0) == 0);
	CHECK(t, exit_code(3 << 8) == 3);   /* exit(3) */
	CHECK(t, exit_code(9) == 128 + 9);  /* killed by SIGKILL */
	CHECK(t, exit_code(-1) == -1);      /* waitpid failed */
}

/* The timeout annotation kr-bundle writes last in config.json. */
static void test_bundle_timeout(struct tally *t)
{
#define TIMEOUT(s) parse_bundle_timeout(s, sizeof s - 1)
	CHECK(t, TIMEOUT("{\n\t\"annotations\": {\n\t\t\"org.kitroot.timeout\": \"7\"\n\t}\n}\n") == 7);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\":\"3600\"") == 3600);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\" : \"9999999\"") == 9999999);
	CHECK(t, TIMEOUT("{}") == 0 && TIMEOUT("") == 0 && TIMEOUT("\"org.kitroot.timeou") == 0);
	/* an escaped quote is inside a string, not a key */
	CHECK(t, TIMEOUT("\"env\": [\"X=\\\"org.kitroot.timeout\\\": \\\"1\\\"\"]") == 0);
	/* the last one is the annotation */
	CHECK(t, TIMEOUT("\"X=\\\"org.kitroot.timeout\\\": \\\"1\" \"org.kitroot.timeout\": \"5\"") == 5);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\": \"0\"") == -1);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\": \"10000000\"") == -1);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\": \"\"") == -1);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\": 5") == -1);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\": \"5s\"") == -1);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\": \"-5\"") == -1);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\": \"5") == -1);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\"") == -1);
	CHECK(t, TIMEOUT("\"org.kitroot.timeout\":") == -1);
#undef TIMEOUT
}

int main(void)
{
	struct tally t = { 0, 0 };

	test_hostname(&t);
	test_console(&t);
	test_bootstep_names(&t);
	test_restart_delay(&t);
	test_console_schedule(&t);
	test_name_order(&t);
	test_exit_code(&t);
	test_bundle_timeout(&t);
	return tally_report("init-parse", &t);
}
