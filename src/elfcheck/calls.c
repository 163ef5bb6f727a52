/* Counts direct calls to one address in machine code, for the machines
 * kitroot builds for.  A stripped static binary keeps no record of
 * which functions have a stack canary, but each canary check ends in a
 * call to __stack_chk_fail; with that one symbol kept, its callers can
 * be counted in the code itself. */
#include <elf.h>

#include "elfcheck.h"

static uint32_t word32(const unsigned char *p, int big_endian)
{
	if (big_endian)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Two's complement of the low bits of v, sign-extended, without
 * relying on implementation-defined conversions. */
static int64_t sign_extend(uint64_t v, unsigned bits)
{
	uint64_t sign = (uint64_t)1 << (bits - 1);

	v &= (sign << 1) - 1;
	return v & sign ? -(int64_t)((sign << 1) - v) : (int64_t)v;
}

/* x86-64 "call rel32": e8 followed by the offset from the next
 * instruction.  Instructions are not aligned, so every byte is tried;
 * an accidental match would need the exact 32-bit offset as well. */
static long x86_64_calls(const unsigned char *c, size_t len, uint64_t base, uint64_t target)
{
	long n = 0;
	size_t i;

	for (i = 0; i + 5 <= len; i++)
		if (c[i] == 0xe8 &&
		    base + i + 5 + (uint64_t)sign_extend(word32(c + i + 1, 0), 32) == target)
			n++;
	return n;
}

/* AArch64 "bl imm26": 0b100101 then a word offset, 4-byte aligned. */
static long aarch64_calls(const unsigned char *c, size_t len, uint64_t base, uint64_t target,
                          int big_endian)
{
	long n = 0;
	size_t i;

	for (i = (4 - base % 4) % 4; i + 4 <= len; i += 4) {
		uint32_t w = word32(c + i, big_endian);

		if ((w & 0xfc000000u) == 0x94000000u &&
		    base + i + (uint64_t)(sign_extend(w & 0x03ffffffu, 26) * 4) == target)
			n++;
	}
	return n;
}

/* s390x "brasl r,rel32": c0 r5, then a halfword offset from the
 * instruction itself; instructions are 2-byte aligned. */
static long s390x_calls(const unsigned char *c, size_t len, uint64_t base, uint64_t target)
{
	long n = 0;
	size_t i;

	for (i = base % 2; i + 6 <= len; i += 2)
		if (c[i] == 0xc0 && (c[i + 1] & 0x0f) == 0x05 &&
		    base + i + (uint64_t)(sign_extend(word32(c + i + 2, 1), 32) * 2) == target)
			n++;
	return n;
}

long count_calls(unsigned machine, int big_endian, const unsigned char *code,
                 size_t len, uint64_t base, uint64_t target)
{
	switch (machine) {
	case EM_X86_64:
		return x86_64_calls(code, len, base, target);
	case EM_AARCH64:
		return aarch64_calls(code, len, base, target, big_endian);
	case EM_S390:
		return s390x_calls(code, len, base, target);
	default:
		return -1;
	}
}
