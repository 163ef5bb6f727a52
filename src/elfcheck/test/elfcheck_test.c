/* kr-elfcheck's pieces: the call decoders on hand-assembled code for
 * each machine, and the parser on malformed headers. */
#include <elf.h>
#include <string.h>

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
	f.is_go = 1;
	f.ssp = SSP_NOT_APPLICABLE;
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

/* An ET_REL with sections "", ".shstrtab" and ".modinfo": what the
 * kernel's modules look like to the checker; signed when the marker
 * follows. */
static size_t fake_module(unsigned char *buf, size_t cap, int signed_)
{
	static const char names[] = "\0.shstrtab\0.modinfo\0";
	static const char marker[] = "~Module signature appended~\n";
	size_t shoff = 64 + 32, len = shoff + 3 * 64;
	unsigned char *sh;

	memset(buf, 0, cap);
	header(buf, ET_REL, 0, 0);
	memcpy(buf + 64, names, sizeof names);
	put64(buf + 40, shoff);
	put16(buf + 58, 64);
	put16(buf + 60, 3);
	put16(buf + 62, 1);
	sh = buf + shoff + 64; /* .shstrtab */
	sh[0] = 1;
	sh[4] = SHT_STRTAB;
	put64(sh + 24, 64);
	put64(sh + 32, sizeof names);
	sh += 64; /* .modinfo */
	sh[0] = 11;
	sh[4] = SHT_PROGBITS;
	put64(sh + 24, 64);
	put64(sh + 32, 1);
	if (signed_) {
		memcpy(buf + len, marker, sizeof marker - 1);
		len += sizeof marker - 1;
	}
	return len;
}

static void test_kernel_module(struct tally *t)
{
	unsigned char buf[512];
	struct elf_facts f;
	char err[160], problems[1024];
	size_t len = fake_module(buf, sizeof buf, 1);

	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0);
	CHECK(t, f.kind == KIND_KERNEL_MODULE && f.module_signed);
	CHECK(t, elf_problems(&f, EM_X86_64, problems, sizeof problems) == 0);
	len = fake_module(buf, sizeof buf, 0);
	CHECK(t, elf_inspect(buf, len, &f, err, sizeof err) == 0);
	CHECK(t, f.kind == KIND_KERNEL_MODULE && !f.module_signed);
	CHECK(t, elf_problems(&f, EM_X86_64, problems, sizeof problems) == 1 &&
	         strstr(problems, "without a signature"));
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
	return tally_report("elfcheck", &t);
}
