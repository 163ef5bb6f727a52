/* The kitroot toolchain wrapper: turns a compiler command line for the
 * target into one for the host's (cross) GCC that sees only our sysroot. */
#ifndef KR_WRAPPER_H
#define KR_WRAPPER_H

#include <stddef.h>

/* Where things are, fixed when the wrapper is built for one output dir. */
struct wrapper_config {
	const char *launcher;    /* "" or a compiler cache such as ccache */
	const char *real_cc;     /* the host's gcc or <triplet>-gcc */
	const char *sysroot;     /* musl and kernel headers: include/, lib/ */
	const char *gcc_include; /* GCC's own headers (intrinsics) */
	const char *gcc_libdir;  /* crtbegin*.o, libgcc.a, libgcc_eh.a */
	const char *prefix_map;  /* -ffile-prefix-map=<this>/= */
	const char *arch_flags;  /* space-separated: KR_TARGET_ARCH_CFLAGS */
	const char *opt_flags;   /* space-separated, e.g. "-Os" */
};

struct arglist {
	char **v;
	size_t n, cap;
};

enum link_kind {
	LINK_NONE,       /* -c, -S, -E or a query such as -print-... */
	LINK_STATIC_PIE, /* the default for every executable */
	LINK_STATIC,     /* -no-pie */
	LINK_SHARED,     /* -shared */
	LINK_RELOCATABLE /* -r */
};

struct cmdline_facts {
	enum link_kind link;
	int query;         /* --version, -print-*, -dump*: pass through */
	int nostdinc;
	int nostartfiles;
	int nodefaultlibs;
};

/* 1 if the path is in a host system directory we refuse, else 0. */
int path_is_host_system(const char *path);

/* Looks at the caller's arguments. */
void scan_cmdline(int argc, char **argv, struct cmdline_facts *facts);

/* Finds the first argument that would let a host header or library in.
 * Returns its index, or 0 if there is none; *why says what it is. */
int find_host_path(int argc, char **argv, const char **why);

/* Builds the real command line into out (which it allocates).
 * Returns 0, or -1 with errno set when memory ran out. */
int build_cmdline(const struct wrapper_config *cfg, int argc, char **argv,
                  struct arglist *out);

void arglist_free(struct arglist *l);

#endif
