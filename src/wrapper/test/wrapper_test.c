/* Unit tests of the toolchain wrapper's command-line logic. */
#include <stdlib.h>
#include <string.h>

#include "../wrapper.h"
#include "../../test/check.h"

static const struct wrapper_config cfg = {
	.launcher = "",
	.real_cc = "x86_64-linux-gnu-gcc",
	.sysroot = "/o/sysroot",
	.gcc_include = "/gcc/include",
	.gcc_libdir = "/gcc",
	.prefix_map = "/o",
	.arch_flags = "-march=x86-64  -fcf-protection=full",
	.opt_flags = "-Os",
};

/* Index of s in the built command, or -1. */
static int find(const struct arglist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return (int)i;
	return -1;
}

static void test_host_paths(struct tally *t)
{
	CHECK(t, path_is_host_system("/usr/include"));
	CHECK(t, path_is_host_system("/usr/include/linux"));
	CHECK(t, path_is_host_system("/usr/lib/x86_64-linux-gnu"));
	CHECK(t, path_is_host_system("/usr/lib64"));
	CHECK(t, path_is_host_system("/lib"));
	CHECK(t, path_is_host_system("/libx32/"));
	CHECK(t, path_is_host_system("/usr/local/include"));
	CHECK(t, !path_is_host_system("/usr/includes"));
	CHECK(t, !path_is_host_system("/library"));
	CHECK(t, !path_is_host_system("/o/sysroot/include"));
	CHECK(t, !path_is_host_system("include"));
	CHECK(t, !path_is_host_system(""));
}

static void test_refusals(struct tally *t)
{
	const char *why = NULL;
	char *a1[] = { "cc", "-c", "x.c", "-I/usr/include", NULL };
	char *a2[] = { "cc", "-isystem", "/usr/include/x86_64-linux-gnu", "x.c", NULL };
	char *a3[] = { "cc", "x.o", "-L", "/usr/lib/x86_64-linux-gnu", NULL };
	char *a4[] = { "cc", "x.o", "-Wl,-O1,-L/lib64", NULL };
	char *a5[] = { "cc", "x.o", "/usr/lib/x86_64-linux-gnu/libc.a", NULL };
	char *a6[] = { "cc", "--sysroot=/", "x.c", NULL };
	char *ok[] = { "cc", "-Iinclude", "-I/o/build/x/include", "-L.", "-Wl,-O1", "x.c", NULL };

	CHECK(t, find_host_path(4, a1, &why) == 3);
	CHECK(t, why && strstr(why, "include"));
	CHECK(t, find_host_path(4, a2, &why) == 1);
	CHECK(t, find_host_path(4, a3, &why) == 2);
	CHECK(t, why && strstr(why, "library"));
	CHECK(t, find_host_path(3, a4, &why) == 2);
	CHECK(t, find_host_path(3, a5, &why) == 2);
	CHECK(t, find_host_path(3, a6, &why) == 1);
	CHECK(t, find_host_path(6, ok, &why) == 0);
}

static void test_scan(struct tally *t)
{
	struct cmdline_facts f;
	char *compile[] = { "cc", "-c", "x.c", NULL };
	char *link[] = { "cc", "x.o", "-o", "x", NULL };
	char *shared[] = { "cc", "-shared", "x.o", NULL };
	char *nopie[] = { "cc", "-no-pie", "x.o", NULL };
	char *query[] = { "cc", "-print-libgcc-file-name", NULL };
	char *nostd[] = { "cc", "-nostdinc", "-nostdlib", "x.o", NULL };

	scan_cmdline(3, compile, &f);
	CHECK(t, f.link == LINK_NONE && !f.query);
	scan_cmdline(4, link, &f);
	CHECK(t, f.link == LINK_STATIC_PIE);
	scan_cmdline(3, shared, &f);
	CHECK(t, f.link == LINK_SHARED);
	scan_cmdline(3, nopie, &f);
	CHECK(t, f.link == LINK_STATIC);
	scan_cmdline(2, query, &f);
	CHECK(t, f.query && f.link == LINK_NONE);
	scan_cmdline(4, nostd, &f);
	CHECK(t, f.nostdinc && f.nostartfiles && f.nodefaultlibs);
}

static void test_compile_line(struct tally *t)
{
	struct arglist l;
	char *argv[] = { "cc", "-c", "x.c", "-fno-stack-protector", NULL };

	CHECK(t, build_cmdline(&cfg, 4, argv, &l) == 0);
	CHECK(t, !strcmp(l.v[0], "x86_64-linux-gnu-gcc"));
	CHECK(t, find(&l, "-march=x86-64") > 0);
	CHECK(t, find(&l, "-fcf-protection=full") > 0);
	CHECK(t, find(&l, "-fstack-protector-strong") > 0);
	CHECK(t, find(&l, "-fstack-clash-protection") > 0);
	CHECK(t, find(&l, "-fPIE") > 0);
	CHECK(t, find(&l, "-ffile-prefix-map=/o/=") > 0);
	CHECK(t, find(&l, "-nostdinc") > 0);
	CHECK(t, find(&l, "/o/sysroot/include") == find(&l, "-isystem") + 1);
	/* musl's include dir comes before GCC's own */
	CHECK(t, find(&l, "/o/sysroot/include") < find(&l, "/gcc/include"));
	/* the caller's flags come last, so they can turn ours off */
	CHECK(t, find(&l, "-fno-stack-protector") > find(&l, "-fstack-protector-strong"));
	CHECK(t, find(&l, "-static-pie") < 0 && find(&l, "-lc") < 0);
	CHECK(t, l.v[l.n] == NULL);
	arglist_free(&l);
}

static void test_link_line(struct tally *t)
{
	struct arglist l;
	char *argv[] = { "cc", "-static", "x.o", "-o", "x", "-lm", NULL };
	int rcrt1, obj, lc, crtn;

	CHECK(t, build_cmdline(&cfg, 6, argv, &l) == 0);
	rcrt1 = find(&l, "/o/sysroot/lib/rcrt1.o");
	obj = find(&l, "x.o");
	lc = find(&l, "-lc");
	crtn = find(&l, "/o/sysroot/lib/crtn.o");
	CHECK(t, find(&l, "-static-pie") > 0);
	CHECK(t, find(&l, "-static") < 0); /* the caller's -static is absorbed */
	CHECK(t, find(&l, "-nostdlib") > 0);
	CHECK(t, find(&l, "-L/o/sysroot/lib") > 0);
	CHECK(t, find(&l, "-Wl,-z,relro") > 0 && find(&l, "-Wl,-z,now") > 0);
	CHECK(t, rcrt1 > 0 && rcrt1 < obj);
	CHECK(t, find(&l, "/gcc/crtbeginS.o") > rcrt1);
	CHECK(t, lc > obj && lc > find(&l, "-lm"));
	CHECK(t, find(&l, "/gcc/libgcc.a") > lc);
	CHECK(t, crtn == (int)l.n - 1);
	CHECK(t, find(&l, "/gcc/crtendS.o") == crtn - 1);
	arglist_free(&l);
}

static void test_other_links(struct tally *t)
{
	struct arglist l;
	char *nostdlib[] = { "cc", "-nostdlib", "-shared", "x.o", NULL };
	char *nopie[] = { "cc", "-no-pie", "x.o", NULL };
	char *query[] = { "cc", "-print-file-name=crtbeginS.o", NULL };
	struct wrapper_config cached = cfg;

	CHECK(t, build_cmdline(&cfg, 4, nostdlib, &l) == 0);
	CHECK(t, find(&l, "-lc") < 0 && find(&l, "/o/sysroot/lib/crti.o") < 0);
	CHECK(t, find(&l, "-static-pie") < 0);
	arglist_free(&l);

	CHECK(t, build_cmdline(&cfg, 3, nopie, &l) == 0);
	CHECK(t, find(&l, "-static") > 0 && find(&l, "/o/sysroot/lib/crt1.o") > 0);
	CHECK(t, find(&l, "/gcc/crtbeginT.o") > 0 && find(&l, "/gcc/crtend.o") > 0);
	arglist_free(&l);

	CHECK(t, build_cmdline(&cfg, 2, query, &l) == 0);
	CHECK(t, l.n == 2 && !strcmp(l.v[1], "-print-file-name=crtbeginS.o"));
	arglist_free(&l);

	cached.launcher = "ccache";
	CHECK(t, build_cmdline(&cached, 3, nopie, &l) == 0);
	CHECK(t, !strcmp(l.v[0], "ccache") && !strcmp(l.v[1], "x86_64-linux-gnu-gcc"));
	arglist_free(&l);
}

int main(void)
{
	struct tally t = { 0, 0 };

	test_host_paths(&t);
	test_refusals(&t);
	test_scan(&t);
	test_compile_line(&t);
	test_link_line(&t);
	test_other_links(&t);
	return tally_report("wrapper", &t);
}
