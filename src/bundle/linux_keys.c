/* The keys that shape the container around the process: namespaces,
 * mounts, devices, kernel settings, cgroup limits and the seccomp
 * filter. */
#include <string.h>

#include "keys.h"

#define MAJOR_MAX 4095      /* 12 bits in dev_t's major */
#define MINOR_MAX 1048575   /* 20 bits in its minor */
#define PIDS_MAX 4194304    /* the kernel's PID_MAX_LIMIT */

int key_share(struct spec *s, char **w, int n, struct spec_err *e)
{
	static const char *const names[] = { "net", "pid", "ipc", "uts" };
	unsigned bit;
	int i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < 4 && strcmp(names[k], w[i]); k++)
			;
		if (k == 4)
			return spec_fail(e, "share: unknown namespace '%.40s' (expected net, pid, ipc "
			                 "or uts)", w[i]);
		bit = 1u << k;
		if (s->share & bit)
			return spec_fail(e, "share: %s given twice", w[i]);
		s->share |= bit;
	}
	return 0;
}

/* A new mount destination: a clean absolute path, not one of the
 * mounts every container gets, not mounted twice. */
static struct spec_mount *new_mount(struct spec *s, const char *key, const char *dest,
                                    struct spec_err *e)
{
	int i;

	if (!path_ok(dest, 0)) {
		spec_fail(e, "%s: destination '%.80s' is not an absolute path without . or .. (and "
		          "not /)", key, dest);
		return NULL;
	}
	for (i = 0; i < DEFAULT_MOUNTS; i++)
		if (!strcmp(default_mount_dest(i), dest)) {
			spec_fail(e, "%s: %s is one of the default mounts (expected another "
			          "destination)", key, dest);
			return NULL;
		}
	for (i = 0; i < s->nmounts; i++)
		if (!strcmp(s->mounts[i].dest, dest)) {
			spec_fail(e, "%s: %.80s is already a mount destination", key, dest);
			return NULL;
		}
	if (s->nmounts == SPEC_MOUNTS_MAX) {
		spec_fail(e, "%s: more than %d bind and tmpfs mounts", key, SPEC_MOUNTS_MAX);
		return NULL;
	}
	s->mounts[s->nmounts].dest = dest;
	s->mounts[s->nmounts].mode = -1;
	return &s->mounts[s->nmounts++];
}

int key_bind(struct spec *s, char **w, int n, struct spec_err *e)
{
	struct spec_mount *m;
	int i, rw = 0, has_access = 0, exec = 0;

	if (!path_ok(w[0], 0))
		return spec_fail(e, "bind: source '%.80s' is not an absolute path without . or .. "
		                 "(and not /)", w[0]);
	for (i = 2; i < n; i++) {
		if ((!strcmp(w[i], "rw") || !strcmp(w[i], "ro")) && !has_access++)
			rw = w[i][1] == 'w';
		else if (!strcmp(w[i], "exec") && !exec++)
			continue;
		else
			return spec_fail(e, "bind: '%.20s' is unknown or repeated (expected: bind /SRC "
			                 "/DEST [ro|rw] [exec])", w[i]);
	}
	m = new_mount(s, "bind", w[1], e);
	if (!m)
		return -1;
	m->src = w[0];
	m->rw = rw;
	m->exec = exec;
	m->line = e->line;
	return 0;
}

int host_state_path(const char *p)
{
	static const char *const state[] = { "/proc", "/sys", "/dev", "/run" };
	size_t i, n;

	if (!strcmp(p, "/"))
		return 1;
	for (i = 0; i < sizeof state / sizeof state[0]; i++) {
		n = strlen(state[i]);
		if (!strncmp(p, state[i], n) && (p[n] == '\0' || p[n] == '/'))
			return 1;
	}
	return 0;
}

int key_host_bind(struct spec *s, char **w, int n, struct spec_err *e)
{
	int i, k;

	for (i = 0; i < n; i++) {
		if (!path_ok(w[i], 1) || !host_state_path(w[i]))
			return spec_fail(e, "host-bind: '%.80s' is not /, /proc, /sys, /dev, /run or a "
			                 "path under them (a bind of any other path needs no host-bind)",
			                 w[i]);
		for (k = 0; k < s->nhost_binds; k++)
			if (!strcmp(s->host_binds[k], w[i]))
				return spec_fail(e, "host-bind: %.80s named twice", w[i]);
		s->host_binds[s->nhost_binds++] = w[i];
	}
	s->host_bind_line = e->line;
	return 0;
}

int key_tmpfs(struct spec *s, char **w, int n, struct spec_err *e)
{
	unsigned long long size = 0;
	unsigned mode = 0;
	int i, has_size = 0, has_mode = 0, exec = 0;
	struct spec_mount *m;

	for (i = 1; i < n; i++) {
		if (!strncmp(w[i], "size=", 5) && !has_size++) {
			if (parse_size(w[i] + 5, &size) || !size)
				return spec_fail(e, "tmpfs: '%.40s' is not a size (expected size=N[K|M|G], "
				                 "N > 0)", w[i]);
		} else if (!strncmp(w[i], "mode=", 5) && !has_mode++) {
			if (parse_octal(w[i] + 5, 07777, &mode))
				return spec_fail(e, "tmpfs: '%.40s' is not a mode (expected mode=OCTAL, "
				                 "at most 7777)", w[i]);
		} else if (!strcmp(w[i], "exec") && !exec++) {
			continue;
		} else {
			return spec_fail(e, "tmpfs: '%.40s' is unknown or repeated (expected: tmpfs /DEST "
			                 "[size=N[K|M|G]] [mode=OCTAL] [exec])", w[i]);
		}
	}
	m = new_mount(s, "tmpfs", w[0], e);
	if (!m)
		return -1;
	m->size = size;
	m->mode = has_mode ? (int)mode : -1;
	m->exec = exec;
	return 0;
}

int key_rootfs(struct spec *s, char **w, int n, struct spec_err *e)
{
	(void)n;
	if (!strcmp(w[0], "rw"))
		s->rootfs_rw = 1;
	else if (strcmp(w[0], "ro"))
		return spec_fail(e, "rootfs: '%.20s' is neither ro nor rw", w[0]);
	return 0;
}

int key_writable(struct spec *s, char **w, int n, struct spec_err *e)
{
	int i, k;

	for (i = 0; i < n; i++) {
		k = readonly_index(w[i]);
		if (k < 0)
			return spec_fail(e, "writable: %.80s is not a default read-only path (expected "
			                 "/proc/bus, /proc/fs, /proc/irq, /proc/sys or "
			                 "/proc/sysrq-trigger)", w[i]);
		if (s->writable & (1u << k))
			return spec_fail(e, "writable: %s given twice", w[i]);
		s->writable |= 1u << k;
	}
	return 0;
}

/* Access as the devices cgroup writes it: r, w, m, each at most once,
 * kept in that order. */
static int device_access(const char *w, char *out)
{
	int r = 0, wr = 0, m = 0;

	for (; *w; w++) {
		int *flag = *w == 'r' ? &r : *w == 'w' ? &wr : *w == 'm' ? &m : NULL;

		if (!flag || (*flag)++)
			return -1;
	}
	if (!r && !wr && !m)
		return -1;
	snprintf(out, 4, "%s%s%s", r ? "r" : "", wr ? "w" : "", m ? "m" : "");
	return 0;
}

int key_device(struct spec *s, char **w, int n, struct spec_err *e)
{
	struct spec_device d;
	unsigned long long major, minor;
	int i;

	if (!path_ok(w[0], 0) || strncmp(w[0], "/dev/", 5))
		return spec_fail(e, "device: '%.80s' is not a path under /dev/", w[0]);
	if (strcmp(w[1], "c") && strcmp(w[1], "b"))
		return spec_fail(e, "device: type '%.20s' is neither c nor b", w[1]);
	if (parse_ull(w[2], MAJOR_MAX, &major) || parse_ull(w[3], MINOR_MAX, &minor))
		return spec_fail(e, "device: '%.20s %.20s' is not MAJOR MINOR (expected numbers "
		                 "0..%d and 0..%d)", w[2], w[3], MAJOR_MAX, MINOR_MAX);
	if (w[1][0] == 'b')
		return spec_fail(e, "device: %.80s is a block device: no container opens a raw disk "
		                 "(the data partition's boot step owns the disks)", w[0]);
	if (major == 1 && (minor == 1 || minor == 2 || minor == 4))
		return spec_fail(e, "device: %.80s (c 1 %llu) is raw memory or I/O port access, "
		                 "which no container gets", w[0], minor);
	if (device_access(n == 5 ? w[4] : "rw", d.access))
		return spec_fail(e, "device: access '%.20s' is not a subset of rwm", w[4]);
	for (i = 0; i < s->ndevices; i++)
		if (!strcmp(s->devices[i].path, w[0]))
			return spec_fail(e, "device: %.80s given twice", w[0]);
	if (s->ndevices == SPEC_DEVICES_MAX)
		return spec_fail(e, "device: more than %d devices", SPEC_DEVICES_MAX);
	d.path = w[0];
	d.type = w[1][0];
	d.major = (unsigned)major;
	d.minor = (unsigned)minor;
	s->devices[s->ndevices++] = d;
	return 0;
}

int key_sysctl(struct spec *s, char **w, int n, struct spec_err *e)
{
	const char *k = w[0];
	int i;

	(void)n;
	if (!((k[0] >= 'a' && k[0] <= 'z') || (k[0] >= 'A' && k[0] <= 'Z')) ||
	    k[strspn(k, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/")])
		return spec_fail(e, "sysctl: '%.80s' is not a sysctl name (expected such as "
		                 "net.ipv4.ip_forward)", k);
	/* runc writes /proc/sys/KEY with the dots made slashes: an empty
	 * part (.. or a trailing dot) would step outside the key. */
	for (i = 0; k[i]; i++)
		if ((k[i] == '.' || k[i] == '/') && (k[i + 1] == '.' || k[i + 1] == '/' || !k[i + 1]))
			return spec_fail(e, "sysctl: '%.80s' has an empty part (.., //, ./ or a dot or "
			                 "slash at the end): not a sysctl name", k);
	for (i = 0; i < s->nsysctl; i++)
		if (!strcmp(s->sysctl[i].key, k))
			return spec_fail(e, "sysctl: %.80s set twice", k);
	if (s->nsysctl == SPEC_SYSCTL_MAX)
		return spec_fail(e, "sysctl: more than %d settings", SPEC_SYSCTL_MAX);
	s->sysctl[s->nsysctl].key = k;
	s->sysctl[s->nsysctl++].value = w[1];
	return 0;
}

int key_memory(struct spec *s, char **w, int n, struct spec_err *e)
{
	(void)n;
	if (parse_size(w[0], &s->memory) || !s->memory || s->memory > (1ULL << 62))
		return spec_fail(e, "memory: '%.40s' is not a size (expected N[K|M|G], N > 0)", w[0]);
	return 0;
}

int key_pids(struct spec *s, char **w, int n, struct spec_err *e)
{
	(void)n;
	if (parse_ull(w[0], PIDS_MAX, &s->pids) || !s->pids)
		return spec_fail(e, "pids: '%.40s' is not a number in 1..%d", w[0], PIDS_MAX);
	return 0;
}

int key_cpu_shares(struct spec *s, char **w, int n, struct spec_err *e)
{
	unsigned long long v;

	(void)n;
	if (parse_ull(w[0], 262144, &v) || v < 2)
		return spec_fail(e, "cpu-shares: '%.40s' is not a number in 2..262144", w[0]);
	s->cpu_shares = (unsigned)v;
	return 0;
}

int key_seccomp_allow(struct spec *s, char **w, int n, struct spec_err *e)
{
	const struct syscall_rule *r;
	int i, k;

	for (i = 0; i < n; i++) {
		k = syscall_index(w[i]);
		if (k < 0)
			return spec_fail(e, "seccomp-allow: %.40s is not a system call kitroot knows "
			                 "(the table is src/bundle/syscalls.c)", w[i]);
		r = syscall_rule(k);
		if (r->needs && !*r->needs)
			return spec_fail(e, "seccomp-allow: %s is allowed to every container already",
			                 w[i]);
		if (s->seccomp_allow[k / 64] & (1ULL << (k % 64)))
			return spec_fail(e, "seccomp-allow: %s given twice", w[i]);
		s->seccomp_allow[k / 64] |= 1ULL << (k % 64);
	}
	return 0;
}
