/* Unit tests of pe.c on PE headers built here: the fields found where
 * the specification puts them, each malformed header refused with its
 * reason, a signed file refused, and the checksum's odd cases. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../test/check.h"
#include "../pestamp.h"

enum { LFANEW = 0x80, OPT = LFANEW + 24 };

static void put16(unsigned char *p, unsigned v) { p[0] = v & 0xff; p[1] = v >> 8 & 0xff; }
static void put32(unsigned char *p, uint32_t v) { put16(p, v & 0xffff); put16(p + 2, v >> 16); }
static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A PE32+ (or PE32) image header with 16 data directories, then
 * filler, in LEN bytes. */
static void make_pe(unsigned char *pe, size_t len, unsigned magic)
{
	unsigned opt_size = magic == 0x20b ? 240 : 224;
	size_t i;

	memset(pe, 0, len);
	for (i = OPT + opt_size; i < len; i++)
		pe[i] = (unsigned char)(i * 7 + 3);
	pe[0] = 'M';
	pe[1] = 'Z';
	put32(pe + 0x3c, LFANEW);
	memcpy(pe + LFANEW, "PE\0\0", 4);
	put16(pe + LFANEW + 4, 0x8664);
	put32(pe + LFANEW + 8, 12345);
	put16(pe + LFANEW + 20, opt_size);
	put16(pe + OPT, magic);
	put32(pe + OPT + 64, 0xdeadbeef);
	put32(pe + OPT + (magic == 0x20b ? 108 : 92), 16);
}

static int refused_with(unsigned char *pe, size_t len, const char *reason)
{
	struct pe_fields f;
	char why[160];

	return pe_locate(pe, len, &f, why, sizeof why) == -1 && strstr(why, reason) != NULL;
}

/* The checksum as the specification states it, computed the slow way. */
static uint32_t reference_checksum(const unsigned char *pe, size_t len, size_t hole)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i < len; i += 2) {
		uint32_t lo = i >= hole && i < hole + 4 ? 0 : pe[i];
		uint32_t hi = i + 1 >= len || (i + 1 >= hole && i + 1 < hole + 4) ? 0 : pe[i + 1];

		sum += lo | hi << 8;
		while (sum >> 16)
			sum = (sum & 0xffff) + (sum >> 16);
	}
	return sum + (uint32_t)len;
}

int main(void)
{
	struct tally t = { 0, 0 };
	enum { LEN = 4097 };
	unsigned char *pe = malloc(LEN);
	struct pe_fields f;
	char why[160];

	if (!pe)
		return 2;
	make_pe(pe, LEN, 0x20b);
	CHECK(&t, pe_locate(pe, LEN, &f, why, sizeof why) == 0);
	CHECK(&t, f.stamp_at == LFANEW + 8 && f.checksum_at == OPT + 64);
	CHECK(&t, pe_stamp(pe, LEN, 1796000000, why, sizeof why) == 0);
	CHECK(&t, get32(pe + LFANEW + 8) == 1796000000);
	CHECK(&t, get32(pe + OPT + 64) == reference_checksum(pe, LEN, OPT + 64));
	/* Stamping is idempotent: the checksum does not count itself. */
	CHECK(&t, pe_stamp(pe, LEN, 1796000000, why, sizeof why) == 0 &&
	          get32(pe + OPT + 64) == reference_checksum(pe, LEN, OPT + 64));

	make_pe(pe, LEN, 0x10b);
	CHECK(&t, pe_stamp(pe, LEN, 7, why, sizeof why) == 0 && get32(pe + LFANEW + 8) == 7);
	CHECK(&t, get32(pe + OPT + 64) == reference_checksum(pe, LEN, OPT + 64));

	/* An odd-placed checksum field and an odd length. */
	memset(pe, 0xff, LEN);
	CHECK(&t, pe_checksum(pe, LEN, 3) == reference_checksum(pe, LEN, 3));
	CHECK(&t, pe_checksum(pe, 1, 100) == 0xff + 1);
	CHECK(&t, pe_checksum(pe, 0, 0) == 0);

	make_pe(pe, LEN, 0x20b);
	pe[1] = 'X';
	CHECK(&t, refused_with(pe, LEN, "no MZ header"));
	CHECK(&t, refused_with(pe, 10, "no MZ header"));
	make_pe(pe, LEN, 0x20b);
	put32(pe + 0x3c, LEN - 10);
	CHECK(&t, refused_with(pe, LEN, "past the end"));
	put32(pe + 0x3c, 0xffffffff);
	CHECK(&t, refused_with(pe, LEN, "past the end"));
	make_pe(pe, LEN, 0x20b);
	pe[LFANEW + 2] = 1;
	CHECK(&t, refused_with(pe, LEN, "no PE signature"));
	make_pe(pe, LEN, 0x20b);
	put16(pe + LFANEW + 20, 0xffff);
	CHECK(&t, refused_with(pe, LEN, "optional header runs past"));
	put16(pe + LFANEW + 20, 0);
	CHECK(&t, refused_with(pe, LEN, "no optional header"));
	put16(pe + LFANEW + 20, 100);
	CHECK(&t, refused_with(pe, LEN, "too short for its magic"));
	make_pe(pe, LEN, 0x20b);
	put16(pe + OPT, 0x107);
	CHECK(&t, refused_with(pe, LEN, "neither PE32 nor PE32+"));
	/* Signed: a certificate table in the fifth data directory. */
	make_pe(pe, LEN, 0x20b);
	put32(pe + OPT + 112 + 4 * 8, 0x800);
	put32(pe + OPT + 112 + 4 * 8 + 4, 0x100);
	CHECK(&t, refused_with(pe, LEN, "signed"));
	CHECK(&t, get32(pe + LFANEW + 8) == 12345);
	/* ... unless the header says it has fewer directories. */
	put32(pe + OPT + 108, 4);
	CHECK(&t, pe_locate(pe, LEN, &f, why, sizeof why) == 0);
	free(pe);
	return tally_report("pestamp", &t);
}
