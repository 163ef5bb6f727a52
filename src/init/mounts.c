/* The filesystems every kitroot system has, mounted before anything runs. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "init.h"

struct early_mount {
	const char *source, *target, *type;
	unsigned long flags;
	const char *data;
	mode_t mode; /* of the mount point, created if missing */
};

#define NOSUID_NODEV_NOEXEC (MS_NOSUID | MS_NODEV | MS_NOEXEC)

/* The memory filesystems have a size, so a runaway writer cannot take
 * all of RAM: at most half of it together (the kernel's default is half
 * for each).  /run holds containerd's state and log, so it gets most. */
static const struct early_mount early_mounts[] = {
	{ "proc", "/proc", "proc", NOSUID_NODEV_NOEXEC, "hidepid=invisible", 0555 },
	{ "sysfs", "/sys", "sysfs", NOSUID_NODEV_NOEXEC, NULL, 0555 },
	{ "devtmpfs", "/dev", "devtmpfs", MS_NOSUID | MS_NOEXEC, "mode=0755", 0755 },
	{ "devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, "gid=5,mode=0620,ptmxmode=0666", 0755 },
	{ "shm", "/dev/shm", "tmpfs", NOSUID_NODEV_NOEXEC, "mode=1777,size=10%", 01777 },
	{ "run", "/run", "tmpfs", NOSUID_NODEV_NOEXEC, "mode=0755,size=20%", 0755 },
	{ "tmp", "/tmp", "tmpfs", NOSUID_NODEV_NOEXEC, "mode=1777,size=20%", 01777 },
	{ "cgroup2", "/sys/fs/cgroup", "cgroup2", NOSUID_NODEV_NOEXEC, "nsdelegate", 0555 },
};

#define N_EARLY (sizeof early_mounts / sizeof early_mounts[0])

static const char *const dev_links[][2] = {
	{ "/proc/self/fd", "/dev/fd" },
	{ "/proc/self/fd/0", "/dev/stdin" },
	{ "/proc/self/fd/1", "/dev/stdout" },
	{ "/proc/self/fd/2", "/dev/stderr" },
};

/* A failed mount is reported and boot goes on: a shell on a half-set-up
 * system is more use to the user than a kernel panic. */
void mount_early_filesystems(void)
{
	size_t i;

	for (i = 0; i < N_EARLY; i++) {
		const struct early_mount *m = &early_mounts[i];

		if (mkdir(m->target, m->mode) && errno != EEXIST)
			warn_errno("cannot create", m->target);
		if (mount(m->source, m->target, m->type, m->flags, m->data))
			warn_errno("cannot mount", m->target);
	}
	for (i = 0; i < sizeof dev_links / sizeof dev_links[0]; i++)
		if (symlink(dev_links[i][0], dev_links[i][1]) && errno != EEXIST)
			warn_errno("cannot link", dev_links[i][1]);
}

/* Once the early mounts are in place nothing needs to write the root
 * filesystem: what changes at run time lives in /run, /tmp and /dev.
 * A read-only root keeps an intruder from planting files where the
 * system looks for programs and configuration. */
int make_root_read_only(const char *unless_path)
{
	if (access(unless_path, F_OK) == 0) {
		say("root filesystem left writable (%s exists)", unless_path);
		return 0;
	}
	if (mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY, NULL)) {
		warn_errno("cannot make read-only", "/");
		return 0;
	}
	return 1;
}

/* Reverse order, lazily: whatever still holds a file open is gone by
 * the time this runs (shutdown killed it). */
void unmount_all(void)
{
	size_t i = N_EARLY;

	while (i-- > 0)
		if (umount2(early_mounts[i].target, MNT_DETACH) && errno != EINVAL)
			warn_errno("cannot unmount", early_mounts[i].target);
}
