/* The layer: a tar of the rootfs with entries in bytewise order of their
 * stored names (directories end in '/'), owned by 0:0, dated mtime.
 *
 * Sorting each directory's children by name, with '/' appended to the
 * names of directories, and descending into a directory right after its
 * own entry gives exactly the bytewise order of the full names: all names
 * under "d/" share that prefix, so no other sibling's name falls between
 * them.  One directory is open at a time, whatever the depth. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "ociimage.h"

/* A directory with more entries than this is refused rather than
 * sorted: no rootfs we build comes near it. */
#define DIR_ENTRIES_MAX (1 << 20)

struct walk {
	char path[REL_PATH_MAX + 1 + REL_PATH_MAX + 2]; /* ROOT/REL, for system calls */
	size_t root_len;   /* the stored name starts at path + root_len + 1 */
	uint64_t mtime;
	dev_t skip_dev;
	ino_t skip_ino;
	struct links links;
	struct sink *out;
};

struct child {
	char *key; /* the name, with '/' appended for a directory */
	struct stat st;
};

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct child *)a)->key, ((const struct child *)b)->key);
}

static int fail(const struct walk *w, const char *why)
{
	fprintf(stderr, PROG ": %s: %s\n", w->path, why);
	return -1;
}

static int fail_errno(const struct walk *w, const char *what)
{
	fprintf(stderr, PROG ": cannot %s %s: %s\n", what, w->path, strerror(errno));
	return -1;
}

static int emit_file(struct walk *w, struct tar_entry *e, const struct stat *st)
{
	const char *first;
	struct stat now;
	int fd, rc;

	if (st->st_nlink > 1) {
		if (links_find_or_add(&w->links, st->st_dev, st->st_ino, e->name, &first))
			return fail(w, "out of memory recording a hard link");
		if (first) {
			e->type = '1', e->link = first;
			return sink_entry(w->out, e);
		}
	}
	fd = open(w->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return fail_errno(w, "open");
	if (fstat(fd, &now) || now.st_ino != st->st_ino || now.st_dev != st->st_dev ||
	    now.st_size != st->st_size) {
		close(fd);
		return fail(w, "changed while being read; nothing may write to the rootfs "
		               "during the export");
	}
	e->type = '0', e->size = (uint64_t)st->st_size;
	rc = sink_entry(w->out, e) || sink_copy_fd(w->out, fd, w->path, e->size) ? -1 : 0;
	close(fd);
	return rc;
}

/* One entry for the path now in w->path, described by st. */
static int emit(struct walk *w, const struct stat *st)
{
	char target[REL_PATH_MAX + 1];
	struct tar_entry e = { .name = w->path + w->root_len + 1,
	                       .mode = tar_normal_mode(st->st_mode), .mtime = w->mtime };
	ssize_t n;

	if (st->st_dev == w->skip_dev && st->st_ino == w->skip_ino)
		return fail(w, "is the archive being written: write it outside the rootfs");
	switch (st->st_mode & S_IFMT) {
	case S_IFREG:
		return emit_file(w, &e, st);
	case S_IFDIR:
		e.type = '5';
		break;
	case S_IFLNK:
		n = readlink(w->path, target, sizeof target);
		if (n < 0)
			return fail_errno(w, "read the symbolic link");
		if ((size_t)n == sizeof target)
			return fail(w, "symbolic link target longer than 4096 bytes");
		target[n] = '\0';
		e.type = '2', e.link = target;
		break;
	case S_IFCHR:
	case S_IFBLK:
		e.type = S_ISCHR(st->st_mode) ? '3' : '4';
		e.devmajor = major(st->st_rdev), e.devminor = minor(st->st_rdev);
		break;
	case S_IFIFO:
		e.type = '6';
		break;
	case S_IFSOCK:
		return fail(w, "is a socket, which an image layer cannot hold; remove it "
		               "from the rootfs (a service creates its sockets at run time)");
	default:
		return fail(w, "is of an unknown file type");
	}
	return sink_entry(w->out, &e);
}

/* The children of the directory in w->path (which ends in '/'), lstat'ed,
 * sorted; -1 on error.  *kids is set in every case, for free_children. */
static int list_dir(struct walk *w, struct child **kids, size_t *count)
{
	DIR *d = opendir(w->path);
	struct dirent *de;
	struct child *more;
	size_t n = 0, cap = 0, len;
	int rc = 0;

	*kids = NULL;
	*count = 0;
	if (!d)
		return fail_errno(w, "list");
	while (!rc && (errno = 0, de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			more = cap > DIR_ENTRIES_MAX ? NULL : realloc(*kids, cap * sizeof **kids);
			if (!more) {
				rc = fail(w, "too many entries, or out of memory listing them");
				break;
			}
			*kids = more;
		}
		if (fstatat(dirfd(d), de->d_name, &(*kids)[n].st, AT_SYMLINK_NOFOLLOW)) {
			fprintf(stderr, PROG ": cannot stat %s%s: %s\n", w->path, de->d_name,
			        strerror(errno));
			rc = -1;
			break;
		}
		len = strlen(de->d_name);
		(*kids)[n].key = malloc(len + 2);
		if (!(*kids)[n].key) {
			rc = fail(w, "out of memory listing it");
			break;
		}
		memcpy((*kids)[n].key, de->d_name, len);
		strcpy((*kids)[n].key + len, S_ISDIR((*kids)[n].st.st_mode) ? "/" : "");
		*count = ++n;
	}
	if (!rc && errno)
		rc = fail_errno(w, "list");
	closedir(d);
	if (!rc && n) /* qsort wants a base even for no element */
		qsort(*kids, n, sizeof **kids, by_key);
	return rc;
}

static void free_children(struct child *kids, size_t count)
{
	while (count)
		free(kids[--count].key);
	free(kids);
}

static int walk_dir(struct walk *w)
{
	size_t len = strlen(w->path), i, klen, count;
	struct child *kids;
	int rc = list_dir(w, &kids, &count);

	for (i = 0; !rc && i < count; i++) {
		klen = strlen(kids[i].key);
		if (len - w->root_len - 1 + klen > REL_PATH_MAX) {
			rc = fail(w, "holds a path longer than 4096 bytes");
			break;
		}
		memcpy(w->path + len, kids[i].key, klen + 1);
		rc = emit(w, &kids[i].st);
		if (!rc && S_ISDIR(kids[i].st.st_mode))
			rc = walk_dir(w);
		w->path[len] = '\0';
	}
	free_children(kids, count);
	return rc;
}

int layer_write(const char *root, uint64_t mtime, dev_t skip_dev, ino_t skip_ino,
                struct sink *out)
{
	struct walk *w = calloc(1, sizeof *w);
	size_t len = strlen(root);
	struct stat st;
	int rc;

	errno = 0;
	if (!w) {
		fprintf(stderr, PROG ": out of memory\n");
		return -1;
	}
	while (len > 1 && root[len - 1] == '/')
		len--;
	if (len > REL_PATH_MAX || stat(root, &st) || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, PROG ": rootfs %s: %s\n", root, len > REL_PATH_MAX ?
		        "path too long" : errno ? strerror(errno) : "not a directory");
		free(w);
		return -1;
	}
	memcpy(w->path, root, len);
	w->path[len] = '/';
	w->root_len = len;
	w->mtime = mtime;
	w->skip_dev = skip_dev;
	w->skip_ino = skip_ino;
	w->out = out;
	rc = walk_dir(w) || sink_end(out) ? -1 : 0;
	links_free(&w->links);
	free(w);
	return rc;
}
