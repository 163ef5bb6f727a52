/* Fuzz target for pe.c: whatever the header says, no read or write
 * outside the bytes, and when a file is stamped, the fields found lie
 * inside it and the checksum written is the one pe_checksum gives.
 * With clang: -fsanitize=fuzzer.  Without: link with
 * standalone-driver.c. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../pestamp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *pe = malloc(size ? size : 1);
	struct pe_fields f;
	char why[160];

	if (!pe)
		abort();
	if (size)
		memcpy(pe, data, size);
	if (pe_locate(pe, size, &f, why, sizeof why) == 0) {
		uint32_t sum;

		if (f.stamp_at + 4 > size || f.checksum_at + 4 > size)
			abort();
		if (pe_stamp(pe, size, 0x12345678, why, sizeof why))
			abort();
		sum = (uint32_t)pe[f.checksum_at] | (uint32_t)pe[f.checksum_at + 1] << 8 |
		      (uint32_t)pe[f.checksum_at + 2] << 16 | (uint32_t)pe[f.checksum_at + 3] << 24;
		if (sum != pe_checksum(pe, size, f.checksum_at))
			abort();
	} else if (!memchr(why, '\0', sizeof why) || !why[0]) {
		abort();
	}
	free(pe);
	return 0;
}
