/* Fuzz target for init's parsers (hostname, console file, boot step
 * names).  With clang: -fsanitize=fuzzer.  Without: build with
 * -DKR_FUZZ_STANDALONE for a driver that runs the seed files, then
 * random mutations of them for the given number of seconds. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../pkg/init/src/init.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char name[HOSTNAME_MAX + 1];
	char *argv[CONSOLE_MAX_ARGS];
	char *buf = malloc(size + 1);
	int n, i;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	if (parse_hostname(buf, size, name, sizeof name) == 0 && strlen(name) > HOSTNAME_MAX)
		abort();
	(void)bootstep_name_ok(buf);
	n = parse_console_file(buf, argv, CONSOLE_MAX_ARGS);
	if (n >= CONSOLE_MAX_ARGS)
		abort();
	for (i = 0; i < n; i++)
		if (!argv[i] || !*argv[i])
			abort();
	if (n >= 0 && argv[n] != NULL)
		abort();
	free(buf);
	return 0;
}

#ifdef KR_FUZZ_STANDALONE
#include <stdio.h>
#include <time.h>

static size_t read_seed(const char *path, uint8_t *buf, size_t cap)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f) {
		perror(path);
		exit(1);
	}
	n = fread(buf, 1, cap, f);
	fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	static uint8_t seed[4096], input[4096];
	long secs = argc > 1 ? atol(argv[1]) : 10;
	time_t end = time(NULL) + secs;
	unsigned long runs = 0;
	int a;

	srand(1);
	for (a = 2; a < argc; a++)
		LLVMFuzzerTestOneInput(seed, read_seed(argv[a], seed, sizeof seed));
	while (time(NULL) < end && argc > 2) {
		size_t n = read_seed(argv[2 + rand() % (argc - 2)], seed, sizeof seed);
		int k, edits = 1 + rand() % 8;

		memcpy(input, seed, n);
		for (k = 0; k < edits; k++) {
			size_t at = n ? (size_t)rand() % n : 0;

			if (rand() % 3 == 0 && n < sizeof input)
				input[n++] = (uint8_t)rand();
			else if (n)
				input[at] = (uint8_t)rand();
		}
		LLVMFuzzerTestOneInput(input, n);
		runs++;
	}
	printf("fuzz: %lu mutated inputs, no crash\n", runs);
	return 0;
}
#endif
