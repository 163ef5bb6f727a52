/* Parsing a service spec: one KEY and its words per line, '#' comment
 * lines and blank lines skipped.  This file reads lines and dispatches
 * on the key; what each key means is in proc_keys.c and linux_keys.c.
 * It does no I/O, so the unit tests and the fuzzer drive it directly. */
#include <stdarg.h>
#include <string.h>

#include "keys.h"

#define ANY SPEC_WORDS_MAX

static const struct key {
	const char *name;
	key_fn *fn;
	int min, max;   /* words after the key */
	int once;       /* may appear on one line only */
	int quotes;     /* values may be quoted (they may hold blanks) */
	const char *usage;
} keys[] = {
	{ "kind", key_kind, 1, 1, 1, 0, "onboot|service|onshutdown" },
	{ "order", key_order, 1, 1, 1, 0, "NN (two digits, 00..99; onboot and onshutdown only)" },
	{ "timeout", key_timeout, 1, 1, 1, 0, "SECONDS (1..3600; onboot and onshutdown only)" },
	{ "command", key_command, 1, ANY, 1, 1, "/ABS/PROGRAM [ARG...]" },
	{ "user", key_user, 2, 2, 1, 0, "UID GID" },
	{ "cwd", key_cwd, 1, 1, 1, 0, "/ABS/PATH" },
	{ "env", key_env, 1, ANY, 0, 1, "NAME=VALUE..." },
	{ "capabilities", key_capabilities, 1, ANY, 0, 0, "CAP_NAME..." },
	{ "share", key_share, 1, 4, 0, 0, "net|pid|ipc|uts..." },
	{ "bind", key_bind, 2, 4, 0, 0, "/SRC /DEST [ro|rw] [exec]" },
	{ "tmpfs", key_tmpfs, 1, 4, 0, 0, "/DEST [size=N[K|M|G]] [mode=OCTAL] [exec]" },
	{ "rootfs", key_rootfs, 1, 1, 1, 0, "ro|rw" },
	{ "writable", key_writable, 1, ANY, 0, 0, "PATH... (from the read-only /proc paths)" },
	{ "device", key_device, 4, 5, 0, 0, "/dev/PATH c|b MAJOR MINOR [rwm]" },
	{ "sysctl", key_sysctl, 2, 2, 0, 0, "KEY VALUE" },
	{ "rlimit", key_rlimit, 3, 3, 0, 0, "NAME SOFT HARD" },
	{ "memory", key_memory, 1, 1, 1, 0, "N[K|M|G]" },
	{ "pids", key_pids, 1, 1, 1, 0, "N" },
	{ "cpu-shares", key_cpu_shares, 1, 1, 1, 0, "N (2..262144)" },
	{ "oom-score-adj", key_oom_score_adj, 1, 1, 1, 0, "N (-1000..1000)" },
	{ "seccomp-allow", key_seccomp_allow, 1, ANY, 0, 0, "SYSCALL... (not allowed by default)" },
	{ "host-bind", key_host_bind, 1, SPEC_MOUNTS_MAX, 1, 0, "/SRC... (binds of /, /proc, /sys, /dev or /run)" },
};

#define KEY_COUNT ((int)(sizeof keys / sizeof keys[0]))

int spec_fail(struct spec_err *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

const char *spec_kind_name(enum spec_kind k)
{
	switch (k) {
	case SPEC_ONBOOT: return "onboot";
	case SPEC_SERVICE: return "service";
	case SPEC_ONSHUTDOWN: return "onshutdown";
	default: return "unknown";
	}
}

/* Length of the UTF-8 sequence at p (n bytes left), 0 if invalid:
 * overlong forms, surrogates and code points past U+10FFFF included,
 * since the words end up in JSON strings, which must be valid UTF-8. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t len, i;

	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, lo = p[0] == 0xe0 ? 0xa0 : 0x80, hi = p[0] == 0xed ? 0x9f : 0xbf;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, lo = p[0] == 0xf0 ? 0x90 : 0x80, hi = p[0] == 0xf4 ? 0x8f : 0xbf;
	else
		return 0;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return len;
}

/* Printable text only: a control character in a spec is a mistake
 * (a CR from a DOS editor, most often) and would be invisible. */
static int check_bytes(const char *line, size_t n, struct spec_err *e)
{
	const unsigned char *p = (const unsigned char *)line;
	size_t i = 0;

	while (i < n) {
		if (p[i] >= 0x80) {
			size_t len = utf8_len(p + i, n - i);

			if (!len)
				return spec_fail(e, "invalid UTF-8 at byte %zu (expected UTF-8 text)", i + 1);
			i += len;
		} else if ((p[i] < 0x20 && p[i] != '\t') || p[i] == 0x7f) {
			return spec_fail(e, "control character 0x%02x at byte %zu (expected text with "
			                 "Unix line ends)", p[i], i + 1);
		} else {
			i++;
		}
	}
	return 0;
}

static int unknown_key(const char *key, size_t len, struct spec_err *e)
{
	size_t at;
	int i;

	spec_fail(e, "unknown key '%.*s' (expected one of:", len > 40 ? 40 : (int)len, key);
	for (i = 0; i < KEY_COUNT; i++) {
		at = strlen(e->msg);
		snprintf(e->msg + at, sizeof e->msg - at, " %s", keys[i].name);
	}
	at = strlen(e->msg);
	snprintf(e->msg + at, sizeof e->msg - at, ")");
	return -1;
}

static int parse_line(struct spec *s, char *line, unsigned lineno, unsigned *first,
                      struct spec_err *e)
{
	char *words[SPEC_WORDS_MAX];
	const char *why;
	char *rest;
	size_t len;
	int i, n;

	line += strspn(line, " \t");
	if (!*line || *line == '#')
		return 0;
	len = strcspn(line, " \t");
	for (i = 0; i < KEY_COUNT; i++)
		if (strlen(keys[i].name) == len && !strncmp(keys[i].name, line, len))
			break;
	if (i == KEY_COUNT)
		return unknown_key(line, len, e);
	rest = line + len + (line[len] != '\0');
	line[len] = '\0';
	n = split_words(rest, words, SPEC_WORDS_MAX - 1, keys[i].quotes, &why);
	if (n < 0)
		return spec_fail(e, "%s: %s (expected: %s %s)", keys[i].name, why, keys[i].name,
		                 keys[i].usage);
	if (n < keys[i].min || n > keys[i].max)
		return spec_fail(e, "%s: %d word%s after the key (expected: %s %s)", keys[i].name,
		                 n, n == 1 ? "" : "s", keys[i].name, keys[i].usage);
	if (keys[i].once && first[i])
		return spec_fail(e, "%s given again (first on line %u; it may appear once)",
		                 keys[i].name, first[i]);
	if (!first[i])
		first[i] = lineno;
	return keys[i].fn(s, words, n, e);
}

/* The line a key was first given on, 0 if it was not. */
static unsigned key_line(const unsigned *first, const char *name)
{
	int i;

	for (i = 0; i < KEY_COUNT; i++)
		if (!strcmp(keys[i].name, name))
			return first[i];
	return 0;
}

/* What only the whole spec tells: the required keys, and keys that
 * depend on each other (first[i]: the line of key i, 0 if absent). */
static int check_whole(const struct spec *s, const unsigned *first, struct spec_err *e)
{
	unsigned order_line = key_line(first, "order");
	int i, k;

	e->line = 0;
	if (!s->kind)
		return spec_fail(e, "no kind line (expected: kind onboot|service|onshutdown)");
	if (!s->nargs)
		return spec_fail(e, "no command line (expected: command /ABS/PROGRAM [ARG...])");
	if (s->kind == SPEC_SERVICE && order_line) {
		e->line = order_line;
		return spec_fail(e, "order: a service has no order (kind service on line %u; only "
		                 "onboot and onshutdown containers run one after the other: remove "
		                 "this line)", key_line(first, "kind"));
	}
	if (s->kind == SPEC_SERVICE && key_line(first, "timeout")) {
		e->line = key_line(first, "timeout");
		return spec_fail(e, "timeout: a service has no timeout (kind service on line %u; "
		                 "init waits only for onboot and onshutdown containers, and "
		                 "restarts a service that ends: remove this line)",
		                 key_line(first, "kind"));
	}
	/* The host's own state is bound only where host-bind names it,
	 * and host-bind names nothing else. */
	for (i = 0; i < s->nmounts; i++) {
		const struct spec_mount *m = &s->mounts[i];

		if (!m->src || !host_state_path(m->src))
			continue;
		for (k = 0; k < s->nhost_binds && strcmp(s->host_binds[k], m->src); k++)
			;
		if (k == s->nhost_binds) {
			e->line = m->line;
			return spec_fail(e, "bind: %.80s is the host's own state (init's and "
			                 "containerd's): a container that binds it can reach the "
			                 "host; bind a narrower path outside /, /proc, /sys, /dev and "
			                 "/run, or name it in host-bind, an exception the security "
			                 "report lists", m->src);
		}
	}
	for (k = 0; k < s->nhost_binds; k++) {
		for (i = 0; i < s->nmounts; i++)
			if (s->mounts[i].src && !strcmp(s->mounts[i].src, s->host_binds[k]))
				break;
		if (i == s->nmounts) {
			e->line = s->host_bind_line;
			return spec_fail(e, "host-bind: no bind of %.80s in this spec (host-bind "
			                 "names a bind line's /SRC)", s->host_binds[k]);
		}
	}
	return 0;
}

int spec_parse(struct spec *s, const char *buf, size_t len, struct spec_err *e)
{
	unsigned first[KEY_COUNT] = { 0 };
	unsigned lineno = 0;
	char *line, *end;

	memset(s, 0, sizeof *s);
	s->cwd = "/";
	s->order = SPEC_ORDER_DEFAULT;
	e->line = 0;
	e->msg[0] = '\0';
	if (len > SPEC_FILE_MAX)
		return spec_fail(e, "file is larger than %d bytes (split the service or shorten it)",
		                 SPEC_FILE_MAX);
	memcpy(s->text, buf, len);
	s->text[len] = '\0';
	end = s->text + len;
	for (line = s->text; line < end; line++) {
		char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);

		e->line = ++lineno;
		if (n > SPEC_LINE_MAX)
			return spec_fail(e, "line is longer than %d bytes", SPEC_LINE_MAX);
		if (check_bytes(line, n, e))
			return -1;
		line[n] = '\0';
		if (parse_line(s, line, lineno, first, e))
			return -1;
		line += n;
	}
	return check_whole(s, first, e);
}
