/* The entries of a directory that init runs in order: boot steps,
 * onboot and onshutdown bundles. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "init.h"

/* Names of dir's entries that bootstep_name_ok accepts, in byte order
 * (as run-parts sorts them), at most max of them: the rest are skipped
 * with a message naming what (steps, containers).  Returns how many,
 * 0 when dir does not exist, -1 when it cannot be read. */
int list_names(const char *dir, char names[][BOOTSTEP_NAME_MAX + 1], size_t max,
               const char *what)
{
	struct dirent *e;
	size_t n = 0;
	DIR *d = opendir(dir);

	if (!d) {
		if (errno == ENOENT)
			return 0;
		warn_errno("cannot open", dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (!bootstep_name_ok(e->d_name))
			continue;
		if (n == max) {
			say("%s: more than %zu %s, the rest are skipped", dir, max, what);
			break;
		}
		strcpy(names[n], e->d_name); /* length checked by bootstep_name_ok */
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof names[0], compare_names);
	return (int)n;
}
