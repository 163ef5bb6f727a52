/* The seccomp filter of every kitroot container denies by default and
 * allows the calls of the table in syscalls.c that the spec's
 * capabilities (or its `seccomp-allow`) let through.  The architectures
 * it applies to are the target's (KR_SECCOMP_ARCHES, given with -a):
 * only their shape is checked here; a table entry that names its
 * architectures applies when one of them is the target's. */
#include <ctype.h>
#include <string.h>

#include "bundle.h"

int spec_allows_call(const struct spec *s, int i)
{
	const struct syscall_rule *r = syscall_rule(i);
	int cap;

	if (!r)
		return 0;
	if (s->seccomp_allow[i / 64] & (1ULL << (i % 64)))
		return 1;
	if (!r->needs)
		return 0;
	if (!*r->needs)
		return 1;
	cap = cap_number(r->needs);
	return cap >= 0 && (s->caps & (1ULL << cap));
}

/* One name: SCMP_ARCH_ then capitals, digits and '_'; its length, or
 * 0 when the word at p is not such a name. */
static size_t arch_name(const char *p)
{
	size_t n = strcspn(p, " ");

	if (n <= 10 || n > SECCOMP_ARCH_NAME_MAX || strncmp(p, "SCMP_ARCH_", 10) ||
	    strspn(p + 10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != n - 10)
		return 0;
	return n;
}

int seccomp_arches_ok(const char *list)
{
	int count = 0;
	size_t n;

	for (list += strspn(list, " "); *list; list += n + strspn(list + n, " ")) {
		if (!(n = arch_name(list)) || ++count > SECCOMP_ARCHES_MAX)
			return 0;
	}
	return count > 0;
}

const char *seccomp_arch_next(const char *list, char name[SECCOMP_ARCH_NAME_MAX + 1])
{
	size_t n;

	list += strspn(list, " ");
	n = arch_name(list);
	if (!n)
		return NULL;
	memcpy(name, list, n);
	name[n] = '\0';
	return list + n;
}

/* 1 when one of the target's architectures, SCMP_ARCH_ dropped and in
 * lower case as libseccomp's tables spell it, is a word of rule_arches
 * (NULL: every architecture). */
int seccomp_rule_applies(const char *rule_arches, const char *target_arches)
{
	char name[SECCOMP_ARCH_NAME_MAX + 1];
	const char *w;
	size_t i, n;

	if (!rule_arches)
		return 1;
	while ((target_arches = seccomp_arch_next(target_arches, name))) {
		for (i = 0; name[i]; i++)
			name[i] = (char)tolower((unsigned char)name[i]);
		n = strlen(name + 10);
		for (w = rule_arches; *w; w += strcspn(w, " "), w += strspn(w, " "))
			if (strcspn(w, " ") == n && !strncmp(w, name + 10, n))
				return 1;
	}
	return 0;
}
