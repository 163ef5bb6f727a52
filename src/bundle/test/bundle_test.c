/* Unit tests of kr-bundle: the spec parser (each error with its line),
 * the number and path checks, the JSON it writes (defaults, quoting,
 * capabilities of non-root services, seccomp-allow, writable,
 * determinism) and the mount points it makes in a staged rootfs. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../bundle.h"
#include "../../test/check.h"

#define X86_64 "SCMP_ARCH_X86_64 SCMP_ARCH_X86 SCMP_ARCH_X32"
static const struct target tgt = { X86_64, "/containers/services/demo/rootfs", "demo", 0 };

static int parse(struct spec *s, const char *text)
{
	struct spec_err e;

	if (spec_parse(s, text, strlen(text), &e) == 0)
		return 0;
	fprintf(stderr, "  unexpected error at line %u: %s\n", e.line, e.msg);
	return -1;
}

/* The spec fails at line with a message holding needle. */
static int fails_at(struct spec *s, const char *text, unsigned line, const char *needle)
{
	struct spec_err e;

	if (spec_parse(s, text, strlen(text), &e) == 0) {
		fprintf(stderr, "  accepted: %s\n", text);
		return 0;
	}
	if (e.line == line && strstr(e.msg, needle))
		return 1;
	fprintf(stderr, "  got line %u: %s\n", e.line, e.msg);
	return 0;
}

/* config.json in memory; the caller frees it. */
static char *render(const struct spec *s, const struct target *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	if (oci_write(f, s, t)) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

/* The text between the first `"key": [` and its `]`, for looking
 * inside one array. */
static int in_array(const char *json, const char *key, const char *needle)
{
	char open[64], *copy, *start, *end;
	int found;

	snprintf(open, sizeof open, "\"%s\": [", key);
	start = strstr(json, open);
	if (!start)
		return 0;
	end = strchr(start, ']');
	copy = strndup(start, (size_t)(end - start));
	found = copy && strstr(copy, needle) != NULL;
	free(copy);
	return found;
}

static void test_numbers(struct tally *t)
{
	unsigned long long v;
	unsigned m;
	long l;

	CHECK(t, parse_ull("0", 10, &v) == 0 && v == 0);
	CHECK(t, parse_ull("18446744073709551615", ~0ULL, &v) == 0 && v == ~0ULL);
	CHECK(t, parse_ull("18446744073709551616", ~0ULL, &v) == -1);
	CHECK(t, parse_ull("11", 10, &v) == -1 && parse_ull("", 10, &v) == -1);
	CHECK(t, parse_ull("-1", 10, &v) == -1 && parse_ull("1x", 10, &v) == -1);
	CHECK(t, parse_size("64K", &v) == 0 && v == 65536);
	CHECK(t, parse_size("2G", &v) == 0 && v == 2147483648ULL);
	CHECK(t, parse_size("17179869184G", &v) == -1); /* 2^64 bytes */
	CHECK(t, parse_size("M", &v) == -1 && parse_size("1T", &v) == -1);
	CHECK(t, parse_octal("1777", 07777, &m) == 0 && m == 01777);
	CHECK(t, parse_octal("8", 07777, &m) == -1 && parse_octal("17777", 07777, &m) == -1);
	CHECK(t, parse_int_range("-1000", -1000, 1000, &l) == 0 && l == -1000);
	CHECK(t, parse_int_range("-1001", -1000, 1000, &l) == -1);
	CHECK(t, path_ok("/a/b", 0) && path_ok("/", 1) && !path_ok("/", 0));
	CHECK(t, !path_ok("a/b", 1) && !path_ok("/a/../b", 1) && !path_ok("/a//b", 1) &&
	         !path_ok("/a/", 1) && !path_ok("/./a", 1) && path_ok("/a/..b", 1));
}

static void test_words(struct tally *t)
{
	char l1[] = "  a\t\"b c\"  d\"e\\\"f\"g \"\" ";
	char l2[] = "\"open";
	char l3[] = "a \"b\"";
	char l4[] = "\"a\\n\"";
	char l5[] = "a b c";
	char *w[8];
	const char *why = NULL;

	CHECK(t, split_words(l1, w, 8, 1, &why) == 4 && !strcmp(w[0], "a") &&
	         !strcmp(w[1], "b c") && !strcmp(w[2], "de\"fg") && !strcmp(w[3], ""));
	CHECK(t, split_words(l2, w, 8, 1, &why) == -1 && strstr(why, "unterminated"));
	CHECK(t, split_words(l3, w, 8, 0, &why) == -1 && strstr(why, "quotes"));
	CHECK(t, split_words(l4, w, 8, 1, &why) == -1 && strstr(why, "backslash"));
	CHECK(t, split_words(l5, w, 2, 0, &why) == -1 && strstr(why, "too many"));
}

static void test_good(struct tally *t, struct spec *s)
{
	CHECK(t, parse(s, "# c\n\n  \t\nkind service\ncommand /bin/sleep 1") == 0);
	CHECK(t, s->kind == SPEC_SERVICE && s->nargs == 2 && !strcmp(s->args[1], "1"));
	CHECK(t, s->uid == 0 && s->gid == 0 && !strcmp(s->cwd, "/") && !s->rootfs_rw &&
	         !s->caps && !s->share && !s->nmounts && !s->nrlimits && !s->oom_score_adj);
	CHECK(t, !strcmp(spec_kind_name(s->kind), "service"));
	CHECK(t, parse(s, "kind onshutdown\n"
	                  "command /bin/sh -c \"sync; echo \\\"bye\\\" \\\\o/\"\n") == 0 &&
	         s->kind == SPEC_ONSHUTDOWN && s->nargs == 3 &&
	         !strcmp(s->args[2], "sync; echo \"bye\" \\o/"));
	CHECK(t, parse(s, "kind onboot\ncommand /x\nenv A=\"x y\" B= _C=\xc3\xa9t\xc3\xa9\n") == 0 &&
	         s->nenv == 3 && !strcmp(s->env[0], "A=x y") && !strcmp(s->env[1], "B="));
	CHECK(t, parse(s, "kind service\ncommand /x\ntmpfs /run mode=700 exec size=1M\n"
	                  "bind /a /b rw\nrlimit nofile unlimited unlimited\n") == 0 &&
	         s->nmounts == 2 && s->mounts[0].mode == 0700 && s->mounts[0].exec &&
	         s->mounts[0].size == 1048576 && s->mounts[1].rw && !s->mounts[1].exec &&
	         s->rlimits[0].soft == ~0ULL);
	CHECK(t, parse(s, "kind service\ncommand /x\nbind /a /b exec\nbind /c /d exec rw\n") == 0 &&
	         s->nmounts == 2 && !s->mounts[0].rw && s->mounts[0].exec && s->mounts[1].rw &&
	         s->mounts[1].exec);
	CHECK(t, parse(s, "kind service\ncommand /x\nbind /running /a\nbind /devices /b\n"
	                  "bind /run/containerd /c rw\nhost-bind /run/containerd\n") == 0 &&
	         s->nhost_binds == 1 && s->host_bind_line == 6 && s->mounts[2].line == 5);
	CHECK(t, parse(s, "kind service\ncommand /x\ndevice /dev/ttyS0 c 4 64 mwr\n") == 0 &&
	         !strcmp(s->devices[0].access, "rwm") && s->devices[0].minor == 64);
}

/* timeout: seconds, 1..3600, for onboot and onshutdown only, once; in
 * config.json's annotations, where init reads it, only when given. */
static void test_timeout(struct tally *t, struct spec *s)
{
	const struct target onboot = { X86_64, "/containers/onboot/50-x/rootfs", "x", 0 };
	char *a;

	CHECK(t, parse(s, "kind onboot\ncommand /x\n") == 0 && s->timeout == 0);
	CHECK(t, parse(s, "kind onboot\ncommand /x\ntimeout 3\n") == 0 && s->timeout == 3);
	CHECK(t, parse(s, "timeout 3600\nkind onshutdown\ncommand /x\n") == 0 &&
	         s->timeout == 3600);
	CHECK(t, fails_at(s, "kind service\ncommand /x\ntimeout 5\n", 3,
	                  "a service has no timeout (kind service on line 1"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\ntimeout 0\n", 3,
	                  "'0' is not a number of seconds in 1..3600"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\ntimeout 3601\n", 3, "in 1..3600"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\ntimeout 5s\n", 3, "'5s' is not"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\ntimeout -1\n", 3, "is not"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\ntimeout 1\ntimeout 2\n", 4, "once"));
	CHECK(t, parse(s, "kind onboot\ncommand /x\ntimeout 7\n") == 0);
	a = render(s, &onboot);
	CHECK(t, a && strstr(a, "\"annotations\": {\n\t\t\"org.kitroot.timeout\": \"7\"\n\t}"));
	free(a);
	CHECK(t, parse(s, "kind onboot\ncommand /x\n") == 0);
	a = render(s, &onboot);
	CHECK(t, a && !strstr(a, "annotations"));
	free(a);
}

/* order: two digits, for onboot and onshutdown only, once; 50 when absent. */
static void test_order(struct tally *t, struct spec *s)
{
	CHECK(t, parse(s, "kind onboot\ncommand /x\n") == 0 && s->order == SPEC_ORDER_DEFAULT &&
	         SPEC_ORDER_DEFAULT == 50);
	CHECK(t, parse(s, "kind service\ncommand /x\n") == 0 && s->order == 50);
	CHECK(t, parse(s, "order 20\nkind onboot\ncommand /x\n") == 0 && s->order == 20);
	CHECK(t, parse(s, "kind onshutdown\ncommand /x\norder 07\n") == 0 && s->order == 7);
	CHECK(t, parse(s, "kind onboot\ncommand /x\norder 00\n") == 0 && s->order == 0);
	CHECK(t, parse(s, "kind onboot\ncommand /x\norder 99\n") == 0 && s->order == 99);
	/* a service: refused at the order line, wherever kind is */
	CHECK(t, fails_at(s, "kind service\ncommand /x\norder 20\n", 3,
	                  "a service has no order (kind service on line 1"));
	CHECK(t, fails_at(s, "# x\norder 20\ncommand /x\nkind service\n", 2,
	                  "kind service on line 4"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\norder 5\n", 3, "'5' is not two digits"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\norder 100\n", 3, "not two digits"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\norder -1\n", 3, "not two digits"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\norder 2a\n", 3, "not two digits"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\norder +1\n", 3, "not two digits"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\norder \xd9\xa2\xd9\xa0\n", 3,
	                  "not two digits"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\norder 10 20\n", 3, "2 words"));
	CHECK(t, fails_at(s, "kind onboot\ncommand /x\norder\n", 3, "0 words"));
	CHECK(t, fails_at(s, "kind onboot\norder 10\ncommand /x\norder 10\n", 4,
	                  "order given again (first on line 2"));
	/* the missing keys are reported before the order */
	CHECK(t, fails_at(s, "order 10\ncommand /x\n", 0, "no kind line"));
}

static void test_errors(struct tally *t, struct spec *s)
{
	static char big[SPEC_FILE_MAX + 2];
	char line[SPEC_LINE_MAX + 64], many[4096];
	int i;

	CHECK(t, fails_at(s, "kind service\nfrobnicate 1\n", 2, "unknown key 'frobnicate'"));
	CHECK(t, fails_at(s, "command /x\n", 0, "no kind line"));
	CHECK(t, fails_at(s, "kind onboot\n# none\n", 0, "no command line"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\n\nkind onboot\n", 4, "first on line 1"));
	CHECK(t, fails_at(s, "kind daemon\n", 1, "unknown kind"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nuser 1\n", 3, "expected: user UID GID"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nuser 1 2 3\n", 3, "3 words"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nuser 4294967295 0\n", 3, "not two numbers"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nuser x 0\n", 3, "not two numbers"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nmemory 99999999999999999999G\n", 3,
	                  "not a size"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\npids 0\n", 3, "1..4194304"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ncpu-shares 1\n", 3, "2..262144"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\noom-score-adj 1001\n", 3, "-1000..1000"));
	CHECK(t, fails_at(s, "kind service\ncommand bin/sh\n", 2, "not an absolute path"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ncwd /a/../etc\n", 3, "not an absolute path"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind etc /etc\n", 3, "source 'etc'"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind /a /b rx\n", 3, "'rx' is unknown"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind /a /b ro rw\n", 3, "'rw' is unknown or repeated"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind /a /b exec exec\n", 3, "repeated"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind /a /b rw exec x\n", 3, "5 words after the key"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind /p /proc\n", 3, "default mounts"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ntmpfs /a\nbind /b /a\n", 4, "already"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ntmpfs /a size=1M size=2M\n", 3, "repeated"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ntmpfs /a mode=800\n", 3, "not a mode"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ncapabilities CAP_CHOWN CAP_FLY\n", 3,
	                  "unknown capability 'CAP_FLY'"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ncapabilities CAP_KILL\ncapabilities CAP_KILL\n",
	                  4, "twice"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nshare mnt\n", 3, "unknown namespace 'mnt'"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nrlimit files 1 1\n", 3, "unknown limit"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nrlimit core 2 1\n", 3, "above hard"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nwritable /proc/kcore\n", 3,
	                  "not a default read-only path"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nseccomp-allow read\n", 3,
	                  "read is allowed to every container already"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nseccomp-allow keyctl rread\n", 3,
	                  "rread is not a system call kitroot knows"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nseccomp-allow keyctl\nseccomp-allow keyctl\n",
	                  4, "keyctl given twice"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nenv 1A=x\n", 3, "not NAME=VALUE"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nenv A=1\nenv A=2\n", 4, "A set twice"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ncwd \"/a b\"\n", 3, "quotes are only"));
	CHECK(t, fails_at(s, "kind service\ncommand /x \"open\n", 2, "unterminated quote"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ndevice /tmp/tty c 4 1\n", 3, "under /dev/"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ndevice /dev/x c 4096 1\n", 3, "MAJOR MINOR"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ndevice /dev/x c 8 0 rr\n", 3, "subset of rwm"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nsysctl 1net 1\n", 3, "not a sysctl name"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nsysctl net..x 1\n", 3, "empty part"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nsysctl net/../x 1\n", 3, "empty part"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nsysctl net.ipv4. 1\n", 3, "empty part"));
	/* no raw disk, memory or port access */
	CHECK(t, fails_at(s, "kind service\ncommand /x\ndevice /dev/sda b 8 0\n", 3, "block device"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ndevice /dev/mem c 1 1\n", 3, "raw memory"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ndevice /dev/kmem c 1 2\n", 3, "raw memory"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\ndevice /dev/port c 1 4 r\n", 3, "port"));
	CHECK(t, parse(s, "kind service\ncommand /x\ndevice /dev/null c 1 3\n") == 0);
	/* the host's own state is bound only where host-bind names it */
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind /proc/1/root /host\n", 3,
	                  "/proc/1/root is the host's own state"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind / /host\n", 3, "(and not /)"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind /run /run rw\n", 3, "host-bind"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind /sys/fs/cgroup /cg\n", 3, "own state"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nbind /dev /d\n", 3, "own state"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nhost-bind /run\nbind /run/a /a\n"
	                     "bind /run /r\n", 4, "/run/a is the host's own state"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nhost-bind /run /dev\nbind /run /r\n", 3,
	                  "no bind of /dev"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nhost-bind /etc\n", 3, "is not /, /proc"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nhost-bind /run/. \n", 3, "is not /, /proc"));
	CHECK(t, fails_at(s, "kind service\ncommand /x\nhost-bind /run /run\n", 3, "named twice"));
	CHECK(t, fails_at(s, "kind service\r\ncommand /x\n", 1, "control character 0x0d"));
	CHECK(t, fails_at(s, "kind service\ncommand /x \xc3\x28\n", 2, "invalid UTF-8"));
	CHECK(t, fails_at(s, "kind service\ncommand /x \xed\xa0\x80\n", 2, "invalid UTF-8"));
	memset(line, 'a', sizeof line);
	memcpy(line, "kind service\ncommand /x ", 24);
	line[24 + SPEC_LINE_MAX] = '\0';
	CHECK(t, fails_at(s, line, 2, "longer than 1024"));
	memset(big, '#', sizeof big - 1);
	CHECK(t, fails_at(s, big, 0, "larger than 65536"));
	strcpy(many, "kind service\ncommand /x\n");
	for (i = 0; i <= SPEC_MOUNTS_MAX; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many), "tmpfs /t%d\n", i);
	CHECK(t, fails_at(s, many, 3 + SPEC_MOUNTS_MAX, "more than 32"));
}

/* The container's directory has the spec file's name for its name. */
static int dir_is(const struct spec *s, const char *path, const char *want)
{
	char dir[CONTAINER_DIR_MAX], err[512];

	if (container_dir(s, path, dir, err, sizeof err)) {
		fprintf(stderr, "  %s: %s\n", path, err);
		return 0;
	}
	if (!strcmp(dir, want))
		return 1;
	fprintf(stderr, "  %s: got %s, wanted %s\n", path, dir, want);
	return 0;
}

static int dir_refused(const struct spec *s, const char *path, const char *needle)
{
	char dir[CONTAINER_DIR_MAX], err[512];

	if (!container_dir(s, path, dir, err, sizeof err)) {
		fprintf(stderr, "  %s: accepted as %s\n", path, dir);
		return 0;
	}
	if (strstr(err, needle))
		return 1;
	fprintf(stderr, "  %s: %s\n", path, err);
	return 0;
}

static void test_place(struct tally *t, struct spec *s)
{
	char long_name[CONTAINER_NAME_MAX + 32], want[CONTAINER_DIR_MAX];

	CHECK(t, parse(s, "kind service\ncommand /x\n") == 0);
	CHECK(t, dir_is(s, "pkg/getty/getty.service", "services/getty"));
	CHECK(t, dir_is(s, "/a/b.service/c-2.service", "services/c-2"));
	CHECK(t, dir_is(s, "x.service", "services/x"));
	CHECK(t, parse(s, "kind onboot\ncommand /x\norder 20\n") == 0);
	CHECK(t, dir_is(s, "pkg/dhcp/dhcp.service", "onboot/20-dhcp"));
	CHECK(t, parse(s, "kind onboot\ncommand /x\norder 05\n") == 0);
	CHECK(t, dir_is(s, "pkg/a/a.service", "onboot/05-a"));
	CHECK(t, parse(s, "kind onshutdown\ncommand /x\n") == 0);
	CHECK(t, dir_is(s, "pkg/ifdown/ifdown.service", "onshutdown/50-ifdown"));
	CHECK(t, parse(s, "kind onshutdown\ncommand /x\norder 00\n") == 0);
	CHECK(t, dir_is(s, "IfDown.service", "onshutdown/00-IfDown"));
	/* the file name must be a container name, and end in .service */
	CHECK(t, dir_refused(s, "pkg/a_b/a_b.service", "name 'a_b' (the file name without"));
	CHECK(t, dir_refused(s, "pkg/a/-a.service", "not starting with -"));
	CHECK(t, dir_refused(s, "pkg/a/.service", "name ''"));
	CHECK(t, dir_refused(s, "pkg/a/a b.service", "name 'a b'"));
	CHECK(t, dir_refused(s, "pkg/a/\xc3\xa9.service", "1-63 letters"));
	CHECK(t, dir_refused(s, "pkg/a/a.spec", "'a.spec' does not end in .service"));
	CHECK(t, dir_refused(s, "pkg/a/a.service.orig", "does not end in .service"));
	CHECK(t, dir_refused(s, "pkg/a/", "'' does not end in .service"));
	CHECK(t, dir_refused(s, "service", "does not end in .service"));
	memset(long_name, 'a', sizeof long_name);
	strcpy(long_name + CONTAINER_NAME_MAX, ".service");
	snprintf(want, sizeof want, "onshutdown/00-%.*s", CONTAINER_NAME_MAX, long_name);
	CHECK(t, dir_is(s, long_name, want) && strlen(want) == 14 + 63);
	strcpy(long_name + CONTAINER_NAME_MAX, "a.service");
	CHECK(t, dir_refused(s, long_name, "not 1-63"));
}

static void test_output(struct tally *t, struct spec *s)
{
	struct target shared = tgt;
	char *a, *b;

	CHECK(t, parse(s, "kind service\ncommand /sbin/getty 115200 console\n") == 0);
	a = render(s, &tgt);
	CHECK(t, a != NULL);
	if (!a)
		return;
	CHECK(t, strstr(a, "\"env\": [\n\t\t\t\"PATH=/sbin:/bin:/usr/sbin:/usr/bin\"\n\t\t]") != NULL);
	CHECK(t, strstr(a, "\"type\": \"RLIMIT_NOFILE\",\n\t\t\t\t\"hard\": 1024,\n"
	                   "\t\t\t\t\"soft\": 1024") != NULL);
	CHECK(t, strstr(a, "\"noNewPrivileges\": true") && strstr(a, "\"terminal\": false") &&
	         strstr(a, "\"oomScoreAdj\": 0"));
	CHECK(t, strstr(a, "\"readonly\": true") && strstr(a, "\"hostname\": \"demo\"") &&
	         strstr(a, "\"cgroupsPath\": \"/kitroot/demo\""));
	CHECK(t, in_array(a, "bounding", "") && strstr(a, "\"bounding\": []") &&
	         strstr(a, "\"ambient\": []"));
	/* Denied by default: the first rule allows, without a capability
	 * neither mount nor ptrace nor the keyring; clone3 gets ENOSYS and
	 * clone is allowed only without namespace flags (its first
	 * argument on x86). */
	CHECK(t, NULL != strstr(a, "\"defaultAction\": \"SCMP_ACT_ERRNO\",\n\t\t\t\"defaultErrnoRet\": 1"));
	CHECK(t, in_array(a, "names", "\"read\"") && in_array(a, "names", "\"arch_prctl\"") &&
	         !in_array(a, "names", "\"ptrace\"") && !in_array(a, "names", "\"mount\"") &&
	         !in_array(a, "names", "\"unshare\"") && !in_array(a, "names", "\"clone\"") &&
	         !in_array(a, "names", "\"s390_runtime_instr\"") && !strstr(a, "\"keyctl\"") &&
	         in_array(a, "architectures", "SCMP_ARCH_X32"));
	CHECK(t, NULL != strstr(a, "\"clone3\"\n\t\t\t\t\t],\n\t\t\t\t\t\"action\": \"SCMP_ACT_ERRNO\",\n"
	                   "\t\t\t\t\t\"errnoRet\": 38"));
	CHECK(t, NULL != strstr(a, "\"clone\"\n\t\t\t\t\t],\n\t\t\t\t\t\"action\": \"SCMP_ACT_ALLOW\",\n"
	                   "\t\t\t\t\t\"args\": [\n\t\t\t\t\t\t{\n\t\t\t\t\t\t\t\"index\": 0,\n"
	                   "\t\t\t\t\t\t\t\"value\": 2114060288,\n\t\t\t\t\t\t\t\"valueTwo\": 0,\n"
	                   "\t\t\t\t\t\t\t\"op\": \"SCMP_CMP_MASKED_EQ\""));
	CHECK(t, in_array(a, "readonlyPaths", "\"/proc/sys\"") &&
	         in_array(a, "maskedPaths", "\"/sys/devices/virtual/powercap\""));
	CHECK(t, strstr(a, "{\n\t\t\t\t\"type\": \"network\"") != NULL &&
	         strstr(a, "\"allow\": false") != NULL && !strstr(a, "\"sysctl\""));
	/* a service's only annotation: the shim group all services share */
	CHECK(t, strstr(a, "\"annotations\": {\n\t\t\"io.containerd.runc.v2.group\": "
	                   "\"kitroot-services\"\n\t}") != NULL);
	/* Determinism: the same spec, parsed again, gives the same bytes. */
	CHECK(t, parse(s, "kind service\ncommand /sbin/getty 115200 console\n") == 0);
	b = render(s, &tgt);
	CHECK(t, b && !strcmp(a, b));
	free(a);
	free(b);

	CHECK(t, parse(s, "kind service\ncommand /x\nuser 100 100\ncapabilities CAP_NET_RAW "
	                  "CAP_CHOWN\nseccomp-allow ptrace\nwritable /proc/sys\nshare net uts\n"
	                  "env PATH=/bin \"Q=a\\\"b\\\\c\"\noom-score-adj -17\n") == 0);
	shared.arches = "SCMP_ARCH_AARCH64 SCMP_ARCH_ARM";
	a = render(s, &shared);
	CHECK(t, a != NULL);
	if (!a)
		return;
	CHECK(t, strstr(a, "\"annotations\": {\n\t\t\"io.containerd.runc.v2.group\": "
	                   "\"kitroot-services\",\n\t\t\"org.kitroot.seccomp-allow\": \"ptrace\"\n\t}")
	         != NULL);
	CHECK(t, in_array(a, "ambient", "\"CAP_CHOWN\",\n\t\t\t\t\"CAP_NET_RAW\"") &&
	         in_array(a, "inheritable", "CAP_NET_RAW"));
	/* ptrace by seccomp-allow; kcmp would want CAP_SYS_PTRACE; the
	 * x86 and s390 calls are not aarch64's. */
	CHECK(t, in_array(a, "names", "\"ptrace\"") && !in_array(a, "names", "\"kcmp\"") &&
	         !in_array(a, "names", "\"arch_prctl\"") && in_array(a, "names", "\"fstat\""));
	CHECK(t, !in_array(a, "readonlyPaths", "/proc/sys\"") &&
	         in_array(a, "readonlyPaths", "/proc/sysrq-trigger"));
	CHECK(t, !strstr(a, "\"network\"") && !strstr(a, "\"uts\"") && !strstr(a, "hostname"));
	CHECK(t, in_array(a, "env", "[\n\t\t\t\"PATH=/bin\",\n\t\t\t\"Q=a\\\"b\\\\c\"\n"));
	CHECK(t, in_array(a, "architectures", "SCMP_ARCH_ARM") &&
	         !in_array(a, "architectures", "X86") && strstr(a, "\"oomScoreAdj\": -17"));
	free(a);

	/* Root keeps its capabilities without the ambient set; a capability
	 * allows the calls the kernel would let it make. */
	CHECK(t, parse(s, "kind service\ncommand /x\ncapabilities CAP_SYS_TIME\n") == 0);
	a = render(s, &tgt);
	CHECK(t, a && in_array(a, "permitted", "CAP_SYS_TIME") && strstr(a, "\"ambient\": []") &&
	         strstr(a, "\"inheritable\": []") && in_array(a, "names", "\"settimeofday\"") &&
	         !in_array(a, "names", "\"mount\""));
	free(a);

	/* With CAP_SYS_ADMIN: clone and clone3 unfiltered, mount allowed; on
	 * s390x clone's flags would be its second argument. */
	CHECK(t, parse(s, "kind onboot\ncommand /x\ncapabilities CAP_SYS_ADMIN\n") == 0);
	shared.arches = "SCMP_ARCH_S390X SCMP_ARCH_S390";
	shared.clone_flags_arg = 1;
	a = render(s, &shared);
	CHECK(t, a && in_array(a, "names", "\"clone\"") && in_array(a, "names", "\"clone3\"") &&
	         in_array(a, "names", "\"mount\"") && !strstr(a, "\"index\"") &&
	         !strstr(a, "\"errnoRet\"") && in_array(a, "names", "\"s390_runtime_instr\""));
	free(a);
	CHECK(t, parse(s, "kind onboot\ncommand /x\n") == 0);
	a = render(s, &shared);
	CHECK(t, a && strstr(a, "\"index\": 1,") && !in_array(a, "names", "\"s390_pci_mmio_read\""));
	free(a);
}

static void test_target(struct tally *t)
{
	struct target x = tgt;
	const char *why;

	CHECK(t, target_ok(&x, &why) == 0);
	x.arches = "  SCMP_ARCH_S390X   SCMP_ARCH_S390 ";
	CHECK(t, target_ok(&x, &why) == 0);
	/* an arch name, not the seccomp list: refused, saying what is wanted */
	x.arches = "x86_64";
	CHECK(t, target_ok(&x, &why) == -1 && strstr(why, "-a wants") &&
	         strstr(why, "KR_SECCOMP_ARCHES"));
	x.arches = "";
	CHECK(t, target_ok(&x, &why) == -1);
	x.arches = "SCMP_ARCH_";
	CHECK(t, target_ok(&x, &why) == -1);
	x.arches = "SCMP_ARCH_X86_64,SCMP_ARCH_X86";
	CHECK(t, target_ok(&x, &why) == -1);
	x.arches = "SCMP_ARCH_x86";
	CHECK(t, target_ok(&x, &why) == -1);
	x.arches = "SCMP_ARCH_A SCMP_ARCH_B SCMP_ARCH_C SCMP_ARCH_D SCMP_ARCH_E SCMP_ARCH_F "
	           "SCMP_ARCH_G SCMP_ARCH_H SCMP_ARCH_I";
	CHECK(t, target_ok(&x, &why) == -1);
	x.arches = "SCMP_ARCH_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	CHECK(t, target_ok(&x, &why) == -1);
	x = tgt;
	x.name = "a/b";
	CHECK(t, target_ok(&x, &why) == -1 && strstr(why, "NAME"));
	x = tgt;
	x.clone_flags_arg = -1; /* no -f */
	CHECK(t, target_ok(&x, &why) == -1 && strstr(why, "KR_SECCOMP_CLONE_FLAGS_ARG"));
	x.clone_flags_arg = 6;
	CHECK(t, target_ok(&x, &why) == -1);
	x = tgt;
	x.rootpath = "containers/x";
	CHECK(t, target_ok(&x, &why) == -1 && strstr(why, "ROOTPATH"));
}

static void test_json(struct tally *t)
{
	char buf[64];
	struct json j;
	FILE *f = fopen("/dev/null", "w");

	if (!f)
		return;
	json_to_stream(&j, f, 1);
	json_open(&j, NULL, '{');
	json_close(&j, ']');
	CHECK(t, j.bad);
	fclose(f);
	/* The indented form, as config.json has it. */
	json_to_buffer(&j, buf, sizeof buf, 1);
	json_open(&j, NULL, '{');
	json_open(&j, "a", '[');
	json_int(&j, NULL, -1);
	json_bool(&j, NULL, 1);
	json_close(&j, ']');
	json_open(&j, "b", '{');
	json_close(&j, '}');
	json_close(&j, '}');
	CHECK(t, !j.bad && !strcmp(buf, "{\n\t\"a\": [\n\t\t-1,\n\t\ttrue\n\t],\n\t\"b\": {}\n}\n"));
}

static void test_mount_points(struct tally *t, struct spec *s)
{
	char dir[] = "/tmp/kr-bundle-test.XXXXXX", path[256], err[512];
	struct stat st;
	int fd;

	if (!mkdtemp(dir)) {
		CHECK(t, !"mkdtemp");
		return;
	}
	snprintf(path, sizeof path, "%s/etc", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof path, "%s/etc/resolv.conf", dir);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd >= 0)
		close(fd);
	CHECK(t, parse(s, "kind service\ncommand /x\nbind /etc/resolv.conf /etc/resolv.conf\n"
	                  "tmpfs /var/lib/x\n") == 0);
	umask(077);
	CHECK(t, make_mount_points(dir, s, err, sizeof err) == 0);
	umask(022);
	snprintf(path, sizeof path, "%s/var/lib/x", dir);
	CHECK(t, stat(path, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 0755);
	snprintf(path, sizeof path, "%s/sys/fs/cgroup", dir);
	CHECK(t, stat(path, &st) == 0 && S_ISDIR(st.st_mode));
	snprintf(path, sizeof path, "%s/etc/resolv.conf", dir);
	CHECK(t, stat(path, &st) == 0 && S_ISREG(st.st_mode));
	/* A link on the way is not followed out of the rootfs. */
	snprintf(path, sizeof path, "%s/run", dir);
	CHECK(t, symlink("/tmp", path) == 0);
	CHECK(t, parse(s, "kind service\ncommand /x\ntmpfs /run/kr-bundle-escape\n") == 0);
	CHECK(t, make_mount_points(dir, s, err, sizeof err) == -1 && strstr(err, "symbolic link") &&
	         access("/tmp/kr-bundle-escape", F_OK) != 0);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	CHECK(t, system(path) == 0);
}

/* The example specs beside this file parse. */
static void test_spec_files(struct tally *t, struct spec *s)
{
	static const char *const names[] = { "minimal", "ntpd", "full" };
	static char buf[SPEC_FILE_MAX + 1];
	char path[4200], dir[4096];
	struct spec_err e;
	size_t i, n;
	FILE *f;

	snprintf(dir, sizeof dir, "%s", __FILE__);
	*(strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir) = '\0';
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%sspecs/%s.service", dir, names[i]);
		f = fopen(path, "r");
		CHECK(t, f != NULL);
		if (!f)
			continue;
		n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		CHECK(t, spec_parse(s, buf, n, &e) == 0);
	}
}

int main(void)
{
	struct tally t = { 0, 0 };
	struct spec *s = malloc(sizeof *s);

	if (!s)
		return 1;
	test_numbers(&t);
	test_words(&t);
	test_good(&t, s);
	test_order(&t, s);
	test_timeout(&t, s);
	test_place(&t, s);
	test_errors(&t, s);
	test_output(&t, s);
	test_target(&t);
	test_json(&t);
	test_mount_points(&t, s);
	test_spec_files(&t, s);
	free(s);
	return tally_report("bundle", &t);
}
