/* A kernel module's signature, checked as the kernel checks it.  The
 * kernel's sign-file appends to the module a detached PKCS#7 (CMS)
 * signature of every byte before it, then struct module_signature
 * (12 bytes: algo, hash, id_type, signer_len, key_id_len, 3 pad bytes,
 * the signature's length as a big-endian u32), then the marker.  The
 * kernel accepts only id_type PKEY_ID_PKCS7 with the other fields 0
 * (mod_check_sig), and only a signer whose certificate it holds: here,
 * the build's signing certificate (-k), the one the kernel was built
 * with.  Everything in the trailer comes from the file, so every length
 * is checked against it before use. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/x509.h>

#include "elfcheck.h"

static const char sig_marker[] = "~Module signature appended~\n";
#define MARKER_LEN (sizeof sig_marker - 1)
#define SIG_INFO_LEN 12
#define PKEY_ID_PKCS7 2

int module_sig_parse(const unsigned char *buf, size_t len, size_t *signed_len,
                     size_t *sig_off, size_t *sig_len, char *why, size_t whylen)
{
	const unsigned char *ms;
	size_t rest;
	uint32_t n;

	if (len < MARKER_LEN || memcmp(buf + len - MARKER_LEN, sig_marker, MARKER_LEN)) {
		snprintf(why, whylen, "none appended (no \"~Module signature appended~\" marker)");
		return -1;
	}
	rest = len - MARKER_LEN;
	if (rest < SIG_INFO_LEN) {
		snprintf(why, whylen, "the signature description is cut off (%zu bytes before "
		         "the marker, %d needed)", rest, SIG_INFO_LEN);
		return -1;
	}
	ms = buf + rest - SIG_INFO_LEN;
	if (ms[2] != PKEY_ID_PKCS7) {
		snprintf(why, whylen, "key identifier type %u, not PKCS#7 (%d)", ms[2],
		         PKEY_ID_PKCS7);
		return -1;
	}
	if (ms[0] || ms[1] || ms[3] || ms[4] || ms[5] || ms[6] || ms[7]) {
		snprintf(why, whylen, "a PKCS#7 signature description with fields set that "
		         "must be 0 (algo %u, hash %u, signer_len %u, key_id_len %u, pad %u %u %u)",
		         ms[0], ms[1], ms[3], ms[4], ms[5], ms[6], ms[7]);
		return -1;
	}
	n = (uint32_t)ms[8] << 24 | (uint32_t)ms[9] << 16 | (uint32_t)ms[10] << 8 | ms[11];
	rest -= SIG_INFO_LEN;
	/* as the kernel: the signature leaves at least one byte to sign */
	if (n == 0 || n >= rest) {
		snprintf(why, whylen, "signature length %lu does not fit the %zu bytes before "
		         "its description", (unsigned long)n, rest);
		return -1;
	}
	*sig_len = n;
	*sig_off = *signed_len = rest - n;
	return 0;
}

/* The first error of OpenSSL's queue, and the queue emptied. */
static const char *openssl_error(char *buf, size_t len)
{
	unsigned long e = ERR_get_error();

	if (!e)
		snprintf(buf, len, "no reason given");
	else
		ERR_error_string_n(e, buf, len);
	ERR_clear_error();
	return buf;
}

static int verify_cms(const unsigned char *sig, size_t sig_len, const unsigned char *data,
                      size_t data_len, X509 *cert, char *why, size_t whylen)
{
	const unsigned char *p = sig;
	CMS_ContentInfo *cms;
	STACK_OF(X509) *certs = NULL;
	BIO *content = NULL, *mem = NULL;
	char reason[120];
	int ok = -1;

	if (sig_len > LONG_MAX || data_len > INT_MAX) {
		snprintf(why, whylen, "module or signature too large to verify");
		return -1;
	}
	cms = d2i_CMS_ContentInfo(NULL, &p, (long)sig_len);
	if (!cms) {
		snprintf(why, whylen, "not a DER PKCS#7/CMS message (%s)",
		         openssl_error(reason, sizeof reason));
		return -1;
	}
	if ((size_t)(p - sig) != sig_len) {
		snprintf(why, whylen, "%zu bytes after the PKCS#7 message, inside its stated length",
		         sig_len - (size_t)(p - sig));
		goto out;
	}
	/* Not a memory BIO itself: CMS_verify copies one into another,
	 * which OpenSSL 3.0.19 loses on an error path (LeakSanitizer, with
	 * the fuzz target); behind a buffer BIO it reads the module's
	 * bytes where they are. */
	mem = BIO_new_mem_buf(data, (int)data_len);
	content = mem ? BIO_push(BIO_new(BIO_f_buffer()), mem) : NULL;
	certs = sk_X509_new_null();
	if (!content || !certs || !sk_X509_push(certs, cert)) {
		snprintf(why, whylen, "out of memory (%s)", openssl_error(reason, sizeof reason));
		goto out;
	}
	/* The signer must be the build's certificate, not one the message
	 * brings (NOINTERN); that certificate is trusted as the kernel
	 * trusts it, without a chain (NO_SIGNER_CERT_VERIFY); the bytes are
	 * the module's as they are (BINARY). */
	if (CMS_verify(cms, certs, NULL, content, NULL,
	               CMS_BINARY | CMS_NOINTERN | CMS_NO_SIGNER_CERT_VERIFY) != 1) {
		snprintf(why, whylen, "does not verify with the build's signing certificate (%s)",
		         openssl_error(reason, sizeof reason));
		goto out;
	}
	ok = 0;
out:
	sk_X509_free(certs);
	BIO_free_all(content ? content : mem);
	CMS_ContentInfo_free(cms);
	return ok;
}

int module_sig_verify(const unsigned char *buf, size_t len, X509 *cert, char *why,
                      size_t whylen)
{
	size_t signed_len, sig_off, sig_len;

	if (module_sig_parse(buf, len, &signed_len, &sig_off, &sig_len, why, whylen))
		return -1;
	return verify_cms(buf + sig_off, sig_len, buf, signed_len, cert, why, whylen);
}

X509 *module_cert_load(const char *path, char *err, size_t errlen)
{
	char reason[120];
	X509 *cert;
	FILE *fp = fopen(path, "rb");

	if (!fp) {
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	cert = d2i_X509_fp(fp, NULL);
	if (!cert)
		snprintf(err, errlen, "%s is not a DER X.509 certificate (%s)", path,
		         openssl_error(reason, sizeof reason));
	fclose(fp);
	return cert;
}

void module_cert_free(X509 *cert)
{
	X509_free(cert);
}
