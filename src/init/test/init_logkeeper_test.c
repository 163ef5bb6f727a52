/* Unit test of the log keeper: what is written arrives in order, and
 * the file never passes its bound (the rest is in NAME.old). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../init.h"
#include "../../test/check.h"

#define MAX 10000

int main(void)
{
	struct tally t = { 0 };
	char dir[] = "/tmp/kr-init-log-XXXXXX", path[64], old[80], line[32], rm[96];
	struct stat st, st_old;
	int fd, i, status, ok = 1;
	FILE *f;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof path, "%s/test.log", dir);
	snprintf(old, sizeof old, "%s.old", path);
	fd = start_log_keeper(path, MAX);
	CHECK(&t, fd >= 0);
	if (fd < 0)
		return 1;
	/* 25,000 bytes, each line numbered */
	for (i = 0; i < 2500 && ok; i++) {
		int n = snprintf(line, sizeof line, "%08d.\n", i);

		ok = write(fd, line, (size_t)n) == n;
	}
	CHECK(&t, ok);
	close(fd);
	CHECK(&t, wait(&status) > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(&t, stat(path, &st) == 0 && st.st_size > 0 && st.st_size <= MAX);
	CHECK(&t, stat(old, &st_old) == 0 && st_old.st_size > 0 && st_old.st_size <= MAX);
	/* the last line is in the log, the lines before it in .old */
	f = fopen(path, "r");
	CHECK(&t, f != NULL);
	if (f) {
		char last[32] = "";

		while (fgets(line, sizeof line, f))
			strcpy(last, line);
		fclose(f);
		CHECK(&t, !strcmp(last, "00002499.\n"));
	}
	/* .old then the log: the end of what was written, byte for byte */
	{
		static char all[25000], kept[2 * MAX + 1];
		size_t got = 0;
		FILE *a = fopen(old, "r"), *b = fopen(path, "r");

		for (i = 0; i < 2500; i++)
			if (snprintf(line, sizeof line, "%08d.\n", i) == 10)
				memcpy(all + 10 * i, line, 10);
		if (a && b) {
			got = fread(kept, 1, sizeof kept, a);
			got += fread(kept + got, 1, sizeof kept - got, b);
		}
		CHECK(&t, a && b && got > 0 && got <= 2 * MAX &&
		          !memcmp(kept, all + sizeof all - got, got));
		if (a)
			fclose(a);
		if (b)
			fclose(b);
	}
	snprintf(rm, sizeof rm, "rm -rf '%s'", dir);
	if (system(rm) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	return tally_report("init-logkeeper", &t);
}
