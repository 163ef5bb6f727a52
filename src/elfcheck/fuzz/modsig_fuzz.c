/* Fuzz target for the kernel module signature trailer (modsig.c): the
 * lengths in it are the file's, so whatever they say, no read outside
 * the bytes, a reason that fits its buffer, and signed bytes and
 * signature that tile the file before the description.  Signatures
 * are verified against the certificate KR_FUZZ_MODSIG_CERT names (the
 * unit tests' signing certificate, so mutations of their signed
 * modules reach the digest check), or against an EC certificate made
 * here.  With clang: -fsanitize=fuzzer.  Without: link with
 * standalone-driver.c. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "../elfcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static X509 *made_cert(void)
{
	EVP_PKEY *key = EVP_EC_gen("P-256");
	X509 *cert = X509_new();

	if (!key || !cert || !X509_set_version(cert, 2) ||
	    !ASN1_INTEGER_set(X509_get_serialNumber(cert), 1) ||
	    !X509_NAME_add_entry_by_txt(X509_get_subject_name(cert), "CN", MBSTRING_ASC,
	                                (const unsigned char *)"fuzz", -1, -1, 0) ||
	    !X509_set_issuer_name(cert, X509_get_subject_name(cert)) ||
	    !X509_gmtime_adj(X509_getm_notBefore(cert), 0) ||
	    !X509_gmtime_adj(X509_getm_notAfter(cert), 86400) ||
	    !X509_set_pubkey(cert, key) || !X509_sign(cert, key, EVP_sha256()))
		abort();
	EVP_PKEY_free(key);
	return cert;
}

static X509 *the_cert(void)
{
	static X509 *cert;
	const char *path = getenv("KR_FUZZ_MODSIG_CERT");
	char err[256];

	if (!cert)
		cert = path ? module_cert_load(path, err, sizeof err) : made_cert();
	if (!cert)
		abort();
	return cert;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly size bytes, so ASan sees any read past them. */
	unsigned char *buf = malloc(size ? size : 1);
	size_t signed_len, sig_off, sig_len;
	char why[160];

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	why[0] = '\0';
	if (module_sig_parse(buf, size, &signed_len, &sig_off, &sig_len, why, sizeof why) == 0) {
		if (!signed_len || sig_off != signed_len || !sig_len ||
		    sig_len > size - sig_off || size - sig_off - sig_len != 12 + 28)
			abort();
	} else if (!why[0] || !memchr(why, '\0', sizeof why)) {
		abort();
	}
	why[0] = '\0';
	if (module_sig_verify(buf, size, the_cert(), why, sizeof why) != 0 &&
	    (!why[0] || !memchr(why, '\0', sizeof why)))
		abort();
	free(buf);
	return 0;
}
