/* kr-elfcheck: what a hardened kitroot image demands of every ELF file. */
#ifndef KR_ELFCHECK_H
#define KR_ELFCHECK_H

#include <stddef.h>
#include <stdint.h>

enum elf_kind {
	KIND_UNKNOWN,
	KIND_EXEC,        /* ET_EXEC: fixed address, not PIE */
	KIND_PIE,         /* ET_DYN with a program interpreter */
	KIND_STATIC_PIE,  /* ET_DYN, DF_1_PIE, no interpreter */
	KIND_SHARED_LIB,  /* ET_DYN, neither of the above */
	KIND_RELOCATABLE, /* ET_REL: an object file */
	KIND_KERNEL_MODULE, /* ET_REL with .modinfo */
	KIND_CORE,
};

/* How the file stands with the stack protector. */
enum ssp_status {
	SSP_NOT_APPLICABLE, /* Go: memory-safe, no canaries */
	SSP_IMPORTED,       /* dynamic: __stack_chk_fail comes from libc */
	SSP_CALLED,         /* static: ssp_calls direct calls found */
	SSP_NEVER_CALLED,   /* static: the symbol is there, nothing calls it */
	SSP_NO_SYMBOL,      /* no __stack_chk_fail at all, or stripped */
	SSP_UNKNOWN_ARCH,   /* calls cannot be decoded for this machine */
};

struct elf_facts {
	int big_endian;
	unsigned machine; /* e_machine */
	enum elf_kind kind;
	int has_interp;
	int relro;        /* PT_GNU_RELRO */
	int bind_now;     /* DT_BIND_NOW, DF_BIND_NOW or DF_1_NOW */
	int textrel;      /* DT_TEXTREL or DF_TEXTREL */
	int gnu_stack;    /* a PT_GNU_STACK header exists */
	int exec_stack;   /* ... and asks for an executable stack */
	int wx_segment;   /* a PT_LOAD both writable and executable */
	int is_go;
	int module_signed; /* a kernel module ending in a signature */
	enum ssp_status ssp;
	unsigned long ssp_calls;
};

/* inspect.c: reads an ELF64 image held in memory.  Returns 0, or -1
 * with a reason in err when the file is not an ELF64 it can read. */
int elf_inspect(const unsigned char *buf, size_t len, struct elf_facts *f,
                char *err, size_t errlen);

/* calls.c: direct calls to target in the executable bytes code[0..len),
 * loaded at address base, decoded for the given e_machine; -1 when the
 * machine's call instruction is not known here. */
long count_calls(unsigned machine, int big_endian, const unsigned char *code,
                 size_t len, uint64_t base, uint64_t target);

/* verdict.c: the problems of one file, "; "-separated, in out; their
 * number is returned.  want_machine 0 accepts any machine. */
int elf_problems(const struct elf_facts *f, unsigned want_machine, char *out,
                 size_t outlen);
const char *kind_name(enum elf_kind k);
const char *ssp_name(enum ssp_status s);
/* main.c reads -m: a decimal e_machine, 1 to 65535; 0 if s is not one. */
unsigned machine_number(const char *s);

#endif
