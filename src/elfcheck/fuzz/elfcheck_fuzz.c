/* Fuzz target for kr-elfcheck's ELF reader and verdict: whatever the
 * bytes, no read outside them, a verdict that fits its buffer, and the
 * Go exemption only for a listed file with Go's build info (the last
 * byte says whether the file is listed).
 * With clang: -fsanitize=fuzzer.  Without: link with standalone-driver.c. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../elfcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly size bytes, so ASan sees any read past them. */
	unsigned char *buf = malloc(size ? size : 1);
	struct elf_facts f;
	char err[160], problems[256];

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (elf_inspect(buf, size, &f, err, sizeof err) == 0) {
		judge_go(&f, size && data[size - 1] & 1);
		if (f.is_go && (!f.go_buildinfo || !f.go_listed || f.ssp != SSP_NOT_APPLICABLE))
			abort();
		if (elf_problems(&f, 0, problems, sizeof problems) < 0 ||
		    strlen(problems) >= sizeof problems)
			abort();
		if (f.ssp == SSP_CALLED && f.ssp_calls == 0)
			abort();
	} else if (!memchr(err, '\0', sizeof err)) {
		abort();
	}
	free(buf);
	return 0;
}
