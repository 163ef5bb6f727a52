/* Where a container goes in the image: /containers/KIND/[NN-]NAME.
 * The spec states every fact of it: its kind, its order (onboot and
 * onshutdown containers run in name order, so NN- leads the name), and,
 * by its file name, pkg/NAME/NAME.service, the container's name.  The
 * build asks here once (kr-bundle -p) and reads the answer from a file. */
#include <stdio.h>
#include <string.h>

#include "bundle.h"

#define SPEC_SUFFIX ".service"

static const char *kind_dir(enum spec_kind k)
{
	return k == SPEC_SERVICE ? "services" : spec_kind_name(k);
}

/* The file name of path without SPEC_SUFFIX, into name; 0 or -1. */
static int spec_name(const char *path, char name[CONTAINER_NAME_MAX + 1], char *err,
                     size_t errlen)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(base), sn = strlen(SPEC_SUFFIX);

	if (n < sn || strcmp(base + n - sn, SPEC_SUFFIX)) {
		snprintf(err, errlen, "the file name '%.80s' does not end in %s (expected "
		         "pkg/NAME/NAME%s: the file names the container)", base, SPEC_SUFFIX,
		         SPEC_SUFFIX);
		return -1;
	}
	n -= sn;
	if (n <= CONTAINER_NAME_MAX) {
		memcpy(name, base, n);
		name[n] = '\0';
	}
	if (n > CONTAINER_NAME_MAX || !container_name_ok(name)) {
		snprintf(err, errlen, "the container's name '%.*s' (the file name without %s) is "
		         "not 1-%d letters, digits and -, not starting with - (rename the spec "
		         "and its package)", n > 80 ? 80 : (int)n, base, SPEC_SUFFIX,
		         CONTAINER_NAME_MAX);
		return -1;
	}
	return 0;
}

int container_dir(const struct spec *s, const char *spec_path, char out[CONTAINER_DIR_MAX],
                  char *err, size_t errlen)
{
	char name[CONTAINER_NAME_MAX + 1];

	if (spec_name(spec_path, name, err, errlen))
		return -1;
	if (s->kind == SPEC_SERVICE)
		snprintf(out, CONTAINER_DIR_MAX, "%s/%s", kind_dir(s->kind), name);
	else
		snprintf(out, CONTAINER_DIR_MAX, "%s/%02d-%s", kind_dir(s->kind), s->order, name);
	return 0;
}
