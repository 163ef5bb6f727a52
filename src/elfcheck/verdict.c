/* What kitroot demands of an ELF file in an image, and the names the
 * report uses.  Machines are e_machine numbers: the target's comes from
 * its configuration (KR_ELF_MACHINE_NUMBER), not from a table here. */
#include <stdio.h>
#include <string.h>

#include "elfcheck.h"

unsigned machine_number(const char *s)
{
	unsigned long v = 0;
	size_t len = strlen(s);

	if (!len || len > 5 || strspn(s, "0123456789") != len)
		return 0;
	for (; *s; s++)
		v = v * 10 + (unsigned long)(*s - '0');
	return v <= 65535 ? (unsigned)v : 0;
}

const char *kind_name(enum elf_kind k)
{
	switch (k) {
	case KIND_EXEC: return "exec";
	case KIND_PIE: return "pie";
	case KIND_STATIC_PIE: return "static-pie";
	case KIND_SHARED_LIB: return "shared-lib";
	case KIND_RELOCATABLE: return "object";
	case KIND_KERNEL_MODULE: return "kernel-module";
	case KIND_CORE: return "core";
	default: return "unknown";
	}
}

const char *ssp_name(enum ssp_status s)
{
	switch (s) {
	case SSP_NOT_APPLICABLE: return "n/a";
	case SSP_IMPORTED: return "imported";
	case SSP_CALLED: return "calls";
	case SSP_NEVER_CALLED: return "never-called";
	case SSP_UNKNOWN_ARCH: return "unknown-arch";
	default: return "none";
	}
}

/* A section named .go.buildinfo costs a C program one line, so it is no
 * proof: the build states which files are Go programs (-g, from
 * pkg/pkg-golang.mk), and only such a file, carrying Go's build info
 * as well, is spared the checks Go's linker cannot meet. */
void judge_go(struct elf_facts *f, int listed)
{
	f->go_listed = listed;
	f->is_go = listed && f->go_buildinfo && f->kind != KIND_KERNEL_MODULE;
	if (f->is_go) {
		f->ssp = SSP_NOT_APPLICABLE;
		f->ssp_calls = 0;
	}
}

struct problems {
	char *out;
	size_t len, used;
	int n;
};

static void add(struct problems *p, const char *what)
{
	int w = snprintf(p->out + p->used, p->len - p->used, "%s%s", p->n ? "; " : "", what);

	p->n++;
	if (w > 0 && (size_t)w < p->len - p->used)
		p->used += (size_t)w;
}

int elf_problems(const struct elf_facts *f, unsigned want_machine, char *out, size_t outlen)
{
	struct problems p = { out, outlen, 0, 0 };
	int linked = f->kind == KIND_PIE || f->kind == KIND_STATIC_PIE ||
	             f->kind == KIND_SHARED_LIB || f->kind == KIND_EXEC;
	char msg[256];

	if (outlen)
		out[0] = '\0';
	if (want_machine && f->machine != want_machine) {
		snprintf(msg, sizeof msg, "built for machine %u, not %u", f->machine, want_machine);
		add(&p, msg);
	}
	/* A module is the kernel's: its hardening is the kernel's too;
	 * what matters here is that the kernel will accept it. */
	if (f->kind == KIND_KERNEL_MODULE) {
		if (!f->module_signed) {
			snprintf(msg, sizeof msg, "kernel module signature: %s (the kernel "
			         "loads only modules signed by this build)",
			         f->module_why[0] ? f->module_why : "not checked");
			add(&p, msg);
		}
		return p.n;
	}
	if (!linked)
		add(&p, "not a linked program or library (object or core file in the image)");
	if (f->go_listed && !f->go_buildinfo)
		add(&p, "listed as a Go program (-g) but carries no Go build info, so judged as C");
	else if (!f->go_listed && f->go_buildinfo)
		add(&p, "Go build info, but the build does not list it as a Go program (-g: "
		        "install Go programs with pkg/pkg-golang.mk), so judged as C");
	/* Go's linker makes no static PIE (its PIE needs a dynamic loader)
	 * and Go code has no GOT to protect: a static Go program is judged
	 * on the rest (docs/security.md). */
	if (!f->is_go) {
		if (f->kind == KIND_EXEC)
			add(&p, "not PIE (fixed load address: link with -static-pie or -pie)");
		if (linked && !f->relro)
			add(&p, "no RELRO segment (link with -z relro)");
		if (linked && !f->bind_now)
			add(&p, "lazy binding, so RELRO is partial (link with -z now)");
	}
	if (f->textrel)
		add(&p, "text relocations (code written at load time: compile with -fPIE)");
	if (!f->gnu_stack)
		add(&p, "no PT_GNU_STACK header, so the stack may be executable");
	else if (f->exec_stack)
		add(&p, "executable stack (PT_GNU_STACK has X: find the object asking for it)");
	if (f->wx_segment)
		add(&p, "a segment both writable and executable");
	switch (f->ssp) {
	case SSP_NEVER_CALLED:
		add(&p, "no function calls __stack_chk_fail (compiled without -fstack-protector-strong)");
		break;
	case SSP_NO_SYMBOL:
		add(&p, "no __stack_chk_fail symbol (built without a stack protector, or stripped "
		        "without --keep-symbol=__stack_chk_fail)");
		break;
	case SSP_UNKNOWN_ARCH:
		add(&p, "stack protector calls cannot be counted for this machine");
		break;
	default:
		break;
	}
	return p.n;
}
