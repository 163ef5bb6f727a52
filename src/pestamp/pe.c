/* The PE header fields a deterministic UKI needs fixed.  Offsets from
 * the PE/COFF specification: the DOS header's e_lfanew at 0x3c points
 * at "PE\0\0", the 20-byte COFF header follows (TimeDateStamp at 4,
 * SizeOfOptionalHeader at 16), then the optional header (Magic at 0,
 * CheckSum at 64, the data directories at 96 for PE32 and 112 for
 * PE32+, the certificate table the fifth). */
#include <stdio.h>

#include "pestamp.h"

enum {
	DOS_LFANEW = 0x3c,
	COFF_SIZE = 20,
	COFF_STAMP = 4,
	COFF_OPT_SIZE = 16,
	OPT_CHECKSUM = 64,
	PE32_MAGIC = 0x10b,
	PE32PLUS_MAGIC = 0x20b,
	PE32_NDIRS = 92,
	PE32PLUS_NDIRS = 108,
	DIR_ENTRY = 8,
	DIR_SECURITY = 4,
};

static uint32_t le16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const unsigned char *p) { return le16(p) | le16(p + 2) << 16; }
static void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8 & 0xff;
	p[2] = v >> 16 & 0xff;
	p[3] = v >> 24 & 0xff;
}

static int refuse(char *why, size_t whylen, const char *reason)
{
	snprintf(why, whylen, "%s", reason);
	return -1;
}

int pe_locate(const unsigned char *pe, size_t len, struct pe_fields *f, char *why, size_t whylen)
{
	size_t coff, opt, opt_size, ndirs_at, dirs_at;
	uint32_t magic, ndirs;

	if (len < DOS_LFANEW + 4 || pe[0] != 'M' || pe[1] != 'Z')
		return refuse(why, whylen, "not a PE file (no MZ header)");
	coff = le32(pe + DOS_LFANEW);
	if (coff > len || len - coff < 4 + COFF_SIZE)
		return refuse(why, whylen, "the PE header offset points past the end of the file");
	if (pe[coff] != 'P' || pe[coff + 1] != 'E' || pe[coff + 2] || pe[coff + 3])
		return refuse(why, whylen, "no PE signature where the DOS header points");
	coff += 4;
	opt = coff + COFF_SIZE;
	opt_size = le16(pe + coff + COFF_OPT_SIZE);
	if (opt_size > len - opt)
		return refuse(why, whylen, "the optional header runs past the end of the file");
	if (opt_size < 2)
		return refuse(why, whylen, "no optional header (an object file, not an image)");
	magic = le16(pe + opt);
	if (magic != PE32_MAGIC && magic != PE32PLUS_MAGIC)
		return refuse(why, whylen, "optional header magic is neither PE32 nor PE32+");
	ndirs_at = magic == PE32_MAGIC ? PE32_NDIRS : PE32PLUS_NDIRS;
	if (opt_size < ndirs_at + 4)
		return refuse(why, whylen, "the optional header is too short for its magic");
	ndirs = le32(pe + opt + ndirs_at);
	dirs_at = ndirs_at + 4;
	/* A certificate table means a signed file: the signature covers
	 * the header, so this change would invalidate it. */
	if (ndirs > DIR_SECURITY && (opt_size - dirs_at) / DIR_ENTRY > DIR_SECURITY) {
		const unsigned char *d = pe + opt + dirs_at + DIR_SECURITY * DIR_ENTRY;

		if (le32(d) || le32(d + 4))
			return refuse(why, whylen,
			              "the file is signed (it has a certificate table): stamp it before signing");
	}
	f->stamp_at = coff + COFF_STAMP;
	f->checksum_at = opt + OPT_CHECKSUM;
	return 0;
}

static unsigned byte_outside(const unsigned char *pe, size_t i, size_t hole)
{
	return i >= hole && i - hole < 4 ? 0 : pe[i];
}

uint32_t pe_checksum(const unsigned char *pe, size_t len, size_t checksum_at)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i < len; i += 2) {
		sum += byte_outside(pe, i, checksum_at);
		if (i + 1 < len)
			sum += byte_outside(pe, i + 1, checksum_at) << 8;
		sum = (sum & 0xffff) + (sum >> 16);
	}
	sum = (sum & 0xffff) + (sum >> 16);
	return (uint32_t)(sum + len);
}

int pe_stamp(unsigned char *pe, size_t len, uint32_t stamp, char *why, size_t whylen)
{
	struct pe_fields f;

	if (pe_locate(pe, len, &f, why, whylen))
		return -1;
	put_le32(pe + f.stamp_at, stamp);
	put_le32(pe + f.checksum_at, pe_checksum(pe, len, f.checksum_at));
	return 0;
}
