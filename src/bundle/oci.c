/* config.json from a parsed spec: the OCI runtime spec 1.0.2 as runc
 * 1.1 and containerd 1.7 read it, with kitroot's defaults.  Keys are
 * written in a fixed order, so one spec always gives the same bytes. */
#include <string.h>

#include "bundle.h"

/* The mounts every container gets, as runc's own default spec has them
 * (with /sys/fs/cgroup read-only: the cgroup is runc's to manage). */
static const struct {
	const char *dest, *type, *options[7];
} default_mounts[DEFAULT_MOUNTS] = {
	{ "/proc", "proc", { NULL } },
	{ "/dev", "tmpfs", { "nosuid", "strictatime", "mode=755", "size=65536k", NULL } },
	{ "/dev/pts", "devpts",
	  { "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", NULL } },
	{ "/dev/shm", "tmpfs", { "nosuid", "noexec", "nodev", "mode=1777", "size=65536k", NULL } },
	{ "/dev/mqueue", "mqueue", { "nosuid", "noexec", "nodev", NULL } },
	{ "/sys", "sysfs", { "nosuid", "noexec", "nodev", "ro", NULL } },
	{ "/sys/fs/cgroup", "cgroup", { "nosuid", "noexec", "nodev", "relatime", "ro", NULL } },
};

const char *default_mount_dest(int i)
{
	return i >= 0 && i < DEFAULT_MOUNTS ? default_mounts[i].dest : NULL;
}

/* The name becomes the hostname and a cgroup directory: a DNS label. */
int container_name_ok(const char *name)
{
	size_t n = strlen(name);

	return n > 0 && n <= CONTAINER_NAME_MAX && name[0] != '-' &&
	       !name[strspn(name, "abcdefghijklmnopqrstuvwxyz"
	                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")];
}

int target_ok(const struct target *t, const char **why)
{
	if (!seccomp_arches_ok(t->arches))
		*why = "-a wants 1 to 8 seccomp architectures separated by spaces, each "
		       "SCMP_ARCH_ and capitals, digits or _, as KR_SECCOMP_ARCHES holds them "
		       "(\"SCMP_ARCH_AARCH64 SCMP_ARCH_ARM\")";
	else if (t->clone_flags_arg < 0 || t->clone_flags_arg > 5)
		*why = "-f wants the number of clone(2)'s argument that holds its flags, 0 to 5, "
		       "as KR_SECCOMP_CLONE_FLAGS_ARG holds it (0; 1 on s390x)";
	else if (!path_ok(t->rootpath, 0))
		*why = "ROOTPATH is not an absolute path without . or ..";
	else if (!container_name_ok(t->name))
		*why = "NAME is not 1-63 letters, digits and -, not starting with -";
	else
		return 0;
	return -1;
}

static void caps_list(struct json *j, const char *key, uint64_t caps)
{
	int i;

	json_open(j, key, '[');
	for (i = 0; i < CAP_COUNT; i++)
		if (caps & (1ULL << i))
			json_str(j, NULL, cap_name(i));
	json_close(j, ']');
}

static void write_rlimit(struct json *j, int which, unsigned long long soft,
                         unsigned long long hard)
{
	json_open(j, NULL, '{');
	json_str(j, "type", rlimit_name(which));
	json_uint(j, "hard", hard);
	json_uint(j, "soft", soft);
	json_close(j, '}');
}

static void write_process(struct json *j, const struct spec *s)
{
	int i, has_path = 0, has_nofile = 0;
	/* A non-root process keeps its capabilities across execve only
	 * through the ambient set (which needs them inheritable too). */
	uint64_t passed_on = s->uid ? s->caps : 0;

	json_open(j, "process", '{');
	json_bool(j, "terminal", 0);
	json_open(j, "user", '{');
	json_uint(j, "uid", s->uid);
	json_uint(j, "gid", s->gid);
	json_close(j, '}');
	json_open(j, "args", '[');
	for (i = 0; i < s->nargs; i++)
		json_str(j, NULL, s->args[i]);
	json_close(j, ']');
	json_open(j, "env", '[');
	for (i = 0; i < s->nenv; i++)
		has_path |= !strncmp(s->env[i], "PATH=", 5);
	if (!has_path)
		json_str(j, NULL, DEFAULT_PATH);
	for (i = 0; i < s->nenv; i++)
		json_str(j, NULL, s->env[i]);
	json_close(j, ']');
	json_str(j, "cwd", s->cwd);
	json_open(j, "capabilities", '{');
	caps_list(j, "bounding", s->caps);
	caps_list(j, "effective", s->caps);
	caps_list(j, "inheritable", passed_on);
	caps_list(j, "permitted", s->caps);
	caps_list(j, "ambient", passed_on);
	json_close(j, '}');
	json_open(j, "rlimits", '[');
	for (i = 0; i < s->nrlimits; i++)
		has_nofile |= s->rlimits[i].which == rlimit_nofile();
	if (!has_nofile)
		write_rlimit(j, rlimit_nofile(), 1024, 1024);
	for (i = 0; i < s->nrlimits; i++)
		write_rlimit(j, s->rlimits[i].which, s->rlimits[i].soft, s->rlimits[i].hard);
	json_close(j, ']');
	json_bool(j, "noNewPrivileges", 1);
	/* Always written: without it the service would inherit the -998
	 * of containerd's shim, and the OOM killer would choose a
	 * supervisor before it. */
	json_int(j, "oomScoreAdj", s->oom_score_adj);
	json_close(j, '}');
}

static void write_mount(struct json *j, const char *dest, const char *type, const char *src,
                        const char *const *options)
{
	json_open(j, NULL, '{');
	json_str(j, "destination", dest);
	json_str(j, "type", type);
	json_str(j, "source", src);
	json_open(j, "options", '[');
	for (; *options; options++)
		json_str(j, NULL, *options);
	json_close(j, ']');
	json_close(j, '}');
}

static void write_mounts(struct json *j, const struct spec *s)
{
	const char *opts[8];
	char size[40], mode[24];
	int i, n;

	json_open(j, "mounts", '[');
	for (i = 0; i < DEFAULT_MOUNTS; i++)
		write_mount(j, default_mounts[i].dest, default_mounts[i].type,
		            default_mounts[i].type, default_mounts[i].options);
	for (i = 0; i < s->nmounts; i++) {
		const struct spec_mount *m = &s->mounts[i];

		n = 0;
		if (m->src)
			opts[n++] = "rbind";
		opts[n++] = "nosuid";
		opts[n++] = "nodev";
		if (!m->exec)
			opts[n++] = "noexec";
		if (m->src) {
			opts[n++] = m->rw ? "rw" : "ro";
		} else {
			if (m->size) {
				snprintf(size, sizeof size, "size=%llu", m->size);
				opts[n++] = size;
			}
			if (m->mode >= 0) {
				snprintf(mode, sizeof mode, "mode=%o", (unsigned)m->mode);
				opts[n++] = mode;
			}
		}
		opts[n] = NULL;
		write_mount(j, m->dest, m->src ? "bind" : "tmpfs", m->src ? m->src : "tmpfs", opts);
	}
	json_close(j, ']');
}

static void write_resources(struct json *j, const struct spec *s)
{
	char type[2] = { 0, 0 };
	int i;

	json_open(j, "resources", '{');
	json_open(j, "devices", '[');
	json_open(j, NULL, '{');
	json_bool(j, "allow", 0);
	json_str(j, "type", "a");
	json_str(j, "access", "rwm");
	json_close(j, '}');
	for (i = 0; i < s->ndevices; i++) {
		type[0] = s->devices[i].type;
		json_open(j, NULL, '{');
		json_bool(j, "allow", 1);
		json_str(j, "type", type);
		json_uint(j, "major", s->devices[i].major);
		json_uint(j, "minor", s->devices[i].minor);
		json_str(j, "access", s->devices[i].access);
		json_close(j, '}');
	}
	json_close(j, ']');
	if (s->memory) {
		json_open(j, "memory", '{');
		json_uint(j, "limit", s->memory);
		json_close(j, '}');
	}
	if (s->cpu_shares) {
		json_open(j, "cpu", '{');
		json_uint(j, "shares", s->cpu_shares);
		json_close(j, '}');
	}
	if (s->pids) {
		json_open(j, "pids", '{');
		json_uint(j, "limit", s->pids);
		json_close(j, '}');
	}
	json_close(j, '}');
}

static void write_namespaces(struct json *j, const struct spec *s)
{
	static const struct {
		const char *type;
		unsigned shared_by;
	} ns[] = {
		{ "mount", 0 }, { "pid", SHARE_PID }, { "ipc", SHARE_IPC },
		{ "uts", SHARE_UTS }, { "network", SHARE_NET }, { "cgroup", 0 },
	};
	size_t i;

	json_open(j, "namespaces", '[');
	for (i = 0; i < sizeof ns / sizeof ns[0]; i++) {
		if (s->share & ns[i].shared_by)
			continue;
		json_open(j, NULL, '{');
		json_str(j, "type", ns[i].type);
		json_close(j, '}');
	}
	json_close(j, ']');
}

static void write_devices(struct json *j, const struct spec *s)
{
	char type[2] = { 0, 0 };
	int i;

	json_open(j, "devices", '[');
	for (i = 0; i < s->ndevices; i++) {
		type[0] = s->devices[i].type;
		json_open(j, NULL, '{');
		json_str(j, "path", s->devices[i].path);
		json_str(j, "type", type);
		json_uint(j, "major", s->devices[i].major);
		json_uint(j, "minor", s->devices[i].minor);
		json_uint(j, "fileMode", 0600);
		json_uint(j, "uid", 0);
		json_uint(j, "gid", 0);
		json_close(j, '}');
	}
	json_close(j, ']');
}

/* One rule: the names of the table entries that apply to the target
 * and for which want(s, i) holds. */
static void seccomp_names(struct json *j, const struct spec *s, const char *arches,
                          int (*want)(const struct spec *, int))
{
	int i;

	json_open(j, "names", '[');
	for (i = 0; i < syscall_count(); i++)
		if (seccomp_rule_applies(syscall_rule(i)->arches, arches) && want(s, i))
			json_str(j, NULL, syscall_rule(i)->name);
	json_close(j, ']');
}

static int denied_enosys(const struct spec *s, int i)
{
	return !spec_allows_call(s, i) && syscall_rule(i)->otherwise == SECCOMP_ENOSYS;
}

static int denied_unless_no_namespaces(const struct spec *s, int i)
{
	return !spec_allows_call(s, i) && syscall_rule(i)->otherwise == SECCOMP_NO_NAMESPACES;
}

static int any_call(const struct spec *s, int (*want)(const struct spec *, int))
{
	int i;

	for (i = 0; i < syscall_count(); i++)
		if (want(s, i))
			return 1;
	return 0;
}

/* CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID and NEWNET:
 * the flags of clone(2) that make namespaces. */
#define CLONE_NAMESPACE_FLAGS 0x7e020000u

static void write_seccomp(struct json *j, const struct spec *s, const struct target *t)
{
	char name[SECCOMP_ARCH_NAME_MAX + 1];
	const char *list = t->arches;

	json_open(j, "seccomp", '{');
	json_str(j, "defaultAction", "SCMP_ACT_ERRNO");
	json_uint(j, "defaultErrnoRet", 1); /* EPERM */
	json_open(j, "architectures", '[');
	while ((list = seccomp_arch_next(list, name)))
		json_str(j, NULL, name);
	json_close(j, ']');
	json_open(j, "syscalls", '[');
	json_open(j, NULL, '{');
	seccomp_names(j, s, t->arches, spec_allows_call);
	json_str(j, "action", "SCMP_ACT_ALLOW");
	json_close(j, '}');
	if (any_call(s, denied_enosys)) {
		json_open(j, NULL, '{');
		seccomp_names(j, s, t->arches, denied_enosys);
		json_str(j, "action", "SCMP_ACT_ERRNO");
		json_uint(j, "errnoRet", 38); /* ENOSYS */
		json_close(j, '}');
	}
	if (any_call(s, denied_unless_no_namespaces)) {
		json_open(j, NULL, '{');
		seccomp_names(j, s, t->arches, denied_unless_no_namespaces);
		json_str(j, "action", "SCMP_ACT_ALLOW");
		json_open(j, "args", '[');
		json_open(j, NULL, '{');
		json_uint(j, "index", (unsigned)t->clone_flags_arg);
		json_uint(j, "value", CLONE_NAMESPACE_FLAGS);
		json_uint(j, "valueTwo", 0);
		json_str(j, "op", "SCMP_CMP_MASKED_EQ");
		json_close(j, '}');
		json_close(j, ']');
		json_close(j, '}');
	}
	json_close(j, ']');
	json_close(j, '}');
}

static void write_linux(struct json *j, const struct spec *s, const struct target *t)
{
	char cgroup[80];
	int i;

	json_open(j, "linux", '{');
	if (s->nsysctl) {
		json_open(j, "sysctl", '{');
		for (i = 0; i < s->nsysctl; i++)
			json_str(j, s->sysctl[i].key, s->sysctl[i].value);
		json_close(j, '}');
	}
	write_resources(j, s);
	snprintf(cgroup, sizeof cgroup, "/kitroot/%s", t->name);
	json_str(j, "cgroupsPath", cgroup);
	write_namespaces(j, s);
	if (s->ndevices)
		write_devices(j, s);
	write_seccomp(j, s, t);
	json_open(j, "maskedPaths", '[');
	for (i = 0; i < MASKED_COUNT; i++)
		json_str(j, NULL, masked_path(i));
	json_close(j, ']');
	json_open(j, "readonlyPaths", '[');
	for (i = 0; i < READONLY_COUNT; i++)
		if (!(s->writable & (1u << i)))
			json_str(j, NULL, readonly_path(i));
	json_close(j, ']');
	json_close(j, '}');
}

/* The spec's exceptions to the defaults, as annotations the security
 * report lists: host-bind's sources and seccomp-allow's calls, each
 * joined with spaces (a host-bind line is shorter than its buffer, and
 * no name in the table is as long as 24 bytes).  And the timeout, which
 * init reads from here, and a service's shim group, which containerd's
 * runc shim reads: every service with the same group shares one shim
 * process instead of starting its own (docs/containers.md). */
static void write_annotations(struct json *j, const struct spec *s)
{
	char binds[SPEC_LINE_MAX + 1] = "", calls[SYSCALLS_MAX * 24] = "";
	size_t at;
	int i;

	for (i = 0, at = 0; i < s->nhost_binds && at < sizeof binds; i++)
		at += (size_t)snprintf(binds + at, sizeof binds - at, "%s%s", i ? " " : "",
		                       s->host_binds[i]);
	for (i = 0, at = 0; i < syscall_count() && at < sizeof calls; i++)
		if (s->seccomp_allow[i / 64] & (1ULL << (i % 64)))
			at += (size_t)snprintf(calls + at, sizeof calls - at, "%s%s", at ? " " : "",
			                       syscall_rule(i)->name);
	if (!*binds && !*calls && !s->timeout && s->kind != SPEC_SERVICE)
		return;
	json_open(j, "annotations", '{');
	if (s->kind == SPEC_SERVICE)
		json_str(j, "io.containerd.runc.v2.group", SERVICE_SHIM_GROUP);
	if (*binds)
		json_str(j, "org.kitroot.host-bind", binds);
	if (*calls)
		json_str(j, "org.kitroot.seccomp-allow", calls);
	if (s->timeout) {
		char seconds[16];

		snprintf(seconds, sizeof seconds, "%u", s->timeout);
		json_str(j, "org.kitroot.timeout", seconds);
	}
	json_close(j, '}');
}

int oci_write(FILE *f, const struct spec *s, const struct target *t)
{
	struct json j;

	json_to_stream(&j, f, 1);
	json_open(&j, NULL, '{');
	json_str(&j, "ociVersion", "1.0.2");
	write_process(&j, s);
	json_open(&j, "root", '{');
	json_str(&j, "path", t->rootpath);
	json_bool(&j, "readonly", !s->rootfs_rw);
	json_close(&j, '}');
	if (!(s->share & SHARE_UTS))
		json_str(&j, "hostname", t->name);
	write_mounts(&j, s);
	write_linux(&j, s, t);
	write_annotations(&j, s);
	json_close(&j, '}');
	return j.bad || fflush(f) || ferror(f) ? -1 : 0;
}
