/* The root moved off the initramfs, into a tmpfs.
 *
 * The kernel unpacks the initramfs into its first mount, rootfs, which
 * pivot_root(2) cannot leave: runc then has to move a container's root
 * with MS_MOVE and chroot (--no-pivot), and the host's /run, /dev and
 * cgroup tree stay reachable beneath every container's root.  A tmpfs
 * mounted over it is an ordinary mount: runc can pivot_root away and
 * unmount the host's tree.  (LinuxKit's init does the same with cp -a.)
 *
 * Each file is moved, that is copied and then unlinked, so memory holds
 * one copy of the root plus one file at most, never two roots.  Hard
 * links stay links: busybox is one file under many names in every
 * container, and copying those apart would cost megabytes.  If a move
 * fails, what was moved goes back and the system runs on rootfs as
 * before (with --no-pivot's weaker walls, said on the console). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <search.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#include "init.h"

#define RAMFS_MAGIC 0x858458f6
#define TMPFS_MAGIC 0x01021994
#define NEW_ROOT "/.kitroot-root"
#define INIT_PATH "/sbin/init"
/* In the environment of the init that runs from the moved root. */
#define MOVED_ENV "KITROOT_ROOT_MOVED"
#define MOVE_MAX_DEPTH 64

/* An inode with more than one name, moved once: its new path. */
struct linked {
	ino_t ino;
	char *path;
};

struct move {
	dev_t dev;                 /* of the tree moved: other mounts stay */
	void *linked;              /* tsearch tree of struct linked */
	struct move_stats *stats;
	char path[4096];           /* of the entry, from the top */
	size_t len;
};

static int compare_linked(const void *a, const void *b)
{
	ino_t x = ((const struct linked *)a)->ino, y = ((const struct linked *)b)->ino;

	return (x > y) - (x < y);
}

static void free_linked(void *p)
{
	struct linked *l = p;

	free(l->path);
	free(l);
}

static int fail(struct move *m, const char *what)
{
	int e = errno;

	say("moving the root: cannot %s /%s: %s", what, m->path, strerror(e));
	errno = e;
	return -1;
}

/* Owner, mode and times as the source had them (chown before chmod: a
 * chown clears set-id bits). */
static int keep_attributes(struct move *m, int dst, const char *name, const struct stat *st)
{
	struct timespec times[2] = { st->st_atim, st->st_mtim };

	if (fchownat(dst, name, st->st_uid, st->st_gid, AT_SYMLINK_NOFOLLOW))
		return fail(m, "set the owner of");
	if (!S_ISLNK(st->st_mode) && fchmodat(dst, name, st->st_mode & 07777, 0))
		return fail(m, "set the mode of");
	if (utimensat(dst, name, times, AT_SYMLINK_NOFOLLOW))
		return fail(m, "set the times of");
	return 0;
}

/* What a failed move of name made in dst goes (only what it made: a
 * name that was there before is never touched), so that moving back
 * meets no half-copied file. */
static int undo(int dst, const char *name)
{
	int e = errno;

	unlinkat(dst, name, 0);
	errno = e;
	return -1;
}

static int copy_contents(struct move *m, int src, int dst, const char *name, off_t size)
{
	int in = openat(src, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	int out = in < 0 ? -1 :
	          openat(dst, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	off_t done = 0;
	int ret = 0;

	if (in < 0)
		return fail(m, "open");
	if (out < 0) {
		fail(m, "create");
		close(in);
		return -1;
	}
	while (done < size) {
		ssize_t n = sendfile(out, in, NULL, (size_t)(size - done));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO; /* shorter than its stat said */
			ret = fail(m, "copy");
			break;
		}
		done += n;
	}
	if (close(out) && ret == 0)
		ret = fail(m, "write");
	close(in);
	if (ret)
		undo(dst, name); /* the file it made, half written */
	return ret;
}

/* A second name of an inode already moved becomes a link to it; the
 * first is remembered while the source has other names. */
static int link_again(struct move *m, int dst_top, int dst, const char *name,
                      const struct stat *st, int *linked)
{
	struct linked key = { .ino = st->st_ino, .path = NULL }, *l;
	void *found;

	*linked = 0;
	if (!S_ISREG(st->st_mode))
		return 0;
	found = m->linked ? tfind(&key, &m->linked, compare_linked) : NULL;
	if (found) {
		l = *(struct linked **)found;
		if (linkat(dst_top, l->path, dst, name, 0))
			return fail(m, "link");
		*linked = 1;
		if (st->st_nlink == 1) { /* its last name here: forget it */
			tdelete(&key, &m->linked, compare_linked);
			free_linked(l);
		}
		return 0;
	}
	if (st->st_nlink < 2)
		return 0;
	l = malloc(sizeof *l);
	if (!l || !(l->path = strdup(m->path))) {
		free(l);
		return fail(m, "remember the links of");
	}
	l->ino = st->st_ino;
	if (!tsearch(l, &m->linked, compare_linked)) {
		free_linked(l);
		return fail(m, "remember the links of");
	}
	return 0;
}

static int move_dir(struct move *m, int dst_top, int src, int dst, int depth);

static int move_entry(struct move *m, int dst_top, int src, int dst, const char *name, int depth)
{
	struct stat st;
	int linked = 0, sub_src, sub_dst, ret;

	if (fstatat(src, name, &st, AT_SYMLINK_NOFOLLOW))
		return fail(m, "read");
	if (st.st_dev != m->dev)
		return 0; /* a mount point: not ours to move */
	switch (st.st_mode & S_IFMT) {
	case S_IFDIR:
		if (depth >= MOVE_MAX_DEPTH) {
			errno = ELOOP;
			return fail(m, "descend into");
		}
		if (mkdirat(dst, name, 0700) && errno != EEXIST)
			return fail(m, "create");
		sub_src = openat(src, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (sub_src < 0)
			return fail(m, "open");
		sub_dst = openat(dst, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (sub_dst < 0) {
			fail(m, "open the new");
			close(sub_src);
			return -1;
		}
		ret = move_dir(m, dst_top, sub_src, sub_dst, depth + 1);
		close(sub_src);
		close(sub_dst);
		if (ret)
			return ret;
		if (keep_attributes(m, dst, name, &st))
			return -1;
		if (unlinkat(src, name, AT_REMOVEDIR))
			return fail(m, "remove the old");
		m->stats->dirs++;
		return 0;
	case S_IFREG:
		if (link_again(m, dst_top, dst, name, &st, &linked))
			return -1;
		if (!linked && copy_contents(m, src, dst, name, st.st_size))
			return -1;
		break;
	case S_IFLNK: {
		char target[4096];
		ssize_t n = readlinkat(src, name, target, sizeof target - 1);

		if (n < 0)
			return fail(m, "read the link");
		target[n] = '\0';
		if (symlinkat(target, dst, name))
			return fail(m, "create the link");
		break;
	}
	default: /* devices, fifos, sockets */
		if (mknodat(dst, name, st.st_mode, st.st_rdev))
			return fail(m, "create the node");
		break;
	}
	if (!linked && keep_attributes(m, dst, name, &st))
		return undo(dst, name);
	if (unlinkat(src, name, 0)) {
		fail(m, "remove the old");
		return undo(dst, name);
	}
	if (linked)
		m->stats->links++;
	else if (S_ISREG(st.st_mode))
		m->stats->files++, m->stats->bytes += (unsigned long long)st.st_size;
	else
		m->stats->others++;
	return 0;
}

/* The names are read first: the directory is not changed while it is
 * being read. */
static int read_names(struct move *m, int dir, char ***names, size_t *n)
{
	int fd = dup(dir);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	size_t cap = 0;
	struct dirent *e;

	*names = NULL;
	*n = 0;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return fail(m, "list");
	}
	errno = 0;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (*n == cap) {
			char **more = cap > SIZE_MAX / 2 / sizeof *more ? NULL :
			              realloc(*names, (cap ? cap * 2 : 16) * sizeof *more);

			if (!more)
				break;
			*names = more;
			cap = cap ? cap * 2 : 16;
		}
		if (!((*names)[*n] = strdup(e->d_name)))
			break;
		++*n;
		errno = 0;
	}
	if (e || errno) {
		if (!errno)
			errno = ENOMEM;
		fail(m, "list");
		closedir(d);
		return -1;
	}
	closedir(d);
	return 0;
}

static int move_dir(struct move *m, int dst_top, int src, int dst, int depth)
{
	size_t n, i, len = m->len;
	char **names;
	int ret = read_names(m, src, &names, &n);

	for (i = 0; ret == 0 && i < n; i++) {
		int w = snprintf(m->path + len, sizeof m->path - len, "%s%s", len ? "/" : "",
		                 names[i]);

		if (w < 0 || (size_t)w >= sizeof m->path - len) {
			errno = ENAMETOOLONG;
			ret = fail(m, "name");
			break;
		}
		m->len = len + (size_t)w;
		ret = move_entry(m, dst_top, src, dst, names[i], depth);
		m->len = len;
		m->path[len] = '\0';
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ret;
}

int move_tree(int src, int dst, struct move_stats *stats)
{
	struct move m = { .stats = stats };
	struct stat st;
	int ret;

	if (fstat(src, &st))
		return fail(&m, "read");
	m.dev = st.st_dev;
	ret = move_dir(&m, dst, src, dst, 0);
	tdestroy(m.linked, free_linked);
	return ret;
}

static int root_moved;

/* 1 if / is the initramfs (rootfs: ramfs or tmpfs) or its moved copy. */
static int root_in_memory(void)
{
	struct statfs fs;

	return statfs("/", &fs) == 0 && (fs.f_type == RAMFS_MAGIC || fs.f_type == TMPFS_MAGIC);
}


/* argv of a runc or ctr run names --no-pivot; it goes once the root
 * is a tmpfs, which runc can pivot_root(2) away from. */
void pivot_if_moved(char **argv)
{
	char **p = argv, **q;

	if (!root_moved)
		return;
	while (*p && strcmp(*p, "--no-pivot"))
		p++;
	for (q = p; *q; q++)
		q[0] = q[1];
}

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000L + (now.tv_nsec - since->tv_nsec) / 1000000L;
}

/* The tmpfs is as big as what it holds, so the root cannot grow once it
 * is moved (it is read-only anyway, unless writable_flag exists: then a
 * fifth of RAM more, as /run and /tmp have). */
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

/* init runs again from the moved root: its file on the old root is
 * gone, and /proc/1/exe then names a file that exists. */
static void run_again(char **argv)
{
	extern char **environ;
	char *env[64];
	size_t n = 0;

	while (environ[n] && n < sizeof env / sizeof env[0] - 2) {
		env[n] = environ[n];
		n++;
	}
	env[n++] = MOVED_ENV "=1";
	env[n] = NULL;
	execve(INIT_PATH, argv, env);
	warn_errno("cannot run again", INIT_PATH); /* runs on as it is */
}

void move_root_to_tmpfs(const char *writable_flag, char **argv)
{
	struct move_stats stats = { 0 };
	struct timespec started;
	int old = -1, new = -1;

	if (getenv(MOVED_ENV)) {
		unsetenv(MOVED_ENV);
		root_moved = 1;
		return;
	}
	if (!root_in_memory())
		return; /* not an initramfs: a root that can be pivoted from */
	clock_gettime(CLOCK_MONOTONIC, &started);
	if (mkdir(NEW_ROOT, 0755) && errno != EEXIST) {
		warn_errno("cannot create", NEW_ROOT);
		goto stay;
	}
	/* no size yet: the files come out of memory as they go in */
	if (mount("root", NEW_ROOT, "tmpfs", 0, "mode=0755")) {
		warn_errno("cannot mount", NEW_ROOT);
		goto stay;
	}
	old = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	new = open(NEW_ROOT, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (old < 0 || new < 0) {
		warn_errno("cannot open", old < 0 ? "/" : NEW_ROOT);
		goto unmount;
	}
	if (move_tree(old, new, &stats)) {
		struct move_stats back = { 0 };

		if (move_tree(new, old, &back)) {
			/* what could not go back stays where it is, reachable */
			say("moving the root back failed too: see %s for what is left", NEW_ROOT);
			close(old);
			close(new);
			goto stay;
		}
		goto unmount;
	}
	close(old);
	close(new);
	if (chdir(NEW_ROOT) || mount(NEW_ROOT, "/", NULL, MS_MOVE, NULL)) {
		/* the files are all in the tmpfs now: run from there anyway */
		warn_errno("cannot move the tmpfs to", "/");
		if (chdir(NEW_ROOT) == 0 && chroot(".") == 0 && chdir("/") == 0)
			say("root is the tmpfs under a chroot: containers run without pivot_root (runc --no-pivot)");
		else
			warn_errno("cannot change the root to", NEW_ROOT);
		return;
	}
	if (chroot(".") || chdir("/"))
		warn_errno("cannot change the root to", "the moved tmpfs");
	fit_size(writable_flag);
	root_moved = 1;
	say("root moved to a tmpfs in %ld ms: %llu files (%llu MiB), %llu more links, %llu directories, %llu others",
	    elapsed_ms(&started), stats.files,
	    stats.bytes >> 20, stats.links,
	    stats.dirs, stats.others);
	run_again(argv);
	return;
unmount:
	if (old >= 0)
		close(old);
	if (new >= 0)
		close(new);
	if (umount2(NEW_ROOT, MNT_DETACH))
		warn_errno("cannot unmount", NEW_ROOT);
stay:
	say("root left on the initramfs: containers run without pivot_root (runc --no-pivot)");
}
