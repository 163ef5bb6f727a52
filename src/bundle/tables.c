/* The fixed name tables a spec is checked against. */
#include <string.h>

#include "bundle.h"

/* Every Linux capability, in kernel order (the index is the number),
 * up to CAP_CHECKPOINT_RESTORE (Linux 5.9). */
static const char *const caps[CAP_COUNT] = {
	"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER",
	"CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP",
	"CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST",
	"CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
	"CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
	"CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
	"CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD",
	"CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP",
	"CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
	"CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
	"CAP_CHECKPOINT_RESTORE",
};

/* The spec's short names, in the order of their RLIMIT_ names. */
static const char *const rlimits[RLIMIT_COUNT][2] = {
	{ "as", "RLIMIT_AS" }, { "core", "RLIMIT_CORE" }, { "cpu", "RLIMIT_CPU" },
	{ "data", "RLIMIT_DATA" }, { "fsize", "RLIMIT_FSIZE" },
	{ "locks", "RLIMIT_LOCKS" }, { "memlock", "RLIMIT_MEMLOCK" },
	{ "msgqueue", "RLIMIT_MSGQUEUE" }, { "nice", "RLIMIT_NICE" },
	{ "nofile", "RLIMIT_NOFILE" }, { "nproc", "RLIMIT_NPROC" },
	{ "rss", "RLIMIT_RSS" }, { "rtprio", "RLIMIT_RTPRIO" },
	{ "rttime", "RLIMIT_RTTIME" }, { "sigpending", "RLIMIT_SIGPENDING" },
	{ "stack", "RLIMIT_STACK" },
};

/* What runc's own default spec makes read-only and masks: kernel
 * knobs and information a container has no business with.  A spec
 * takes a path out of the read-only list with `writable`. */
static const char *const readonly[READONLY_COUNT] = {
	"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
};

static const char *const masked[MASKED_COUNT] = {
	"/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
	"/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats",
	"/proc/sched_debug", "/proc/scsi", "/sys/firmware",
	"/sys/devices/virtual/powercap",
};

const char *cap_name(int n)
{
	return n >= 0 && n < CAP_COUNT ? caps[n] : NULL;
}

int cap_number(const char *name)
{
	int i;

	for (i = 0; i < CAP_COUNT; i++)
		if (!strcmp(caps[i], name))
			return i;
	return -1;
}

const char *rlimit_name(int i)
{
	return i >= 0 && i < RLIMIT_COUNT ? rlimits[i][1] : NULL;
}

int rlimit_index(const char *short_name)
{
	int i;

	for (i = 0; i < RLIMIT_COUNT; i++)
		if (!strcmp(rlimits[i][0], short_name))
			return i;
	return -1;
}

int rlimit_nofile(void)
{
	return rlimit_index("nofile");
}

const char *readonly_path(int i)
{
	return i >= 0 && i < READONLY_COUNT ? readonly[i] : NULL;
}

int readonly_index(const char *path)
{
	int i;

	for (i = 0; i < READONLY_COUNT; i++)
		if (!strcmp(readonly[i], path))
			return i;
	return -1;
}

const char *masked_path(int i)
{
	return i >= 0 && i < MASKED_COUNT ? masked[i] : NULL;
}
