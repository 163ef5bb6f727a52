/* The root made something runc can pivot_root(2) away from.
 *
 * The kernel unpacks the initramfs into its first mount, rootfs, and
 * pivot_root(2) cannot leave a root that is the first mount of the
 * tree (it has no parent): runc then has to move a container's root
 * with MS_MOVE and chroot (--no-pivot), and the host's /run, /dev and
 * cgroup tree stay reachable beneath every container's root.  A bind
 * mount of rootfs's own root, moved over it, shows the same files but
 * is an ordinary mount with a parent, so runc can pivot_root from it
 * and unmount the host's tree in the container.  Nothing is copied
 * (LinuxKit copies the root into a tmpfs; what that cost here:
 * docs/containers.md, step 0).  If a step fails the system runs on
 * rootfs, with --no-pivot's weaker walls, said on the console. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "init.h"

#define RAMFS_MAGIC 0x858458f6
#define TMPFS_MAGIC 0x01021994
#define BIND_POINT "/.kitroot-root"

static int root_pivotable;

/* 1 if / is the initramfs (rootfs: ramfs or tmpfs), bound or not. */
static int root_in_memory(void)
{
	struct statfs fs;

	return statfs("/", &fs) == 0 && (fs.f_type == RAMFS_MAGIC || fs.f_type == TMPFS_MAGIC);
}

/* argv of a runc or ctr run names --no-pivot; it goes once the root
 * is the bind mount, which runc can pivot_root(2) away from. */
void pivot_when_possible(char **argv)
{
	char **p = argv, **q;

	if (!root_pivotable)
		return;
	while (*p && strcmp(*p, "--no-pivot"))
		p++;
	for (q = p; *q; q++)
		q[0] = q[1];
}

/* rootfs, a tmpfs, may grow to half the RAM by default: it is made as
 * big as what it holds (it is read-only anyway, unless writable_flag
 * exists: then a fifth of RAM more, as /run and /tmp have).  A ramfs
 * rootfs (a root= on the kernel's command line) takes no size. */
static void fit_size(const char *writable_flag)
{
	struct statfs fs;
	struct sysinfo si;
	char data[64];
	unsigned long long size;

	if (statfs("/", &fs) || sysinfo(&si)) {
		warn_errno("cannot measure", "/");
		return;
	}
	size = (unsigned long long)(fs.f_blocks - fs.f_bfree) * (unsigned long long)fs.f_bsize;
	if (access(writable_flag, F_OK) == 0)
		size += (unsigned long long)si.totalram * si.mem_unit / 5;
	snprintf(data, sizeof data, "size=%llu", size + 4096);
	if (mount(NULL, "/", NULL, MS_REMOUNT, data))
		warn_errno("cannot set the size of", "/");
}

/* The kernel stops unpacking the initramfs at its first error (too
 * little memory for the files and the compressed archive at once, a
 * truncated or corrupt archive), says so in one line of its log, and
 * starts init from what it unpacked.  The image's list ends with
 * INITRAMFS_END_MARK (support/build/mkcpio-list.sh), so a root without
 * it is a part of the system: init says what happened and halts rather
 * than run services from it.  On a root that is not an initramfs there
 * is nothing to check. */
void check_initramfs_complete(void)
{
	if (!root_in_memory())
		return;
	if (rmdir(INITRAMFS_END_MARK) == 0)
		return;
	if (errno != ENOENT) {
		warn_errno("cannot remove", INITRAMFS_END_MARK);
		return;
	}
	say("the initramfs was not unpacked to its end (%s is missing): the kernel stops at its first error, "
	    "most often too little memory for the archive and its files at once (\"Initramfs unpacking failed\" "
	    "in dmesg). Give the machine more memory, or build a smaller system (KR_ROOTFS_XZ: the smallest archive). "
	    "Halted.", INITRAMFS_END_MARK);
	sync();
	reboot(RB_HALT_SYSTEM);
	for (;;)
		pause();
}

void make_root_pivotable(const char *writable_flag)
{
	long started = uptime_ms();

	if (!root_in_memory())
		return; /* not an initramfs: a root that can be pivoted from */
	if (mkdir(BIND_POINT, 0700) && errno != EEXIST) {
		warn_errno("cannot create", BIND_POINT);
		goto stay;
	}
	if (mount("/", BIND_POINT, NULL, MS_BIND, NULL)) {
		warn_errno("cannot bind / to", BIND_POINT);
		goto stay;
	}
	if (chdir(BIND_POINT) || mount(".", "/", NULL, MS_MOVE, NULL)) {
		warn_errno("cannot move the bind mount to", "/");
		if (chdir("/") || umount2(BIND_POINT, MNT_DETACH))
			warn_errno("cannot unmount", BIND_POINT);
		goto stay;
	}
	/* From here on / is the bind mount: the old root is its parent. */
	if (chroot(".") || chdir("/")) {
		warn_errno("cannot change the root to", "the bind mount");
		goto stay;
	}
	if (rmdir(BIND_POINT))
		warn_errno("cannot remove", BIND_POINT);
	fit_size(writable_flag);
	root_pivotable = 1;
	say("root is a bind mount of the initramfs (%ld ms): containers pivot_root from it", uptime_ms() - started);
	return;
stay:
	rmdir(BIND_POINT); /* what the steps made, if it is still there */
	say("root left on the initramfs: containers run without pivot_root (runc --no-pivot)");
}
