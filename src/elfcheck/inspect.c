/* Reads the facts kr-elfcheck judges from an ELF64 file in memory.
 * Every offset comes from the file, so every access is bounds-checked:
 * the input may be anything that starts with the ELF magic. */
#include <elf.h>
#include <stdio.h>
#include <string.h>

#include "elfcheck.h"

struct image {
	const unsigned char *buf;
	size_t len;
	int big_endian;
};

/* The len bytes at off, or NULL when they are not all in the file. */
static const unsigned char *at(const struct image *im, uint64_t off, uint64_t len)
{
	if (off > im->len || len > im->len - off)
		return NULL;
	return im->buf + off;
}

static uint64_t get(const struct image *im, const unsigned char *p, int size)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < size; i++) {
		int k = im->big_endian ? i : size - 1 - i;
		v = v << 8 | p[k];
	}
	return v;
}

#define U16(im, p, o) ((unsigned)get((im), (p) + (o), 2))
#define U32(im, p, o) ((uint32_t)get((im), (p) + (o), 4))
#define U64(im, p, o) get((im), (p) + (o), 8)

struct section {
	uint32_t name, type;
	uint64_t flags, addr, offset, size;
	uint32_t link;
	uint64_t entsize;
};

static int read_section(const struct image *im, uint64_t shoff, unsigned i,
                        struct section *s)
{
	const unsigned char *p = at(im, shoff + (uint64_t)i * 64, 64);

	if (!p)
		return -1;
	s->name = U32(im, p, 0);
	s->type = U32(im, p, 4);
	s->flags = U64(im, p, 8);
	s->addr = U64(im, p, 16);
	s->offset = U64(im, p, 24);
	s->size = U64(im, p, 32);
	s->link = U32(im, p, 40);
	s->entsize = U64(im, p, 56);
	return 0;
}

/* The NUL-terminated string at index idx of a string table section. */
static const char *string_at(const struct image *im, const struct section *strtab,
                             uint64_t idx)
{
	const unsigned char *p;

	if (strtab->type == SHT_NOBITS || idx >= strtab->size)
		return NULL;
	p = at(im, strtab->offset + idx, strtab->size - idx);
	if (!p || !memchr(p, '\0', strtab->size - idx))
		return NULL;
	return (const char *)p;
}

static void read_dynamic(const struct image *im, uint64_t off, uint64_t size,
                         struct elf_facts *f)
{
	const unsigned char *p = at(im, off, size);
	uint64_t i;

	if (!p)
		return;
	for (i = 0; i + 16 <= size; i += 16) {
		uint64_t tag = U64(im, p, i), val = U64(im, p, i + 8);

		if (tag == DT_NULL)
			break;
		if (tag == DT_BIND_NOW || (tag == DT_FLAGS && (val & DF_BIND_NOW)) ||
		    (tag == DT_FLAGS_1 && (val & DF_1_NOW)))
			f->bind_now = 1;
		if (tag == DT_TEXTREL || (tag == DT_FLAGS && (val & DF_TEXTREL)))
			f->textrel = 1;
		if (tag == DT_FLAGS_1 && (val & DF_1_PIE) && f->kind == KIND_SHARED_LIB)
			f->kind = KIND_STATIC_PIE; /* refined below if an interpreter exists */
	}
}

static int read_segments(const struct image *im, const unsigned char *eh,
                         struct elf_facts *f, char *err, size_t errlen)
{
	uint64_t phoff = U64(im, eh, 32);
	unsigned phentsize = U16(im, eh, 54), phnum = U16(im, eh, 56), i;

	if (phnum == 0)
		return 0;
	if (phentsize != 56 || phnum == PN_XNUM) {
		snprintf(err, errlen, "unusual program header table (entry size %u, count %u)",
		         phentsize, phnum);
		return -1;
	}
	if (!at(im, phoff, (uint64_t)phnum * 56)) {
		snprintf(err, errlen, "program header table lies past the end of the file");
		return -1;
	}
	for (i = 0; i < phnum; i++) {
		const unsigned char *p = im->buf + phoff + (uint64_t)i * 56;
		uint32_t type = U32(im, p, 0), flags = U32(im, p, 4);

		switch (type) {
		case PT_INTERP:
			f->has_interp = 1;
			break;
		case PT_GNU_RELRO:
			f->relro = 1;
			break;
		case PT_GNU_STACK:
			f->gnu_stack = 1;
			f->exec_stack = (flags & PF_X) != 0;
			break;
		case PT_LOAD:
			if ((flags & PF_W) && (flags & PF_X))
				f->wx_segment = 1;
			break;
		case PT_DYNAMIC:
			read_dynamic(im, U64(im, p, 8), U64(im, p, 32), f);
			break;
		}
	}
	if (f->has_interp && (f->kind == KIND_STATIC_PIE || f->kind == KIND_SHARED_LIB))
		f->kind = KIND_PIE;
	return 0;
}

/* The value of name in a symbol table; *defined tells whether the file
 * defines it or only refers to it.  Returns 1 when found. */
static int find_symbol(const struct image *im, uint64_t shoff, unsigned shnum,
                       const struct section *symtab, const char *name,
                       uint64_t *value, int *defined)
{
	struct section strtab;
	uint64_t i;

	if (symtab->entsize != 24 || symtab->link >= shnum ||
	    read_section(im, shoff, symtab->link, &strtab))
		return 0;
	for (i = 0; i + 24 <= symtab->size; i += 24) {
		const unsigned char *p = at(im, symtab->offset + i, 24);
		const char *s;

		if (!p)
			return 0;
		s = string_at(im, &strtab, U32(im, p, 0));
		if (s && !strcmp(s, name)) {
			*value = U64(im, p, 8);
			*defined = U16(im, p, 6) != SHN_UNDEF;
			return 1;
		}
	}
	return 0;
}

/* Go's linker starts the .go.buildinfo section (which stripping keeps)
 * with this magic, the pointer size, flags (bit 1: the strings follow
 * inline, Go 1.18 on) and padding to 32 bytes; then the Go version, a
 * uvarint length and its bytes ("go1.24.4", "devel go1.25-...").  A C
 * program can carry these bytes too: what makes a file Go to kr-elfcheck
 * is the build's list (-g, verdict.c's judge_go); this only catches a
 * listed file that is not Go. */
static const char go_magic[] = "\xff Go buildinf:";

static int is_go_buildinfo(const struct image *im, const struct section *s)
{
	const unsigned char *p;
	uint64_t n = 0, i;
	unsigned shift = 0;

	if (s->type != SHT_PROGBITS || s->size < 34 || !(p = at(im, s->offset, s->size)))
		return 0;
	if (memcmp(p, go_magic, sizeof go_magic - 1) || (p[14] != 4 && p[14] != 8) || !(p[15] & 2))
		return 0;
	for (i = 32; i < s->size && i < 42; i++, shift += 7) {
		n |= (uint64_t)(p[i] & 0x7f) << shift;
		if (!(p[i] & 0x80))
			break;
	}
	if (i >= s->size || i >= 42)
		return 0;
	i++;
	if (n < 2 || n > s->size - i)
		return 0;
	return !memcmp(p + i, "go", 2) || (n >= 6 && !memcmp(p + i, "devel ", 6));
}

static int is_named(const char *name, const char *want)
{
	return name && !strcmp(name, want);
}

static void read_sections(const struct image *im, const unsigned char *eh,
                          struct elf_facts *f)
{
	uint64_t shoff = U64(im, eh, 40), target = 0;
	unsigned shentsize = U16(im, eh, 58), shnum = U16(im, eh, 60);
	unsigned shstrndx = U16(im, eh, 62), i;
	struct section names, s;
	int have_names, found = 0, defined = 0;
	long calls = 0;

	f->ssp = SSP_NO_SYMBOL;
	if (shnum == 0 || shentsize != 64 || !at(im, shoff, (uint64_t)shnum * 64))
		return;
	have_names = shstrndx < shnum && !read_section(im, shoff, shstrndx, &names);
	for (i = 0; i < shnum; i++) {
		uint64_t value;
		int def;

		if (read_section(im, shoff, i, &s))
			return;
		if (have_names && is_named(string_at(im, &names, s.name), ".go.buildinfo") &&
		    is_go_buildinfo(im, &s))
			f->go_buildinfo = 1;
		if (have_names && f->kind == KIND_RELOCATABLE &&
		    is_named(string_at(im, &names, s.name), ".modinfo"))
			f->kind = KIND_KERNEL_MODULE;
		if ((s.type == SHT_SYMTAB || s.type == SHT_DYNSYM) &&
		    find_symbol(im, shoff, shnum, &s, "__stack_chk_fail", &value, &def)) {
			found = 1;
			if (def) {
				defined = 1;
				target = value;
			}
		}
	}
	/* A module's signature is checked by main.c (modsig.c), with the
	 * build's certificate. */
	if (f->kind == KIND_KERNEL_MODULE) {
		f->ssp = SSP_NOT_APPLICABLE;
		return;
	}
	if (!found)
		return;
	if (!defined) {
		f->ssp = SSP_IMPORTED;
		return;
	}
	for (i = 0; i < shnum; i++) {
		const unsigned char *code;
		long n;

		if (read_section(im, shoff, i, &s))
			return;
		if (s.type != SHT_PROGBITS || !(s.flags & SHF_EXECINSTR))
			continue;
		code = at(im, s.offset, s.size);
		if (!code)
			continue;
		n = count_calls(f->machine, f->big_endian, code, s.size, s.addr, target);
		if (n < 0) {
			f->ssp = SSP_UNKNOWN_ARCH;
			return;
		}
		calls += n;
	}
	f->ssp_calls = (unsigned long)calls;
	f->ssp = calls ? SSP_CALLED : SSP_NEVER_CALLED;
}

int elf_inspect(const unsigned char *buf, size_t len, struct elf_facts *f,
                char *err, size_t errlen)
{
	struct image im = { buf, len, 0 };
	const unsigned char *eh;
	unsigned type;

	memset(f, 0, sizeof *f);
	if (len < EI_NIDENT || memcmp(buf, ELFMAG, SELFMAG)) {
		snprintf(err, errlen, "not an ELF file");
		return -1;
	}
	if (buf[EI_CLASS] != ELFCLASS64) {
		snprintf(err, errlen, "not a 64-bit ELF file (class %u): no kitroot target is 32-bit",
		         buf[EI_CLASS]);
		return -1;
	}
	if (buf[EI_DATA] != ELFDATA2LSB && buf[EI_DATA] != ELFDATA2MSB) {
		snprintf(err, errlen, "unknown byte order %u", buf[EI_DATA]);
		return -1;
	}
	im.big_endian = f->big_endian = buf[EI_DATA] == ELFDATA2MSB;
	eh = at(&im, 0, 64);
	if (!eh) {
		snprintf(err, errlen, "truncated ELF header");
		return -1;
	}
	type = U16(&im, eh, 16);
	f->machine = U16(&im, eh, 18);
	switch (type) {
	case ET_EXEC: f->kind = KIND_EXEC; break;
	case ET_DYN: f->kind = KIND_SHARED_LIB; break;
	case ET_REL: f->kind = KIND_RELOCATABLE; break;
	case ET_CORE: f->kind = KIND_CORE; break;
	default: f->kind = KIND_UNKNOWN; break;
	}
	if (read_segments(&im, eh, f, err, errlen))
		return -1;
	read_sections(&im, eh, f);
	return 0;
}
