/* The seccomp filter of every kitroot container: everything is allowed
 * but the system calls below, which fail with EPERM.  A spec lets one
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

static const char *const x86_64[] = { "SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32", NULL };
static const char *const aarch64[] = { "SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM", NULL };
static const char *const s390x[] = { "SCMP_ARCH_S390X", "SCMP_ARCH_S390", NULL };

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

const char *const *seccomp_arches(const char *arch)
{
	if (!strcmp(arch, "x86_64"))
		return x86_64;
	if (!strcmp(arch, "aarch64"))
		return aarch64;
	if (!strcmp(arch, "s390x"))
		return s390x;
	return NULL;
}
