/* kr-elfcheck's pieces: the call decoders on hand-assembled code for
 * each machine, the parser on malformed headers, the module signature
 * trailer, Go's build info and the build's list of Go programs. */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../test/check.h"
#include "../elfcheck.h"

static void test_x86_64(struct tally *t)
{
	/* at 0x1000: call 0x2000; at 0x1005: call 0x800 (backwards);
	 * then an e8 byte whose offset points elsewhere */
	static const unsigned char code[] = {
		0xe8, 0xfb, 0x0f, 0x00, 0x00,
		0xe8, 0xf6, 0xf7, 0xff, 0xff,
		0xe8, 0x00, 0x00, 0x00, 0x00,
	};

	CHECK(t, count_calls(EM_X86_64, 0, code, sizeof code, 0x1000, 0x2000) == 1);
	CHECK(t, count_calls(EM_X86_64, 0, code, sizeof code, 0x1000, 0x800) == 1);
	CHECK(t, count_calls(EM_X86_64, 0, code, sizeof code, 0x1000, 0x3000) == 0);
	/* a call cut off by the end of the section is not read */
	CHECK(t, count_calls(EM_X86_64, 0, code, 4, 0x1000, 0x2000) == 0);
}

static void test_aarch64(struct tally *t)
{
	/* at 0x1000: bl 0x2000; at 0x1004: bl 0x800; then b 0x2000 (not a call) */
	static const unsigned char code[] = {
		0x00, 0x04, 0x00, 0x94,
		0xff, 0xfd, 0xff, 0x97,
		0xfe, 0x03, 0x00, 0x14,
	};

	CHECK(t, count_calls(EM_AARCH64, 0, code, sizeof code, 0x1000, 0x2000) == 1);
	CHECK(t, count_calls(EM_AARCH64, 0, code, sizeof code, 0x1000, 0x800) == 1);
	CHECK(t, count_calls(EM_AARCH64, 0, code, sizeof code, 0x1000, 0x1ff8) == 0);
}

static void test_s390x(struct tally *t)
{
	/* at 0x1000: brasl %r14,0x2000; at 0x1006: brasl %r1,0x800;
	 * at 0x100c: larl %r14,0x3000 (c0 e0), not a call */
	static const unsigned char code[] = {
		0xc0, 0xe5, 0x00, 0x00, 0x08, 0x00,
		0xc0, 0x15, 0xff, 0xff, 0xfb, 0xfd,
		0xc0, 0xe0, 0x00, 0x00, 0x0f, 0xfa,
	};

	CHECK(t, count_calls(EM_S390, 1, code, sizeof code, 0x1000, 0x2000) == 1);
	CHECK(t, count_calls(EM_S390, 1, code, sizeof code, 0x1000, 0x800) == 1);
	CHECK(t, count_calls(EM_S390, 1, code, sizeof code, 0x1000, 0x100c + 2 * 0xffa) == 0);
}

static void test_unknown_machine(struct tally *t)
{
	static const unsigned char code[8];

	CHECK(t, count_calls(EM_RISCV, 0, code, sizeof code, 0, 0) == -1);
}

static void test_machine_number(struct tally *t)
{
	CHECK(t, machine_number("62") == EM_X86_64 && machine_number("183") == EM_AARCH64 &&
	      machine_number("22") == EM_S390 && machine_number("65535") == 65535);
	CHECK(t, !machine_number("") && !machine_number("0") && !machine_number("x86_64") &&
	      !machine_number("-62") && !machine_number("65536") && !machine_number("123456") &&
	      !machine_number("62 "));
}

/* A 64-byte little-endian ELF header with the given fields. */
static void header(unsigned char *h, unsigned type, unsigned phnum, unsigned long phoff)
{
	memset(h, 0, 64);
	memcpy(h, ELFMAG, SELFMAG);
	h[EI_CLASS] = ELFCLASS64;
	h[EI_DATA] = ELFDATA2LSB;
	h[EI_VERSION] = EV_CURRENT;
	h[16] = (unsigned char)type;
	h[18] = EM_X86_64;
	h[32] = (unsigned char)phoff;
	h[54] = 56;
	h[56] = (unsigned char)phnum;
}

static void test_parser(struct tally *t)
{
	unsigned char buf[64 + 2 * 56];
	struct elf_facts f;
	char err[160], problems[1024];

	CHECK(t, elf_inspect((const unsigned char *)"\177ELF", 4, &f, err, sizeof err) == -1);
	header(buf, ET_EXEC, 0, 0);
	buf[EI_CLASS] = ELFCLASS32;
	CHECK(t, elf_inspect(buf, 64, &f, err, sizeof err) == -1 && strstr(err, "64-bit"));
	/* program headers said to lie past the end of the file */
	header(buf, ET_DYN, 2, 64);
	CHECK(t, elf_inspect(buf, 64 + 56, &f, err, sizeof err) == -1 && strstr(err, "past the end"));
	/* ET_EXEC with a writable+executable load and an executable stack */
	header(buf, ET_EXEC, 2, 64);
	memset(buf + 64, 0, 2 * 56);
	buf[64] = PT_LOAD;
	buf[64 + 4] = PF_R | PF_W | PF_X;
	buf[64 + 56] = (unsigned char)(PT_GNU_STACK & 0xff);
	buf[64 + 56 + 1] = (unsigned char)(PT_GNU_STACK >> 8 & 0xff);
	buf[64 + 56 + 2] = (unsigned char)(PT_GNU_STACK >> 16 & 0xff);
	buf[64 + 56 + 3] = (unsigned char)(PT_GNU_STACK >> 24 & 0xff);
	buf[64 + 56 + 4] = PF_R | PF_W | PF_X;
	CHECK(t, elf_inspect(buf, sizeof buf, &f, err, sizeof err) == 0);
	CHECK(t, f.kind == KIND_EXEC && f.wx_segment && f.gnu_stack && f.exec_stack);
	CHECK(t, !f.relro && !f.bind_now && f.ssp == SSP_NO_SYMBOL);
	CHECK(t, elf_problems(&f, EM_AARCH64, problems, sizeof problems) == 7);
	CHECK(t, strstr(problems, "built for machine 62, not 183") && strstr(problems, "not PIE") &&
	         strstr(problems, "executable stack") && strstr(problems, "writable and executable"));
	/* a tiny problems buffer is cut, not overrun */
	CHECK(t, elf_problems(&f, 0, problems, 8) == 6 && strlen(problems) < 8);
	/* a static Go program is not asked for PIE or RELRO, the rest holds */
	f.go_buildinfo = 1;
	judge_go(&f, 1);
	CHECK(t, elf_problems(&f, EM_AARCH64, problems, sizeof problems) == 3);
	CHECK(t, !strstr(problems, "not PIE") && !strstr(problems, "RELRO") &&
	         strstr(problems, "executable stack"));
}

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v & 0xff);
	p[1] = (unsigned char)(v >> 8);
}

static void put64(unsigned char *p, unsigned long v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i) & 0xff);
}

/* An ELF of the given type with sections "", ".shstrtab" and one more,
 * named name, holding data: what a kernel module (.modinfo) or a Go
 * program (.go.buildinfo) looks like to the checker.  Returns its
 * length; the caller may append to it. */
static size_t fake_elf(unsigned char *buf, size_t cap, unsigned type, const char *name,
                       const void *data, size_t datalen)
{
	size_t namelen = strlen(name) + 1, names = 11 + namelen;
	size_t dataoff = 64 + names, shoff = (dataoff + datalen + 7) / 8 * 8;
	unsigned char *sh;

	memset(buf, 0, cap);
	header(buf, type, 0, 0);
	memcpy(buf + 64, "\0.shstrtab", 11);
	memcpy(buf + 64 + 11, name, namelen);
	memcpy(buf + dataoff, data, datalen);
	put64(buf + 40, shoff);
	put16(buf + 58, 64);
	put16(buf + 60, 3);
	put16(buf + 62, 1);
	sh = buf + shoff + 64; /* .shstrtab */
	sh[0] = 1;
	sh[4] = SHT_STRTAB;
	put64(sh + 24, 64);
	put64(sh + 32, names);
	sh += 64; /* the other */
	sh[0] = 11;
	sh[4] = SHT_PROGBITS;
	put64(sh + 24, dataoff);
	put64(sh + 32, datalen);
	return shoff + 3 * 64;
}

static const char marker[] = "~Module signature appended~\n";

/* A trailer: sig_len bytes of "signature", the description with
 * id_type and sig_len as given, and the marker. */
static size_t trailer(unsigned char *p, unsigned id_type, unsigned long sig_len,
                      size_t sig_bytes)
{
	memset(p, 0x30, sig_bytes);
	p += sig_bytes;
	memset(p, 0, 12);
	p[2] = (unsigned char)id_type;
	p[8] = (unsigned char)(sig_len >> 24 & 0xff);
	p[9] = (unsigned char)(sig_len >> 16 & 0xff);
	p[10] = (unsigned char)(sig_len >> 8 & 0xff);
	p[11] = (unsigned char)(sig_len & 0xff);
	memcpy(p + 12, marker, sizeof marker - 1);
	return sig_bytes + 12 + sizeof marker - 1;
}

static void test_kernel_module(struct tally *t)
{
	unsigned char buf[1024];
	struct elf_facts f;
	char err[160], problems[1024], why[160];
	size_t len = fake_elf(buf, sizeof buf, ET_REL, ".modinfo", "license=GPL", 12);
	size_t body = len, signed_len = 0, sig_off = 0, sig_len = 0;

	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0);
	CHECK(t, f.kind == KIND_KERNEL_MODULE && !f.module_signed && f.ssp == SSP_NOT_APPLICABLE);
	/* only a verified signature passes, whatever the file ends in */
	CHECK(t, elf_problems(&f, EM_X86_64, problems, sizeof problems) == 1 &&
	         strstr(problems, "kernel module signature: not checked"));
	CHECK(t, module_sig_parse(buf, len, &signed_len, &sig_off, &sig_len, why, sizeof why) == -1 &&
	         strstr(why, "none appended"));
	/* a well-formed trailer: the signed bytes are the module's */
	len = body + trailer(buf + body, 2, 40, 40);
	CHECK(t, module_sig_parse(buf, len, &signed_len, &sig_off, &sig_len, why, sizeof why) == 0 &&
	         signed_len == body && sig_off == body && sig_len == 40);
	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0 && f.kind == KIND_KERNEL_MODULE);
	/* ... but 40 bytes of 0x30 are no PKCS#7 message: refused before
	 * any certificate is needed */
	CHECK(t, module_sig_verify(buf, len, NULL, why, sizeof why) == -1 &&
	         strstr(why, "not a DER PKCS#7/CMS message"));
	/* the marker alone, or with too short a description */
	memcpy(buf, marker, sizeof marker - 1);
	CHECK(t, module_sig_parse(buf, sizeof marker - 1, &signed_len, &sig_off, &sig_len, why,
	                          sizeof why) == -1 && strstr(why, "cut off"));
	/* another key identifier type, or fields the kernel wants 0 */
	len = body + trailer(buf + body, 1, 40, 40);
	CHECK(t, module_sig_parse(buf, len, &signed_len, &sig_off, &sig_len, why, sizeof why) == -1 &&
	         strstr(why, "type 1, not PKCS#7"));
	len = body + trailer(buf + body, 2, 40, 40);
	buf[len - (sizeof marker - 1) - 12 + 4] = 1; /* key_id_len */
	CHECK(t, module_sig_parse(buf, len, &signed_len, &sig_off, &sig_len, why, sizeof why) == -1 &&
	         strstr(why, "must be 0"));
	/* lengths that do not fit: none, everything, past the start */
	len = body + trailer(buf + body, 2, 0, 40);
	CHECK(t, module_sig_parse(buf, len, &signed_len, &sig_off, &sig_len, why, sizeof why) == -1 &&
	         strstr(why, "signature length 0"));
	len = body + trailer(buf + body, 2, body + 40, 40);
	CHECK(t, module_sig_parse(buf, len, &signed_len, &sig_off, &sig_len, why, sizeof why) == -1 &&
	         strstr(why, "does not fit"));
	len = body + trailer(buf + body, 2, 0xffffffffUL, 40);
	CHECK(t, module_sig_parse(buf, len, &signed_len, &sig_off, &sig_len, why, sizeof why) == -1 &&
	         strstr(why, "4294967295"));
	len = body + trailer(buf + body, 2, body + 39, 40);
	CHECK(t, module_sig_parse(buf, len, &signed_len, &sig_off, &sig_len, why, sizeof why) == 0 &&
	         signed_len == 1 && sig_len == body + 39);
}

/* .go.buildinfo as Go's linker writes it: magic, pointer size, flags
 * (2: inline strings), padding to 32, then the version. */
static size_t go_buildinfo(unsigned char *p, const char *version)
{
	size_t n = strlen(version);

	memset(p, 0, 64);
	memcpy(p, "\xff Go buildinf:", 14);
	p[14] = 8;
	p[15] = 2;
	p[32] = (unsigned char)n;
	memcpy(p + 33, version, n);
	return 33 + n;
}

static void test_go(struct tally *t)
{
	unsigned char buf[1024], bi[64];
	struct elf_facts f;
	char err[160], problems[1024];
	size_t n = go_buildinfo(bi, "go1.24.4"), len;

	len = fake_elf(buf, sizeof buf, ET_EXEC, ".go.buildinfo", bi, n);
	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0 && f.go_buildinfo);
	/* listed: judged as Go, so neither PIE nor canaries are asked */
	judge_go(&f, 1);
	CHECK(t, f.is_go && f.ssp == SSP_NOT_APPLICABLE);
	CHECK(t, elf_problems(&f, 0, problems, sizeof problems) == 1 &&
	         strstr(problems, "no PT_GNU_STACK"));
	/* not listed: judged as C, and told why */
	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0);
	judge_go(&f, 0);
	CHECK(t, !f.is_go && f.ssp == SSP_NO_SYMBOL);
	CHECK(t, elf_problems(&f, 0, problems, sizeof problems) == 6 &&
	         strstr(problems, "does not list it as a Go program") && strstr(problems, "not PIE"));
	/* a section of that name is not enough: no magic, old-style flags,
	 * a version that is not Go's, a length past the section, a varint
	 * that never ends */
	bi[0] = 0;
	len = fake_elf(buf, sizeof buf, ET_EXEC, ".go.buildinfo", bi, n);
	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0 && !f.go_buildinfo);
	judge_go(&f, 1);
	CHECK(t, !f.is_go && elf_problems(&f, 0, problems, sizeof problems) == 6 &&
	         strstr(problems, "listed as a Go program (-g) but carries no Go build info"));
	go_buildinfo(bi, "go1.24.4");
	bi[15] = 0;
	len = fake_elf(buf, sizeof buf, ET_EXEC, ".go.buildinfo", bi, n);
	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0 && !f.go_buildinfo);
	go_buildinfo(bi, "c1.24.4");
	len = fake_elf(buf, sizeof buf, ET_EXEC, ".go.buildinfo", bi, n);
	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0 && !f.go_buildinfo);
	go_buildinfo(bi, "go1.24.4");
	bi[32] = 9;
	len = fake_elf(buf, sizeof buf, ET_EXEC, ".go.buildinfo", bi, n);
	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0 && !f.go_buildinfo);
	memset(bi + 32, 0x80, 12);
	len = fake_elf(buf, sizeof buf, ET_EXEC, ".go.buildinfo", bi, 44);
	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0 && !f.go_buildinfo);
	/* the magic in another section counts for nothing */
	go_buildinfo(bi, "go1.24.4");
	len = fake_elf(buf, sizeof buf, ET_EXEC, ".go.buildinfo2", bi, n);
	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0 && !f.go_buildinfo);
}

static void test_go_list(struct tally *t)
{
	char name[] = "/tmp/elfcheck-golist.XXXXXX", err[256];
	struct go_list l;
	FILE *null = fopen("/dev/null", "w");
	int fd = mkstemp(name);
	FILE *fp = fd < 0 ? NULL : fdopen(fd, "w");

	CHECK(t, fp != NULL && null != NULL);
	if (!fp || !null)
		return;
	fputs("/usr/bin/runc\n\n/usr/bin/ctr\n/usr/bin/last", fp);
	fclose(fp);
	CHECK(t, go_list_load(&l, name, err, sizeof err) == 0 && l.n == 3);
	CHECK(t, go_list_has(&l, "/usr/bin/runc") && go_list_has(&l, "/usr/bin/last") &&
	         !go_list_has(&l, "/usr/bin/run") && !go_list_has(&l, "usr/bin/ctr"));
	CHECK(t, go_list_unseen(&l, null) == 1);
	go_list_free(&l);
	fp = fopen(name, "w");
	CHECK(t, fp != NULL);
	if (fp) {
		fputs("/usr/bin/runc\nusr/bin/ctr\n", fp);
		fclose(fp);
		CHECK(t, go_list_load(&l, name, err, sizeof err) == -1 && strstr(err, ":2: ") &&
		         strstr(err, "'usr/bin/ctr' is not a path in the image") && l.n == 0);
	}
	unlink(name);
	CHECK(t, go_list_load(&l, name, err, sizeof err) == -1 && strstr(err, "cannot open"));
	fclose(null);
}

int main(void)
{
	struct tally t = { 0, 0 };

	test_x86_64(&t);
	test_aarch64(&t);
	test_s390x(&t);
	test_unknown_machine(&t);
	test_machine_number(&t);
	test_parser(&t);
	test_kernel_module(&t);
	test_go(&t);
	test_go_list(&t);
	return tally_report("elfcheck", &t);
}
