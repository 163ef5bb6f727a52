/* The keys that shape the service's process: what runs, as whom, with
 * which environment, capabilities and resource limits. */
#include <string.h>

#include "keys.h"

#define ID_MAX 4294967294ULL /* (uid_t)-1 means "no change" to the kernel */

int key_kind(struct spec *s, char **w, int n, struct spec_err *e)
{
	(void)n;
	if (!strcmp(w[0], "onboot"))
		s->kind = SPEC_ONBOOT;
	else if (!strcmp(w[0], "service"))
		s->kind = SPEC_SERVICE;
	else if (!strcmp(w[0], "onshutdown"))
		s->kind = SPEC_ONSHUTDOWN;
	else
		return spec_fail(e, "kind: unknown kind '%.40s' (expected onboot, service or "
		                 "onshutdown)", w[0]);
	return 0;
}

/* Two digits, as the directory name NN-NAME shows them: "7" or "007"
 * would sort or read differently from what the spec says. */
int key_order(struct spec *s, char **w, int n, struct spec_err *e)
{
	(void)n;
	if (strlen(w[0]) != 2 || w[0][0] < '0' || w[0][0] > '9' || w[0][1] < '0' ||
	    w[0][1] > '9')
		return spec_fail(e, "order: '%.20s' is not two digits (expected: order NN, "
		                 "00..99, such as order 20)", w[0]);
	s->order = (w[0][0] - '0') * 10 + (w[0][1] - '0');
	return 0;
}

/* Seconds init lets an onboot or onshutdown container run before it
 * kills it and goes on; init's own default when the spec says none. */
int key_timeout(struct spec *s, char **w, int n, struct spec_err *e)
{
	unsigned long long v;

	(void)n;
	if (parse_ull(w[0], SPEC_TIMEOUT_MAX, &v) || !v)
		return spec_fail(e, "timeout: '%.20s' is not a number of seconds in 1..%d "
		                 "(expected: timeout SECONDS)", w[0], SPEC_TIMEOUT_MAX);
	s->timeout = (unsigned)v;
	return 0;
}

int key_command(struct spec *s, char **w, int n, struct spec_err *e)
{
	int i;

	if (!path_ok(w[0], 0))
		return spec_fail(e, "command: '%.80s' is not an absolute path without . or .. "
		                 "(expected: command /ABS/PROGRAM [ARG...])", w[0]);
	for (i = 0; i < n; i++)
		s->args[i] = w[i];
	s->nargs = n;
	return 0;
}

int key_user(struct spec *s, char **w, int n, struct spec_err *e)
{
	unsigned long long uid, gid;

	(void)n;
	if (parse_ull(w[0], ID_MAX, &uid) || parse_ull(w[1], ID_MAX, &gid))
		return spec_fail(e, "user: '%.20s %.20s' is not two numbers (expected: user UID GID, "
		                 "each 0..%llu)", w[0], w[1], ID_MAX);
	s->uid = (unsigned)uid;
	s->gid = (unsigned)gid;
	return 0;
}

int key_cwd(struct spec *s, char **w, int n, struct spec_err *e)
{
	(void)n;
	if (!path_ok(w[0], 1))
		return spec_fail(e, "cwd: '%.80s' is not an absolute path without . or .. "
		                 "(expected: cwd /ABS/PATH)", w[0]);
	s->cwd = w[0];
	return 0;
}

/* NAME as a shell would accept it, so the service can read it. */
static size_t env_name_len(const char *v)
{
	size_t i;

	if (!((v[0] >= 'A' && v[0] <= 'Z') || (v[0] >= 'a' && v[0] <= 'z') || v[0] == '_'))
		return 0;
	for (i = 1; v[i] != '='; i++)
		if (!((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= 'a' && v[i] <= 'z') ||
		      (v[i] >= '0' && v[i] <= '9') || v[i] == '_'))
			return 0;
	return i;
}

int key_env(struct spec *s, char **w, int n, struct spec_err *e)
{
	int i, j;

	for (i = 0; i < n; i++) {
		size_t len = env_name_len(w[i]);

		if (!len)
			return spec_fail(e, "env: '%.40s' is not NAME=VALUE (expected a NAME of letters, "
			                 "digits and _, not starting with a digit)", w[i]);
		for (j = 0; j < s->nenv; j++)
			if (!strncmp(s->env[j], w[i], len + 1))
				return spec_fail(e, "env: %.*s set twice (expected each NAME once)",
				                 (int)len, w[i]);
		if (s->nenv == SPEC_ENV_MAX)
			return spec_fail(e, "env: more than %d variables", SPEC_ENV_MAX);
		s->env[s->nenv++] = w[i];
	}
	return 0;
}

int key_capabilities(struct spec *s, char **w, int n, struct spec_err *e)
{
	int i, cap;

	for (i = 0; i < n; i++) {
		cap = cap_number(w[i]);
		if (cap < 0)
			return spec_fail(e, "capabilities: unknown capability '%.40s' (expected a name "
			                 "from capabilities(7), such as CAP_NET_BIND_SERVICE)", w[i]);
		if (s->caps & (1ULL << cap))
			return spec_fail(e, "capabilities: %s given twice", w[i]);
		s->caps |= 1ULL << cap;
	}
	return 0;
}

static int rlimit_value(const char *w, unsigned long long *v)
{
	if (!strcmp(w, "unlimited")) {
		*v = ~0ULL; /* RLIM_INFINITY */
		return 0;
	}
	return parse_ull(w, ~0ULL - 1, v);
}

int key_rlimit(struct spec *s, char **w, int n, struct spec_err *e)
{
	struct spec_rlimit r;
	int i;

	(void)n;
	r.which = rlimit_index(w[0]);
	if (r.which < 0)
		return spec_fail(e, "rlimit: unknown limit '%.40s' (expected one of as core cpu data "
		                 "fsize locks memlock msgqueue nice nofile nproc rss rtprio rttime "
		                 "sigpending stack)", w[0]);
	for (i = 0; i < s->nrlimits; i++)
		if (s->rlimits[i].which == r.which)
			return spec_fail(e, "rlimit: %s set twice", w[0]);
	if (rlimit_value(w[1], &r.soft) || rlimit_value(w[2], &r.hard))
		return spec_fail(e, "rlimit: '%.20s %.20s' are not limits (expected: rlimit NAME SOFT "
		                 "HARD, each a number or unlimited)", w[1], w[2]);
	if (r.soft > r.hard)
		return spec_fail(e, "rlimit: soft limit %.20s above hard limit %.20s (expected SOFT <= HARD)",
		                 w[1], w[2]);
	s->rlimits[s->nrlimits++] = r;
	return 0;
}

int key_oom_score_adj(struct spec *s, char **w, int n, struct spec_err *e)
{
	long v;

	(void)n;
	if (parse_int_range(w[0], -1000, 1000, &v))
		return spec_fail(e, "oom-score-adj: '%.20s' is not a number in -1000..1000", w[0]);
	s->oom_score_adj = (int)v;
	return 0;
}
