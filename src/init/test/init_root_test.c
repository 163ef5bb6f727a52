/* Unit tests of the root's move into a tmpfs (move_tree), on a tree in
 * a temporary directory: what arrives is what left, hard links stay
 * links, and a failed move touches nothing it did not make. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../init.h"
#include "../../test/check.h"

static char top[] = "/tmp/kr-init-root-XXXXXX";

static int at_top(char *out, size_t len, const char *rel)
{
	return snprintf(out, len, "%s/%s", top, rel) < (int)len ? 0 : -1;
}

static int write_file(const char *rel, const char *text, size_t len, mode_t mode)
{
	char path[512];
	int fd, ok;

	if (at_top(path, sizeof path, rel))
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -1;
	ok = write(fd, text, len) == (ssize_t)len;
	return close(fd) == 0 && ok && chmod(path, mode) == 0 ? 0 : -1;
}

static int read_file(const char *rel, char *buf, size_t len)
{
	char path[512];
	ssize_t n;
	int fd;

	if (at_top(path, sizeof path, rel) || (fd = open(path, O_RDONLY)) < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

static int run(const char *cmd)
{
	char line[1024];

	snprintf(line, sizeof line, "cd %s && %s", top, cmd);
	return system(line);
}

static int stat_at(const char *rel, struct stat *st)
{
	char path[512];

	return at_top(path, sizeof path, rel) ? -1 : lstat(path, st);
}

static int open_dir(const char *rel)
{
	char path[512];

	return at_top(path, sizeof path, rel) ? -1 : open(path, O_RDONLY | O_DIRECTORY);
}

static void test_move(struct tally *t)
{
	struct move_stats stats = { 0 };
	struct stat a, b, c, st;
	char buf[64], *big = malloc(1 << 20);
	int src, dst;

	CHECK(t, big != NULL);
	if (!big)
		return;
	memset(big, 'x', 1 << 20);
	CHECK(t, run("mkdir -p src/dir/sub src/empty src/deep/1/2/3/4/5 dst") == 0);
	CHECK(t, write_file("src/a", "hello", 5, 0640) == 0);
	CHECK(t, write_file("src/big", big, 1 << 20, 04755) == 0);
	CHECK(t, write_file("src/deep/1/2/3/4/5/f", "", 0, 0600) == 0);
	CHECK(t, run("ln src/a src/dir/b && ln src/a src/dir/sub/c && ln -s ../a src/dir/link &&"
	             " mkfifo src/fifo && chmod 0700 src/empty && touch -d @1000000 src/a src/empty") == 0);
	src = open_dir("src");
	dst = open_dir("dst");
	CHECK(t, src >= 0 && dst >= 0);
	CHECK(t, move_tree(src, dst, &stats) == 0);
	/* a, big, f; b and c are links of a; dir, sub, empty, deep, 1..5 */
	CHECK(t, stats.files == 3 && stats.links == 2 && stats.dirs == 9 && stats.others == 2);
	CHECK(t, stats.bytes == 5 + (1 << 20));
	CHECK(t, run("[ -z \"$(ls -A src)\" ]") == 0);
	CHECK(t, read_file("dst/dir/sub/c", buf, sizeof buf) == 0 && !strcmp(buf, "hello"));
	CHECK(t, stat_at("dst/a", &a) == 0 && stat_at("dst/dir/b", &b) == 0 &&
	         stat_at("dst/dir/sub/c", &c) == 0);
	CHECK(t, a.st_ino == b.st_ino && a.st_ino == c.st_ino && a.st_nlink == 3);
	CHECK(t, (a.st_mode & 07777) == 0640 && a.st_mtim.tv_sec == 1000000);
	CHECK(t, stat_at("dst/big", &st) == 0 && st.st_size == 1 << 20 && (st.st_mode & 07777) == 04755);
	CHECK(t, stat_at("dst/empty", &st) == 0 && S_ISDIR(st.st_mode) &&
	         (st.st_mode & 07777) == 0700 && st.st_mtim.tv_sec == 1000000);
	CHECK(t, stat_at("dst/fifo", &st) == 0 && S_ISFIFO(st.st_mode));
	CHECK(t, run("[ \"$(readlink dst/dir/link)\" = ../a ] && [ -f dst/deep/1/2/3/4/5/f ] &&"
	             " cmp -s dst/big - < dst/big") == 0);
	close(src);
	close(dst);
	free(big);
}

/* A name that is already there stops the move: that file is not
 * touched, the one that could not move is still where it was, and
 * moving back returns what did move. */
static void test_failure(struct tally *t)
{
	struct move_stats stats = { 0 }, back = { 0 };
	char buf[64];
	int src, dst;

	CHECK(t, run("rm -rf src dst && mkdir -p src/d dst/d") == 0);
	CHECK(t, write_file("src/d/taken", "new", 3, 0644) == 0);
	CHECK(t, write_file("dst/d/taken", "theirs", 6, 0644) == 0);
	CHECK(t, write_file("src/a", "a", 1, 0644) == 0);
	src = open_dir("src");
	dst = open_dir("dst");
	CHECK(t, src >= 0 && dst >= 0);
	CHECK(t, move_tree(src, dst, &stats) == -1);
	CHECK(t, read_file("dst/d/taken", buf, sizeof buf) == 0 && !strcmp(buf, "theirs"));
	CHECK(t, read_file("src/d/taken", buf, sizeof buf) == 0 && !strcmp(buf, "new"));
	CHECK(t, run("rm dst/d/taken") == 0);
	CHECK(t, move_tree(dst, src, &back) == 0);
	CHECK(t, run("[ -z \"$(ls -A dst)\" ] && [ -f src/a ] && [ -f src/d/taken ]") == 0);
	close(src);
	close(dst);
}

int main(void)
{
	struct tally t = { 0 };

	if (!mkdtemp(top)) {
		perror("mkdtemp");
		return 1;
	}
	test_move(&t);
	test_failure(&t);
	{
		char rm[128];

		snprintf(rm, sizeof rm, "rm -rf '%s'", top);
		if (system(rm) != 0)
			fprintf(stderr, "cannot remove %s\n", top);
	}
	return tally_report("init-root", &t);
}
