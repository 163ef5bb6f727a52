/* kr-elfcheck: what a hardened kitroot image demands of every ELF file. */
#ifndef KR_ELFCHECK_H
#define KR_ELFCHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
	int go_buildinfo; /* .go.buildinfo holds Go's build info (magic, version) */
	int go_listed;    /* the build names it a Go program (-g) */
	int is_go;        /* judged as Go: listed and with Go's build info */
	int module_signed; /* a kernel module whose signature was verified */
	char module_why[160]; /* ... or why it was not */
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
/* verdict.c: the Go exemption: only a file the build lists (-g) that
 * carries Go's build info is judged as Go. */
void judge_go(struct elf_facts *f, int listed);
const char *kind_name(enum elf_kind k);
const char *ssp_name(enum ssp_status s);
/* main.c reads -m: a decimal e_machine, 1 to 65535; 0 if s is not one. */
unsigned machine_number(const char *s);

/* golist.c: the build's list of Go programs (-g FILE), image paths. */
struct go_path {
	char *path;
	int seen; /* a file of this path was checked */
};
struct go_list {
	const char *file;
	struct go_path *paths;
	size_t n;
};
/* 0, or -1 with the reason (FILE:LINE) in err. */
int go_list_load(struct go_list *l, const char *file, char *err, size_t errlen);
/* 1 when path is listed (and marks it seen). */
int go_list_has(struct go_list *l, const char *path);
/* Names each listed path never seen on out; returns their number. */
size_t go_list_unseen(const struct go_list *l, FILE *out);
void go_list_free(struct go_list *l);

/* modsig.c: a kernel module's appended signature.  The trailer is
 * read from the end of the file: the PKCS#7 signature, its description
 * (struct module_signature) and the marker.  module_sig_parse finds the
 * signed bytes [0, *signed_len) and the signature [*sig_off, +*sig_len);
 * it returns 0, or -1 with the reason in why. */
int module_sig_parse(const unsigned char *buf, size_t len, size_t *signed_len,
                     size_t *sig_off, size_t *sig_len, char *why, size_t whylen);
/* The same, then the signature verified against cert (the kernel
 * build's signing certificate): 0 when it holds, -1 with why. */
struct x509_st;
int module_sig_verify(const unsigned char *buf, size_t len, struct x509_st *cert,
                      char *why, size_t whylen);
/* A DER certificate from path, or NULL with the reason in err. */
struct x509_st *module_cert_load(const char *path, char *err, size_t errlen);
void module_cert_free(struct x509_st *cert);

#endif
