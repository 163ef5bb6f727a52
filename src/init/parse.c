/* Parsers of the files a user writes for init.  No system calls here:
 * these run in unit tests and under the fuzzer on the host. */
#include <string.h>
#include <sys/wait.h>

#include "init.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* /etc/hostname: the first line, trimmed.  Letters, digits, '-' and
 * '.', not starting with '-' or '.'.  Returns 0, or -1 if it is empty,
 * too long or has another character. */
int parse_hostname(const char *buf, size_t len, char *out, size_t outlen)
{
	size_t start = 0, end, i;

	while (start < len && is_space(buf[start]))
		start++;
	end = start;
	while (end < len && buf[end] != '\n' && buf[end] != '\0')
		end++;
	while (end > start && is_space(buf[end - 1]))
		end--;
	if (end == start || end - start >= outlen || end - start > HOSTNAME_MAX)
		return -1;
	if (buf[start] == '-' || buf[start] == '.')
		return -1;
	for (i = start; i < end; i++) {
		char c = buf[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '.'))
			return -1;
	}
	memcpy(out, buf + start, end - start);
	out[end - start] = '\0';
	return 0;
}

/* Splits one command line into words, in place, on blanks.  No quoting:
 * the console command is a program and plain arguments.  Returns the
 * number of words, or -1 if there are more than max_args - 1 (argv
 * keeps room for its NULL). */
int parse_console_line(char *line, char **argv, size_t max_args)
{
	size_t n = 0;
	char *p = line;

	if (max_args == 0)
		return -1;
	for (;;) {
		while (*p && is_space(*p))
			*p++ = '\0';
		if (!*p)
			break;
		if (n + 1 >= max_args)
			return -1;
		argv[n++] = p;
		while (*p && !is_space(*p))
			p++;
	}
	argv[n] = NULL;
	return (int)n;
}

/* The console file: the first line that is neither blank nor a '#'
 * comment is the command.  Returns its word count, 0 if there is none,
 * -1 if it is too long. */
int parse_console_file(char *buf, char **argv, size_t max_args)
{
	char *line = buf;

	while (line && *line) {
		char *next = strchr(line, '\n');
		char *p = line;

		if (next)
			*next++ = '\0';
		while (*p && is_space(*p))
			p++;
		if (*p && *p != '#') {
			if (strlen(p) >= CONSOLE_MAX_LINE)
				return -1;
			return parse_console_line(p, argv, max_args);
		}
		line = next;
	}
	if (max_args)
		argv[0] = NULL;
	return 0;
}

/* Boot step file names, as run-parts takes them: [A-Za-z0-9_-] only, so
 * editor backups (foo~), package leftovers (foo.dpkg-old) and hidden
 * files never run. */
int bootstep_name_ok(const char *name)
{
	size_t n = 0;

	if (!*name)
		return 0;
	for (; name[n]; n++) {
		char c = name[n];

		if (n >= BOOTSTEP_NAME_MAX)
			return 0;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

/* The wait before a service's restart number `restarts` (1, 2, ...):
 * doubling from RESTART_MIN_MS, never over RESTART_MAX_MS. */
/* ms from now until due_ms: -1 when nothing is due (due_ms < 0), 0
 * when it is due now or overdue. */
long ms_until(long due_ms, long now)
{
	if (due_ms < 0)
		return -1;
	return now < due_ms ? due_ms - now : 0;
}

long restart_delay_ms(int restarts)
{
	long ms = RESTART_MIN_MS;

	while (--restarts > 0 && ms < RESTART_MAX_MS)
		ms *= 2;
	return ms < RESTART_MAX_MS ? ms : RESTART_MAX_MS;
}

/* qsort order of directory entry names (rows of a char array): byte
 * order, like run-parts. */
int compare_names(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* A wait status as one number, as a shell shows it: the exit code, or
 * 128 + the signal that ended the process; -1 stays -1 (no status). */
int exit_code(int status)
{
	if (status < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The seconds of an onboot or onshutdown bundle's timeout: the value of
 * `"org.kitroot.timeout": "N"` in its config.json, as kr-bundle writes
 * it.  kr-bundle writes the annotations last, and a JSON string holds a
 * quote only escaped, so the last occurrence of the quoted key not
 * preceded by a backslash is the annotation.  Returns N, 0 if there is
 * none, or -1 if its value is not 1 to 7 digits (not 0). */
long parse_bundle_timeout(const char *buf, size_t len)
{
	static const char key[] = "\"org.kitroot.timeout\"";
	const size_t klen = sizeof key - 1;
	const char *p = NULL, *end = buf + len;
	long seconds = 0;
	int digits = 0;
	size_t i;

	for (i = len >= klen ? len - klen + 1 : 0; i-- > 0;)
		if (!memcmp(buf + i, key, klen) && (i == 0 || buf[i - 1] != '\\')) {
			p = buf + i + klen;
			break;
		}
	if (!p)
		return 0;
	while (p < end && is_space(*p))
		p++;
	if (p == end || *p++ != ':')
		return -1;
	while (p < end && is_space(*p))
		p++;
	if (p == end || *p++ != '"')
		return -1;
	for (; p < end && *p >= '0' && *p <= '9' && digits < 7; p++, digits++)
		seconds = seconds * 10 + (*p - '0');
	if (p == end || *p != '"' || !digits || !seconds)
		return -1;
	return seconds;
}
