/* A minimal test harness: CHECK counts and reports, main prints the
 * closing "N passed, N failed" line the test runner reads. */
#ifndef KR_CHECK_H
#define KR_CHECK_H

#include <stdio.h>
#include <string.h>

struct tally {
	int passed, failed;
};

#define CHECK(t, cond) check_one((t), (cond), #cond, __FILE__, __LINE__)

static inline void check_one(struct tally *t, int ok, const char *what,
                             const char *file, int line)
{
	if (ok) {
		t->passed++;
		return;
	}
	t->failed++;
	fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, what);
}

static inline int tally_report(const char *suite, const struct tally *t)
{
	printf("%s: %d passed, %d failed\n", suite, t->passed, t->failed);
	return t->failed ? 1 : 0;
}

#endif
