/* The seccomp filter of every kitroot container: everything is allowed
 * but the system calls below, which fail with EPERM.  The architectures
 * it applies to are the target's (KR_SECCOMP_ARCHES, given with -a):
 * only their shape is checked here.  A spec lets one
 * through with `seccomp-allow NAME`, with a comment saying why.
 *
 * Names a kernel or architecture does not have (vm86 off x86, iopl on
 * aarch64, ...) are skipped by runc's libseccomp, so one list serves
 * every ARCH.  docs/service-spec.md lists it too: change both. */
#include <string.h>

#include "bundle.h"

static const char *const deny[] = {
	/* Kernel modules and kexec: replacing the kernel's code. */
	"init_module", "finit_module", "delete_module", "create_module",
	"query_module", "get_kernel_syms", "kexec_load", "kexec_file_load",
	/* Large kernel attack surface, rarely needed by a service. */
	"bpf", "perf_event_open", "userfaultfd",
	/* The kernel keyring is not namespaced. */
	"add_key", "request_key", "keyctl",
	/* Reading or writing another process's memory. */
	"ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
	/* Opening files by handle escapes the mount namespace. */
	"open_by_handle_at", "name_to_handle_at",
	/* Host-wide state: accounting, swap, reboot, quotas, the kernel log. */
	"acct", "swapon", "swapoff", "reboot", "quotactl", "quotactl_fd", "syslog",
	/* Raw I/O port access. */
	"iopl", "ioperm",
	/* Obsolete or legacy interfaces, kept out for their bugs. */
	"lookup_dcookie", "uselib", "vm86", "vm86old", "personality", "nfsservctl",
	/* Watching the whole filesystem. */
	"fanotify_init",
	/* The new mount API: mounts are runc's job, before the service runs. */
	"mount_setattr", "move_mount", "open_tree", "fsopen", "fsconfig",
	"fsmount", "fspick",
};

#define DENY_COUNT ((int)(sizeof deny / sizeof deny[0]))

/* spec.seccomp_allow holds one bit per entry. */
_Static_assert(DENY_COUNT <= 64, "seccomp_allow is a 64-bit mask");

int seccomp_deny_count(void)
{
	return DENY_COUNT;
}

const char *seccomp_deny_name(int i)
{
	return i >= 0 && i < DENY_COUNT ? deny[i] : NULL;
}

int seccomp_deny_index(const char *name)
{
	int i;

	for (i = 0; i < DENY_COUNT; i++)
		if (!strcmp(deny[i], name))
			return i;
	return -1;
}

/* One name: SCMP_ARCH_ then capitals, digits and '_'; its length, or
 * 0 when the word at p is not such a name. */
static size_t arch_name(const char *p)
{
	size_t n = strcspn(p, " ");

	if (n <= 10 || n > SECCOMP_ARCH_NAME_MAX || strncmp(p, "SCMP_ARCH_", 10) ||
	    strspn(p + 10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != n - 10)
		return 0;
	return n;
}

int seccomp_arches_ok(const char *list)
{
	int count = 0;
	size_t n;

	for (list += strspn(list, " "); *list; list += n + strspn(list + n, " ")) {
		if (!(n = arch_name(list)) || ++count > SECCOMP_ARCHES_MAX)
			return 0;
	}
	return count > 0;
}

const char *seccomp_arch_next(const char *list, char name[SECCOMP_ARCH_NAME_MAX + 1])
{
	size_t n;

	list += strspn(list, " ");
	n = arch_name(list);
	if (!n)
		return NULL;
	memcpy(name, list, n);
	name[n] = '\0';
	return list + n;
}
