/* What a compiler command line asks for, and what in it we refuse. */
#include <string.h>

#include "wrapper.h"

/* The host's own header and library directories.  A match is the prefix
 * itself or the prefix followed by 32/64/x32 (lib64, libx32) and then
 * the end or a '/'. */
static const char *const host_dirs[] = {
	"/usr/include", "/usr/local/include", "/usr/lib", "/usr/local/lib", "/lib",
};

int path_is_host_system(const char *path)
{
	size_t i;

	for (i = 0; i < sizeof host_dirs / sizeof host_dirs[0]; i++) {
		size_t n = strlen(host_dirs[i]);
		const char *rest;

		if (strncmp(path, host_dirs[i], n) != 0)
			continue;
		rest = path + n;
		if (!strncmp(rest, "32", 2) || !strncmp(rest, "64", 2))
			rest += 2;
		else if (!strncmp(rest, "x32", 3))
			rest += 3;
		if (*rest == '\0' || *rest == '/')
			return 1;
	}
	return 0;
}

static int is_library_file(const char *arg)
{
	size_t n = strlen(arg);

	return (n > 2 && !strcmp(arg + n - 2, ".a")) ||
	       (n > 2 && !strcmp(arg + n - 2, ".o")) ||
	       (n > 3 && !strcmp(arg + n - 3, ".so")) ||
	       strstr(arg, ".so.") != NULL;
}

/* Options whose path argument may be attached or follow as the next arg. */
static const char *const path_opts[] = {
	"-isystem", "-idirafter", "-iquote", "-I", "-L", "-B", "--sysroot=", "--sysroot",
};

/* Checks each -L in a -Wl,a,b,c list. */
static int linker_list_has_host_path(const char *list)
{
	const char *p = list;

	while (p && *p) {
		const char *end = strchr(p, ',');

		if (!strncmp(p, "-L", 2)) {
			char dir[4096];
			size_t n = end ? (size_t)(end - p - 2) : strlen(p + 2);

			if (n < sizeof dir) {
				memcpy(dir, p + 2, n);
				dir[n] = '\0';
				if (path_is_host_system(dir))
					return 1;
			}
		}
		p = end ? end + 1 : NULL;
	}
	return 0;
}

int find_host_path(int argc, char **argv, const char **why)
{
	int i;
	size_t k;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		for (k = 0; k < sizeof path_opts / sizeof path_opts[0]; k++) {
			size_t n = strlen(path_opts[k]);
			const char *path;

			if (strncmp(a, path_opts[k], n) != 0)
				continue;
			path = a[n] ? a + n : (i + 1 < argc ? argv[i + 1] : "");
			if (!strncmp(path_opts[k], "--sysroot", 9)) {
				*why = "a --sysroot other than the wrapper's";
				return i;
			}
			if (path_is_host_system(path)) {
				*why = path_opts[k][1] == 'L' || path_opts[k][1] == 'B' ?
				       "a host library directory" : "a host include directory";
				return i;
			}
			break;
		}
		if (!strncmp(a, "-Wl,", 4) && linker_list_has_host_path(a + 4)) {
			*why = "a host library directory";
			return i;
		}
		if (a[0] == '/' && is_library_file(a) && path_is_host_system(a)) {
			*why = "a host library or object file";
			return i;
		}
	}
	return 0;
}

void scan_cmdline(int argc, char **argv, struct cmdline_facts *f)
{
	int i, compile_only = 0, shared = 0, reloc = 0, no_pie = 0;

	memset(f, 0, sizeof *f);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-c") || !strcmp(a, "-S") || !strcmp(a, "-E") ||
		    !strcmp(a, "-M") || !strcmp(a, "-MM") || !strcmp(a, "-fsyntax-only"))
			compile_only = 1;
		else if (!strncmp(a, "-print-", 7) || !strncmp(a, "-dump", 5) ||
		         !strcmp(a, "--version") || !strcmp(a, "--help") ||
		         (!strcmp(a, "-v") && argc == 2))
			f->query = 1;
		else if (!strcmp(a, "-shared"))
			shared = 1;
		else if (!strcmp(a, "-r"))
			reloc = 1;
		else if (!strcmp(a, "-no-pie"))
			no_pie = 1;
		else if (!strcmp(a, "-nostdinc"))
			f->nostdinc = 1;
		else if (!strcmp(a, "-nostdlib")) {
			f->nostartfiles = 1;
			f->nodefaultlibs = 1;
		} else if (!strcmp(a, "-nostartfiles"))
			f->nostartfiles = 1;
		else if (!strcmp(a, "-nodefaultlibs"))
			f->nodefaultlibs = 1;
	}
	if (compile_only || f->query)
		f->link = LINK_NONE;
	else if (reloc)
		f->link = LINK_RELOCATABLE;
	else if (shared)
		f->link = LINK_SHARED;
	else if (no_pie)
		f->link = LINK_STATIC;
	else
		f->link = LINK_STATIC_PIE;
}
