/* A stand-in for libFuzzer where clang is missing: runs the seed files
 * given after the number of seconds, then random mutations of them
 * until the time is up.  Linked with one fuzz target. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	static uint8_t seed[65536], input[65536];
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
