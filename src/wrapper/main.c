/* kitroot toolchain wrapper: every target compile runs through here.
 *
 * It refuses host include and library paths, adds musl's sysroot, the
 * hardening flags and a file prefix map, then runs the real compiler.
 * Paths are fixed at build time (one wrapper per output directory).
 * KR_WRAPPER_DEBUG=1 prints the command it runs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wrapper.h"

#ifndef KR_REAL_CC
#error "build with -DKR_REAL_CC=... (see toolchain/toolchain-wrapper.mk)"
#endif

static const struct wrapper_config config = {
	.launcher = KR_LAUNCHER,
	.real_cc = KR_REAL_CC,
	.sysroot = KR_SYSROOT,
	.gcc_include = KR_GCC_INCLUDE,
	.gcc_libdir = KR_GCC_LIBDIR,
	.prefix_map = KR_PREFIX_MAP,
	.arch_flags = KR_ARCH_FLAGS,
	.opt_flags = KR_OPT_FLAGS,
};

int main(int argc, char **argv)
{
	const char *prog = argc > 0 ? argv[0] : "kitroot-wrapper";
	const char *why = NULL;
	const char *debug = getenv("KR_WRAPPER_DEBUG");
	struct arglist cmd;
	int bad;
	size_t i;

	bad = find_host_path(argc, argv, &why);
	if (bad) {
		fprintf(stderr,
		        "%s: refusing '%s': %s would let the build machine's files into a "
		        "target binary.\n%s: target code sees only %s; remove that flag "
		        "from the package's CFLAGS/LDFLAGS (or its build files).\n",
		        prog, argv[bad], why, prog, config.sysroot);
		return 2;
	}
	if (build_cmdline(&config, argc, argv, &cmd)) {
		fprintf(stderr, "%s: building the command line: %s\n", prog, strerror(errno));
		return 2;
	}
	if (debug && *debug == '1') {
		for (i = 0; i < cmd.n; i++)
			fprintf(stderr, "%s%s", i ? " " : "", cmd.v[i]);
		fputc('\n', stderr);
	}
	execvp(cmd.v[0], cmd.v);
	fprintf(stderr, "%s: cannot run %s: %s\n", prog, cmd.v[0], strerror(errno));
	arglist_free(&cmd);
	return 127;
}
