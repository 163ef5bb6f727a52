/* Mount points made in the staged rootfs.  The root filesystem of a
 * kitroot target is read-only at run time, so runc cannot make a
 * missing mount destination then: kr-bundle makes them at build time.
 *
 * The path is walked one component at a time with O_NOFOLLOW: a
 * symbolic link in the rootfs points into the target's tree, and
 * following it here (absolute links above all) would write into the
 * build host's own.  A link or file in the middle of a destination is
 * an error; one at its end is left alone, for runc to resolve in the
 * container. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"

static int make_one(int rootfd, const char *rootdir, const char *dest, char *err,
                    size_t errlen)
{
	char path[SPEC_LINE_MAX + 1], *name, *next;
	int dir, fd;

	if (snprintf(path, sizeof path, "%s", dest + 1) >= (int)sizeof path) {
		snprintf(err, errlen, "%s%s: path too long", rootdir, dest);
		return -1;
	}
	dir = dup(rootfd);
	if (dir < 0) {
		snprintf(err, errlen, "%s: %s", rootdir, strerror(errno));
		return -1;
	}
	for (name = path; name; name = next) {
		next = strchr(name, '/');
		if (next)
			*next++ = '\0';
		fd = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0 && errno == ENOENT) {
			if (mkdirat(dir, name, 0755) && errno != EEXIST)
				goto fail;
			fd = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			/* 0755 whatever the umask: a non-root service must reach it. */
			if (fd >= 0 && fchmod(fd, 0755))
				goto fail;
		}
		if (fd < 0 && !next && (errno == ENOTDIR || errno == ELOOP))
			break; /* a file or link as the destination itself */
		if (fd < 0)
			goto fail;
		close(dir);
		dir = fd;
	}
	close(dir);
	return 0;
fail:
	snprintf(err, errlen, "cannot make %s%s (at %s): %s%s", rootdir, dest, name,
	         strerror(errno),
	         errno == ENOTDIR || errno == ELOOP ?
	         " (a file or symbolic link on the way; name the real path in the spec)" : "");
	if (fd >= 0)
		close(fd);
	close(dir);
	return -1;
}

int make_mount_points(const char *rootfs_dir, const struct spec *s, char *err, size_t errlen)
{
	int rootfd, i, rc = 0;

	rootfd = open(rootfs_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0) {
		snprintf(err, errlen, "cannot open %s: %s", rootfs_dir, strerror(errno));
		return -1;
	}
	for (i = 0; i < DEFAULT_MOUNTS && !rc; i++)
		rc = make_one(rootfd, rootfs_dir, default_mount_dest(i), err, errlen);
	for (i = 0; i < s->nmounts && !rc; i++)
		rc = make_one(rootfd, rootfs_dir, s->mounts[i].dest, err, errlen);
	close(rootfd);
	return rc;
}
