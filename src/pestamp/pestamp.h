#ifndef PESTAMP_H
#define PESTAMP_H

#include <stddef.h>
#include <stdint.h>

/* Where the two fields objcopy fills from the clock sit in one PE file
 * (a UEFI program), as pe_locate finds them. */
struct pe_fields {
	size_t stamp_at;     /* COFF header TimeDateStamp, 4 bytes LE */
	size_t checksum_at;  /* optional header CheckSum, 4 bytes LE */
};

/* Finds the fields in the LEN bytes at PE, checking every offset it
 * follows against LEN.  A file with an Authenticode signature is
 * refused: changing its header would break the signature.  Returns 0,
 * or -1 with a reason that names what is wrong in WHY. */
int pe_locate(const unsigned char *pe, size_t len, struct pe_fields *f,
              char *why, size_t whylen);

/* The PE checksum of the LEN bytes at PE, the 4 bytes at CHECKSUM_AT
 * counted as zero: the 16-bit one's-complement-style sum of the file's
 * little-endian words, carries folded, plus the file's length. */
uint32_t pe_checksum(const unsigned char *pe, size_t len, size_t checksum_at);

/* Sets TimeDateStamp to STAMP and CheckSum to the file's checksum. */
int pe_stamp(unsigned char *pe, size_t len, uint32_t stamp, char *why, size_t whylen);

#endif
