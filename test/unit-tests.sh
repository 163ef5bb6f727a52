# Unit tests and fuzzing of our C programs, on the host with ASan/UBSan.
# Sourced by test/run.sh.

# How our programs are compiled, and of what, is src/c-program.mk's:
# C_FLAGS, C_SANITIZE_FLAGS and each program's NAME_cppflags,
# NAME_ldlibs and NAME_srcs (relative to src/).
c_vars=$(make -s --no-print-directory -C "$top" c-program-vars) ||
	{ echo "test: make c-program-vars failed" >&2; exit 1; }
eval "$c_vars"
c_cc=gcc

# c_build OUT PROGRAM MAIN [FLAG...]: PROGRAM compiled as the build
# compiles it, with the sanitizers, into OUT; MAIN is "main" for the
# program itself, or a file with another main() (a unit test, a fuzz
# target) to link in place of the program's main.c.  The compiler's
# messages are shown when it fails.
c_build() {
	out=$1 prog=$2 main=$3
	shift 3
	srcs='' cppflags='' ldlibs=''
	eval "srcs=\$${prog}_srcs cppflags=\$${prog}_cppflags ldlibs=\$${prog}_ldlibs"
	files=
	[ "$main" = main ] || files=$main
	for f in $srcs; do
		[ "$main" != main ] && [ "${f#*/}" = main.c ] || files="$files $top/src/$f"
	done
	# shellcheck disable=SC2086
	$c_cc $C_FLAGS $C_SANITIZE_FLAGS $cppflags "$@" -o "$out" $files $ldlibs \
		> "$out.build.log" 2>&1 && return 0
	sed 's/^/    /' "$out.build.log"
	return 1
}

# unit NAME PROGRAM: src/PROGRAM/test/NAME_test.c (NAME with _ for -).
unit() {
	name=$1
	c_build "$work/$name" "$2" "$top/src/$2/test/$(echo "$name" | tr - _)_test.c" > "$work/$name.err" ||
		{ fail "unit $name (does not compile)"; cat "$work/$name.err"; return 0; }
	check "unit-$name" "$work/$name"
}

# build FILE PROGRAM: the program itself, sanitized, as $work/FILE.
build() {
	c_build "$work/$1" "$2" main > "$work/$1.err" && return 0
	fail "$2 builds"
	cat "$work/$1.err"
	return 1
}

# The OCI archive made the way pkg-container.mk makes it (kr-bundle -x
# as kr-ociimage's arguments through xargs -0), unpacked by umoci: its
# runtime config runs what kr-bundle's config.json runs, as the same
# user, in the same directory, with the same environment; a glob and an
# empty word in the command stay as they are.
bundle_image_config() {
	printf '%s\n' 'kind service' 'command /bin/echo * "" "a  b"' 'user 65534 65534' \
		'cwd /srv' 'env A=1 B="x y"' > "$work/glob.service"
	mkdir -p "$work/image-rootfs/bin"
	for spec in "$specs/full.service" "$work/glob.service"; do
		n=${spec##*/} n=${n%.service}
		"$work/kr-bundle" -a SCMP_ARCH_X86_64 -f 0 -n "$n" -r /r -o "$work/$n-runtime.json" "$spec" &&
		"$work/kr-bundle" -x -d "$work/image-rootfs" "$spec" > "$work/$n.oci-args" &&
		(cd "$top" && xargs -0 -x -a "$work/$n.oci-args" "$work/kr-ociimage" -a amd64 -t 0 \
			-n "kitroot/$n:1" -o "$work/$n-image.tar") &&
		rm -rf "$work/$n-layout" "$work/$n-bundle" && mkdir "$work/$n-layout" &&
		tar -xf "$work/$n-image.tar" -C "$work/$n-layout" &&
		umoci unpack --rootless --image "$work/$n-layout:1" "$work/$n-bundle" > /dev/null &&
		python3 - "$work/$n-runtime.json" "$work/$n-bundle/config.json" "$work/$n-layout" <<-'EOF' || return 1
		import json, os, sys
		ours, umoci = (json.load(open(f))["process"] for f in sys.argv[1:3])
		blob = lambda d: json.load(open(os.path.join(sys.argv[3], "blobs", *d["digest"].split(":"))))
		manifest = blob(json.load(open(os.path.join(sys.argv[3], "index.json")))["manifests"][0])
		image = blob(manifest["config"])["config"]
		user = lambda p: "%d:%d" % (p["user"]["uid"], p["user"]["gid"])
		# The image's config, word for word; umoci's runtime config
		# from it (umoci adds TERM=xterm and puts PATH first).
		for what, a, b in (("user", user(ours), image["User"]), ("cwd", ours["cwd"], image["WorkingDir"]),
		                   ("env", ours["env"], image["Env"]), ("args", ours["args"], image["Cmd"]),
		                   ("umoci user", user(ours), user(umoci)), ("umoci cwd", ours["cwd"], umoci["cwd"]),
		                   ("umoci args", ours["args"], umoci["args"]),
		                   ("umoci env", sorted(ours["env"]), sorted(e for e in umoci["env"] if e != "TERM=xterm"))):
		    print(what, a, b)
		    assert a == b, what
		EOF
	done
	python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["process"]["args"] == \
		["/bin/echo", "*", "", "a  b"]' "$work/glob-runtime.json"
}

run_unit_tests() {
	unit wrapper wrapper
	unit init-parse init
	unit init-logkeeper init
	build init init || :
	unit elfcheck elfcheck
	run_elfcheck_tests
	unit ociimage ociimage
	run_ociimage_tests
	unit pestamp pestamp
	run_pestamp_tests
	unit bundle bundle
	build kr-bundle bundle
	specs="$top/src/bundle/test/specs"
	check bundle-config-json sh -c "mkdir -p '$work/bundle-rootfs' &&
		'$work/kr-bundle' -a 'SCMP_ARCH_X86_64 SCMP_ARCH_X86 SCMP_ARCH_X32' -f 0 -n full \
			-r /containers/services/full/rootfs -d '$work/bundle-rootfs' \
			-o '$work/full.json' '$specs/full.service' &&
		python3 -m json.tool '$work/full.json' > /dev/null && [ -d '$work/bundle-rootfs/var/lib/demo' ] &&
		[ \"\$('$work/kr-bundle' -p '$specs/full.service')\" = onboot/07-full ] &&
		[ \"\$('$work/kr-bundle' -x -d /r '$specs/full.service' | tr '\\0' '\\n' |
			sed -n '/^--\$/{n;n;n;p;}')\" = 'echo \"hi\" > /run/x; echo \\done' ]"
	if command -v umoci > /dev/null 2>&1; then
		check bundle-oci-image-config bundle_image_config
	else
		echo "SKIP: bundle-oci-image-config (umoci is not installed)"
	fi
	# -p: a wrong spec or file name is status 1 with FILE[:LINE]: and
	# nothing on stdout (the build writes stdout to a file).
	check bundle-path-refusals sh -c "mkdir -p '$work/bad-specs' &&
		cp '$specs/full.service' '$work/bad-specs/Bad_Name.service' &&
		printf 'kind service\\ncommand /x\\norder 20\\n' > '$work/bad-specs/svc.service' &&
		{ '$work/kr-bundle' -p '$work/bad-specs/Bad_Name.service' > '$work/p1.out' 2> '$work/p1.err'
		  [ \$? = 1 ]; } && ! [ -s '$work/p1.out' ] &&
		grep -q \"^$work/bad-specs/Bad_Name.service: the container's name 'Bad_Name'\" '$work/p1.err' &&
		{ '$work/kr-bundle' -p '$work/bad-specs/svc.service' > '$work/p2.out' 2> '$work/p2.err'
		  [ \$? = 1 ]; } && ! [ -s '$work/p2.out' ] &&
		grep -q \"^$work/bad-specs/svc.service:3: order: a service has no order\" '$work/p2.err' &&
		{ '$work/kr-bundle' -p '$work/bad-specs/none.service' 2> /dev/null; [ \$? = 2 ]; }"
	# Where each shipped container goes: the image's layout.
	# (getty's spec with its operator role's lines, as getty.mk joins them)
	check bundle-pkg-paths sh -c "mkdir -p '$work/operator' &&
		cat '$top/pkg/getty/getty.service' '$top/pkg/getty/operator.lines' > '$work/operator/getty.service' &&
		for s in '$top'/pkg/*/*.service '$work/operator/getty.service'; do
			'$work/kr-bundle' -p \"\$s\" || exit 1; done | sort -u > '$work/pkg-paths' &&
		printf '%s\\n' onboot/20-dhcp onshutdown/50-ifdown services/getty \
			services/httpd services/sshd | diff - '$work/pkg-paths'"
	check bundle-refuses-arch-name sh -c "! '$work/kr-bundle' -a x86_64 -n full -r /r \
			-o '$work/x.json' '$specs/full.service' 2> '$work/bundle-a.err' &&
		grep -q 'a wants 1 to 8 seccomp architectures' '$work/bundle-a.err' && ! [ -e '$work/x.json' ]"
	# The wrapper and init as the build compiles them (the test's own
	# values for what the configuration compiles in).
	check wrapper-builds c_build "$work/kitroot-wrapper" wrapper main \
		-DKR_LAUNCHER='""' -DKR_REAL_CC='"gcc"' -DKR_SYSROOT='"/s"' \
		-DKR_GCC_INCLUDE='"/g/include"' -DKR_GCC_LIBDIR='"/g"' -DKR_PREFIX_MAP='"/o"' \
		-DKR_ARCH_FLAGS='""' -DKR_OPT_FLAGS='"-O2"'
	check wrapper-refuses-host-include sh -c \
		"! '$work/kitroot-wrapper' -c -I/usr/include x.c 2> '$work/refuse.err' &&
		 grep -q 'refusing .-I/usr/include.' '$work/refuse.err'"
	check init-builds sh -c "[ -x '$work/init' ] && '$work/init' --version | grep -q '^kitroot-init ' &&
		! '$work/init' 2>/dev/null"
}

# kr-elfcheck on host programs built each way it must catch, and on
# one that passes.  The freestanding pair differs only in the stack
# protector and also seeds the ELF fuzzer.
run_elfcheck_tests() {
	ec="$work/kr-elfcheck"
	ev="$work/elves"
	mkdir -p "$ev/sub" "$work/elf-seeds"
	build kr-elfcheck elfcheck || return 0
	printf '#include <stdio.h>\n#include <string.h>\nint main(int c, char **v) { char b[64]; strncpy(b, c > 1 ? v[1] : "x", 63); b[63] = 0; return puts(b) < 0; }\n' > "$ev/p.c"
	printf 'void __stack_chk_fail(void) { for (;;) ; }\nstatic int use(char *p) { int s = 0; for (int i = 0; i < 32; i++) s += p[i]; return s; }\nint work(int n) { char b[32]; for (int i = 0; i < 32; i++) b[i] = (char)(i + n); return use(b); }\nvoid _start(void) { for (;;) work(1); }\n' > "$ev/f.c"
	ssp=-fstack-protector-strong now="-Wl,-z,relro,-z,now"
	keep="--strip-all --keep-symbol=__stack_chk_fail"
	gcc -O1 -static-pie $ssp $now -o "$ev/sub/static-pie" "$ev/p.c" &&
	strip $keep "$ev/sub/static-pie" &&
	gcc -O1 -pie -fPIE $ssp $now -o "$ev/dynamic-pie" "$ev/p.c" &&
	gcc -O1 -nostdlib -static-pie -fPIE -fstack-protector-all $now -o "$ev/freestanding-ssp" "$ev/f.c" &&
	strip $keep "$ev/freestanding-ssp" &&
	gcc -O1 -nostdlib -static-pie -fPIE -fno-stack-protector $now -o "$ev/freestanding-no-ssp" "$ev/f.c" &&
	strip $keep "$ev/freestanding-no-ssp" &&
	gcc -O1 -no-pie $ssp $now -o "$ev/no-pie" "$ev/p.c" &&
	gcc -O1 -pie -fPIE $ssp $now -z execstack -o "$ev/exec-stack" "$ev/p.c" &&
	gcc -O1 -pie -fPIE $ssp -Wl,-z,norelro -o "$ev/no-relro" "$ev/p.c" &&
	gcc -O1 -pie -fPIE $ssp -Wl,-z,relro,-z,lazy -o "$ev/lazy" "$ev/p.c" &&
	gcc -O1 -nostdlib -static-pie -fPIE -fstack-protector-all $now -o "$ev/stripped-all" "$ev/f.c" &&
	strip --strip-all "$ev/stripped-all" &&
	echo 'not an ELF' > "$ev/sub/text" ||
		{ fail "elfcheck test programs (host gcc)"; return 0; }
	cp "$ev/freestanding-ssp" "$ev/freestanding-no-ssp" "$ev/stripped-all" "$work/elf-seeds/"
	status=0
	"$ec" -m 62 -p "$ev" "$ev" > "$work/elves.tsv" 2> "$work/elves.err" || status=$?
	echo "$status" > "$work/elves.status"
	elf_verdict() { awk -F '\t' -v f="$1" '$1 == f { print $8 }' "$work/elves.tsv"; }
	elf_row() { awk -F '\t' -v f="$1" '$1 == f' "$work/elves.tsv"; }
	check elfcheck-static-pie-passes sh -c "[ '$(elf_verdict /sub/static-pie)' = ok ] &&
		echo '$(elf_row /sub/static-pie)' | grep -q 'static-pie.*full.*nx.*no.*calls:'"
	check elfcheck-dynamic-pie-passes sh -c "[ '$(elf_verdict /dynamic-pie)' = ok ] &&
		echo '$(elf_row /dynamic-pie)' | grep -q 'imported'"
	check elfcheck-canary-calls-counted sh -c "echo '$(elf_row /freestanding-ssp)' | grep -q 'calls:[1-9]'"
	check elfcheck-no-canary-caught sh -c "echo '$(elf_verdict /freestanding-no-ssp)' | grep -q 'no function calls __stack_chk_fail'"
	check elfcheck-no-pie-caught sh -c "echo '$(elf_verdict /no-pie)' | grep -q 'not PIE'"
	check elfcheck-exec-stack-caught sh -c "echo '$(elf_verdict /exec-stack)' | grep -q 'executable stack'"
	check elfcheck-no-relro-caught sh -c "echo '$(elf_verdict /no-relro)' | grep -q 'no RELRO'"
	check elfcheck-lazy-caught sh -c "echo '$(elf_verdict /lazy)' | grep -q 'lazy binding'"
	check elfcheck-stripped-symbol-caught sh -c "echo '$(elf_verdict /stripped-all)' | grep -q 'no __stack_chk_fail symbol'"
	check elfcheck-walks-and-fails sh -c "[ \$(cat '$work/elves.status') = 1 ] &&
		[ \$(grep -vc '^#' '$work/elves.tsv') = 9 ] &&
		grep -q '9 ELF files, 6 with problems' '$work/elves.err'"
	check elfcheck-wrong-machine-caught sh -c "'$ec' -m 183 '$ev/sub/static-pie' | grep -q 'machine 62, not 183'"
	check elfcheck-refuses-machine-name sh -c "! '$ec' -m x86_64 '$ev' > /dev/null 2> '$work/ec-m.err' &&
		grep -q 'wants the ELF e_machine number' '$work/ec-m.err'"
	check elfcheck-empty-tree-fails sh -c "mkdir -p '$work/no-elves' && ! '$ec' '$work/no-elves' 2> '$work/no-elves.err' &&
		grep -q 'no ELF file found' '$work/no-elves.err'"
	run_elfcheck_go_tests
	run_elfcheck_module_tests
}

# The Go exemption: only for a file the build lists (-g) that carries
# Go's build info.  C programs with a .go.buildinfo section of their
# own are judged as C, listed or not; a real Go program (skopeo, when
# installed: Debian's, not PIE) only passes when listed.
run_elfcheck_go_tests() {
	gv="$work/go-elves"
	mkdir -p "$gv"
	printf '#include <stdio.h>\n__attribute__((used, section(".go.buildinfo"))) static const char bi[64] = "\\377 Go buildinf:\\010\\002";\nint main(void) { return puts("c") < 0; }\n' > "$gv/magic.c"
	printf '#include <stdio.h>\n__attribute__((used, section(".go.buildinfo"))) static const char bi[] = "not Go";\nint main(void) { return puts("c") < 0; }\n' > "$gv/plain.c"
	gcc -O1 -no-pie -fstack-protector-strong -o "$gv/fake-magic" "$gv/magic.c" &&
	gcc -O1 -no-pie -fstack-protector-strong -o "$gv/fake-plain" "$gv/plain.c" &&
	gcc -O1 -pie -fPIE -fstack-protector-strong -Wl,-z,relro,-z,now -o "$gv/c-listed" "$ev/p.c" ||
		{ fail "elfcheck Go test programs (host gcc)"; return 0; }
	printf '/fake-magic\n/fake-plain\n/c-listed\n' > "$work/go-listed"
	"$ec" -p "$gv" "$gv" > "$work/go-unlisted.tsv" 2> /dev/null || :
	"$ec" -p "$gv" -g "$work/go-listed" "$gv" > "$work/go-listed.tsv" 2> /dev/null || :
	go_verdict() { awk -F '\t' -v f="$2" '$1 == f { print $8 }' "$work/go-$1.tsv"; }
	check elfcheck-fake-go-unlisted-judged-as-c sh -c "
		echo '$(go_verdict unlisted /fake-magic)' | grep -q 'not PIE' &&
		echo '$(go_verdict unlisted /fake-plain)' | grep -q 'not PIE'"
	check elfcheck-fake-go-listed-judged-as-c sh -c "
		echo '$(go_verdict listed /fake-magic)' | grep -q 'listed as a Go program (-g) but carries no Go build info.*not PIE' &&
		echo '$(go_verdict listed /fake-plain)' | grep -q 'listed as a Go program (-g) but carries no Go build info.*not PIE'"
	check elfcheck-listed-c-program-fails sh -c "
		echo '$(go_verdict listed /c-listed)' | grep -q 'listed as a Go program (-g) but carries no Go build info' &&
		[ '$(go_verdict unlisted /c-listed)' = ok ]"
	check elfcheck-listed-path-missing-fails sh -c "printf '/usr/bin/runc\n' > '$work/go-missing' &&
		{ '$ec' -g '$work/go-missing' '$ev/sub/static-pie' > /dev/null 2> '$work/go-missing.err'; [ \$? = 1 ]; } &&
		grep -q 'go-missing: /usr/bin/runc is listed as a Go program, but no ELF file of that path was checked' \
			'$work/go-missing.err'"
	check elfcheck-go-list-refused sh -c "printf 'usr/bin/runc\n' > '$work/go-bad' &&
		{ '$ec' -g '$work/go-bad' '$ev' > /dev/null 2> '$work/go-bad.err'; [ \$? = 2 ]; } &&
		grep -q 'go-bad:1: .usr/bin/runc. is not a path in the image' '$work/go-bad.err'"
	go=$(command -v skopeo || command -v umoci || :)
	if [ -n "$go" ]; then
		mkdir -p "$work/real-go" && cp "$go" "$work/real-go/prog" && printf '/prog\n' > "$work/real-go.list"
		check elfcheck-real-go-unlisted-fails sh -c "! '$ec' -p '$work/real-go' '$work/real-go' > '$work/real-go.tsv' &&
			grep -q 'does not list it as a Go program' '$work/real-go.tsv'"
		check elfcheck-real-go-listed-is-go sh -c "'$ec' -p '$work/real-go' -g '$work/real-go.list' '$work/real-go' |
			awk -F '\t' '\$1 == \"/prog\" && \$7 == \"n/a\" { found = 1 } END { exit !found }'"
	else
		echo "SKIP: elfcheck-real-go (no Go program on the host: skopeo or umoci)"
	fi
}

# sign_module BODY KEY CERT OUT: what the kernel's sign-file appends
# (checked byte for byte against sign-file 6.12): a detached CMS
# signature without attributes or certificates, struct module_signature
# (id_type 2, the signature's length big-endian) and the marker.
sign_module() {
	openssl cms -sign -binary -noattr -nocerts -in "$1" -signer "$3" -inkey "$2" \
		-outform DER -md sha512 -out "$4.sig" || return 1
	n=$(wc -c < "$4.sig")
	{
		cat "$1" "$4.sig"
		printf '\0\0\2\0\0\0\0\0'
		# shellcheck disable=SC2059
		printf "$(printf '\\%03o' $((n >> 24 & 255)) $((n >> 16 & 255)) $((n >> 8 & 255)) $((n & 255)))"
		printf '~Module signature appended~\n'
	} > "$4"
	rm -f "$4.sig"
}

# Kernel modules (ET_REL with .modinfo): a signature must verify with
# the build's certificate (-k).
run_elfcheck_module_tests() {
	md="$work/modules"
	mkdir -p "$md/ko" "$work/modsig-seeds"
	printf '__attribute__((used, section(".modinfo"))) static const char l[] = "license=GPL";\nint init_module(void) { return 0; }\n' > "$md/m.c"
	gcc -c -O1 -o "$md/body.o" "$md/m.c" &&
	openssl req -new -x509 -newkey rsa:2048 -nodes -keyout "$md/k.pem" -out "$md/c.pem" \
		-subj /CN=test -days 1 -outform PEM 2> /dev/null &&
	openssl x509 -in "$md/c.pem" -outform DER -out "$md/c.der" &&
	openssl req -new -x509 -newkey rsa:2048 -nodes -keyout "$md/k2.pem" -out "$md/c2.pem" \
		-subj /CN=test -days 1 -outform PEM 2> /dev/null &&
	sign_module "$md/body.o" "$md/k.pem" "$md/c.pem" "$md/ko/signed.ko" &&
	sign_module "$md/body.o" "$md/k2.pem" "$md/c2.pem" "$md/ko/other-key.ko" &&
	cp "$md/ko/signed.ko" "$md/ko/flipped.ko" &&
	printf X | dd of="$md/ko/flipped.ko" bs=1 seek=100 conv=notrunc 2> /dev/null &&
	{ cat "$md/body.o"; printf '~Module signature appended~\n'; } > "$md/ko/marker-only.ko" &&
	cp "$md/body.o" "$md/ko/unsigned.ko" ||
		{ fail "elfcheck test modules (host gcc, openssl)"; return 0; }
	cp "$md/ko/"*.ko "$work/modsig-seeds/"
	status=0
	"$ec" -k "$md/c.der" -p "$md/ko" "$md/ko" > "$work/modules.tsv" 2> /dev/null || status=$?
	for m in signed marker-only flipped other-key unsigned; do
		awk -F '\t' -v f="/$m.ko" '$1 == f { print $8 }' "$work/modules.tsv" > "$work/module-$m.verdict"
	done
	check elfcheck-signed-module-passes sh -c "[ \"\$(cat '$work/module-signed.verdict')\" = ok ] &&
		[ \$(grep -c kernel-module '$work/modules.tsv') = 5 ] && [ $status = 1 ]"
	check elfcheck-module-fake-marker-caught \
		grep -q 'kernel module signature: key identifier type 0' "$work/module-marker-only.verdict"
	check elfcheck-module-flipped-byte-caught \
		grep -q "does not verify with the build's signing certificate" "$work/module-flipped.verdict"
	check elfcheck-module-other-key-caught \
		grep -q "does not verify with the build's signing certificate" "$work/module-other-key.verdict"
	check elfcheck-module-unsigned-caught \
		grep -q 'kernel module signature: none appended' "$work/module-unsigned.verdict"
	check elfcheck-module-needs-certificate sh -c \
		"{ '$ec' '$md/ko/signed.ko' > /dev/null 2> '$work/modules-no-k.err'; [ \$? = 2 ]; } &&
		grep -q 'modules present but no signing certificate given' '$work/modules-no-k.err'"
	check elfcheck-certificate-must-be-der sh -c \
		"{ '$ec' -k '$md/c.pem' '$md/ko' > /dev/null 2> '$work/modules-pem.err'; [ \$? = 2 ]; } &&
		grep -q 'c.pem is not a DER X.509 certificate' '$work/modules-pem.err'"
}

# kr-ociimage on a small rootfs with each kind of entry: the archive is
# the same twice, GNU tar reads the layer back to the same tree, the
# JSON parses, every blob is named by its sha256, and skopeo and umoci
# (when installed) read the image.
run_ociimage_tests() {
	oi="$work/kr-ociimage" or="$work/oci-rootfs" ox="$work/oci-x"
	build kr-ociimage ociimage || return 0
	long=$(printf '%0120d' 0 | tr 0 l)
	mkdir -p "$or/bin" "$or/etc/a/b/c" "$ox/layer" &&
	printf '#!/bin/sh\necho hi\n' > "$or/bin/hello" && chmod 0755 "$or/bin/hello" &&
	echo box > "$or/etc/hostname" && ln "$or/etc/hostname" "$or/etc/hostname.hard" &&
	ln -s ../etc/hostname "$or/bin/name" && echo long > "$or/etc/a/b/c/$long" ||
		{ fail "ociimage test rootfs"; return 0; }
	for n in 1 2; do
		"$oi" -a amd64 -t 1700000000 -n kitroot/test:1 -e PATH=/bin -e 'Q=a "b"' \
			-u 1000:1000 -w /etc -o "$work/oci$n.tar" "$or" -- /bin/hello 'x y' ||
			{ fail "ociimage exports"; return 0; }
	done > "$work/ociimage-export.log" 2>&1
	check ociimage-deterministic cmp "$work/oci1.tar" "$work/oci2.tar"
	tar -xf "$work/oci1.tar" -C "$ox" || { fail "ociimage archive extracts"; return 0; }
	# the digest at a key path of a JSON file, without "sha256:"
	digest_at() {
		python3 -c 'import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2:]: v = v[int(k)] if k.isdigit() else v[k]
print(v[7:])' "$@"
	}
	manifest="$ox/blobs/sha256/$(digest_at "$ox/index.json" manifests 0 digest)"
	config="$ox/blobs/sha256/$(digest_at "$manifest" config digest)"
	layer="$ox/blobs/sha256/$(digest_at "$manifest" layers 0 digest)"
	check ociimage-json sh -c "for f in '$ox/oci-layout' '$ox/index.json' '$manifest' '$config'; do
		python3 -m json.tool \"\$f\" > /dev/null || exit 1; done"
	check ociimage-config python3 -c 'import json, sys
c = json.load(open(sys.argv[1]))
assert c["config"] == {"Env": ["PATH=/bin", "Q=a \"b\""], "Cmd": ["/bin/hello", "x y"],
                       "User": "1000:1000", "WorkingDir": "/etc"}, c["config"]
assert (c["architecture"], c["os"], c["created"]) == ("amd64", "linux", "2023-11-14T22:13:20Z")' "$config"
	check ociimage-blob-digests sh -c "cd '$ox/blobs/sha256' && [ \$(ls | wc -l) = 3 ] &&
		for f in *; do [ \"\$(sha256sum < \"\$f\" | cut -d ' ' -f 1)\" = \"\$f\" ] || exit 1; done"
	check ociimage-layer-tar sh -c "tar -tvf '$layer' > '$work/oci-layer.lst' &&
		grep -q '^hrw-r--r-- 0/0 .* etc/hostname.hard link to etc/hostname\$' '$work/oci-layer.lst' &&
		grep -q '^lrwxrwxrwx 0/0 .* bin/name -> ../etc/hostname\$' '$work/oci-layer.lst' &&
		grep -q '^-rwxr-xr-x 0/0 .* 2023-11-14 .* bin/hello\$' '$work/oci-layer.lst' &&
		grep -q ' etc/a/b/c/$long\$' '$work/oci-layer.lst' &&
		tar -xf '$layer' -C '$ox/layer' && diff -r '$or' '$ox/layer'"
	check ociimage-refuses-arch-name sh -c "! '$oi' -a x86_64 -t 0 -n x -o '$work/oci-a.tar' '$or' -- /x \
		2> '$work/oci-a.err' && grep -q 'a wants an OCI architecture name' '$work/oci-a.err'"
	check ociimage-refuses-socket sh -c "mkdir -p '$work/oci-sock' &&
		python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' '$work/oci-sock/s' &&
		! '$oi' -a amd64 -t 0 -n x -o '$work/oci-sock.tar' '$work/oci-sock' -- /x 2> '$work/oci-sock.err' &&
		grep -q 'is a socket' '$work/oci-sock.err' && ! [ -e '$work/oci-sock.tar' ] &&
		! [ -e '$work/oci-sock.tar.tmp' ]"
	# -s: the SBOM as an artifact; the same bytes twice, the image the
	# same as without it, the artifact's subject the image manifest;
	# skopeo (with the tag) and umoci still read the image.
	printf '{"bomFormat":"CycloneDX","specVersion":"1.6"}' > "$work/oci-sbom.json"
	for n in s1 s2; do
		"$oi" -a amd64 -t 1700000000 -n kitroot/test:1 -e PATH=/bin -e 'Q=a "b"' \
			-u 1000:1000 -w /etc -s "$work/oci-sbom.json" -o "$work/oci$n.tar" "$or" -- /bin/hello 'x y' ||
			{ fail "ociimage exports with an SBOM"; return 0; }
	done >> "$work/ociimage-export.log" 2>&1
	mkdir -p "$work/oci-s" && tar -xf "$work/ocis1.tar" -C "$work/oci-s"
	check ociimage-sbom-artifact sh -c "cmp '$work/ocis1.tar' '$work/ocis2.tar' &&
		[ \"\$(jq -r '.manifests[0].digest' '$work/oci-s/index.json')\" = \"\$(jq -r '.manifests[0].digest' '$ox/index.json')\" ] &&
		m=\$(jq -r '.manifests[1] | select(.artifactType == \"application/vnd.cyclonedx+json\") | .digest' '$work/oci-s/index.json') &&
		[ -n \"\$m\" ] && a='$work/oci-s/blobs/sha256/'\${m#sha256:} &&
		[ \"\$(jq -r .subject.digest \"\$a\")\" = \"\$(jq -r '.manifests[0].digest' '$ox/index.json')\" ] &&
		l=\$(jq -r '.layers[0].digest' \"\$a\") && cmp '$work/oci-sbom.json' '$work/oci-s/blobs/sha256/'\${l#sha256:} &&
		cd '$work/oci-s/blobs/sha256' && for f in *; do [ \"\$(sha256sum < \"\$f\" | cut -d ' ' -f 1)\" = \"\$f\" ] || exit 1; done"
	printf 'bad \377 bytes' > "$work/oci-bad-sbom.json"
	check ociimage-sbom-refuses-binary sh -c "! '$oi' -a amd64 -t 0 -n x -s '$work/oci-bad-sbom.json' \
		-o '$work/oci-b.tar' '$or' -- /x 2> '$work/oci-b.err' && grep -q 'not UTF-8 text' '$work/oci-b.err' &&
		! [ -e '$work/oci-b.tar' ]"
	if command -v skopeo > /dev/null 2>&1; then
		check ociimage-skopeo-sbom sh -c "skopeo inspect oci-archive:'$work/ocis1.tar':1 > '$work/oci-inspect-s.json' &&
			grep -q '\"Architecture\": \"amd64\"' '$work/oci-inspect-s.json'"
		check ociimage-skopeo sh -c "skopeo inspect oci-archive:'$work/oci1.tar' > '$work/oci-inspect.json' &&
			grep -q '\"Architecture\": \"amd64\"' '$work/oci-inspect.json' &&
			skopeo copy -q oci-archive:'$work/oci1.tar' dir:'$work/oci-dir' &&
			cmp '$layer' '$work/oci-dir/${layer##*/}'"
	else
		echo "SKIP: ociimage-skopeo (skopeo is not installed)"
	fi
	if command -v umoci > /dev/null 2>&1; then
		check ociimage-umoci sh -c "umoci stat --image '$ox:1' | grep -q 'kitroot kr-ociimage' &&
			umoci unpack --rootless --image '$ox:1' '$work/oci-bundle' &&
			[ \"\$(cat '$work/oci-bundle/rootfs/etc/hostname')\" = box ] &&
			umoci unpack --rootless --image '$work/oci-s:1' '$work/oci-bundle-s' &&
			[ \"\$(cat '$work/oci-bundle-s/rootfs/etc/hostname')\" = box ]"
	else
		echo "SKIP: ociimage-umoci (umoci is not installed)"
	fi
}

# kr-pestamp against binutils: a PE program linked here, given a section
# by objcopy at two different clock times (faketime), differs in the
# link time and checksum only; stamped with one time both are the same
# bytes, and stamped with the time objcopy wrote, a file equals
# objcopy's own output (so our checksum is binutils').  The faked clock
# is frozen (-f): a running one ticked past the second on a busy CI host
# and the link time objcopy wrote was no longer 00:00:00.  The file is
# also the PE fuzzer's seed.
run_pestamp_tests() {
	build kr-pestamp pestamp || return 0
	d="$work/pe"
	mkdir -p "$d"
	printf 'void _start(void) { for (;;); }\n' > "$d/start.c"
	head -c 30001 /dev/urandom > "$d/payload"
	if ! { gcc -c -O2 -ffreestanding -fno-pic -fno-ident -o "$d/start.o" "$d/start.c" &&
		ld -m i386pep --image-base=0x10000 --subsystem 10 -e _start -o "$d/prog.efi" "$d/start.o" &&
		for y in 2020 2021; do
			TZ=UTC faketime -f "$y-01-01 00:00:00" objcopy --add-section .linux="$d/payload" \
				--change-section-vma .linux=0x100000 "$d/prog.efi" "$d/$y.efi" || exit 1
		done; } > "$d/make.log" 2>&1; then
		fail "pestamp test programs (host gcc, ld, objcopy, faketime)"
		sed 's/^/    /' "$d/make.log"
		return 0
	fi
	mkdir -p "$work/pestamp-corpus"
	cp "$d/2020.efi" "$work/pestamp-corpus/"
	check pestamp-objcopy-differs-in-two-fields sh -c "[ \$(cmp -l '$d/2020.efi' '$d/2021.efi' | wc -l) -le 8 ] &&
		! cmp -s '$d/2020.efi' '$d/2021.efi'"
	check pestamp-makes-runs-identical sh -c "cp '$d/2020.efi' '$d/a.efi' && cp '$d/2021.efi' '$d/b.efi' &&
		'$work/kr-pestamp' -t 1796000000 '$d/a.efi' && '$work/kr-pestamp' -t 1796000000 '$d/b.efi' &&
		cmp '$d/a.efi' '$d/b.efi' && objdump -p '$d/a.efi' | grep -q 'Time/Date.*2026'"
	check pestamp-checksum-is-binutils sh -c "cp '$d/2021.efi' '$d/c.efi' &&
		'$work/kr-pestamp' -t $(date -u -d 2020-01-01 +%s) '$d/c.efi' && cmp '$d/c.efi' '$d/2020.efi'"
	check pestamp-refuses-non-pe sh -c "cp '$d/start.c' '$d/not-pe' &&
		{ '$work/kr-pestamp' -t 0 '$d/not-pe' 2> '$d/np.err'; [ \$? = 1 ]; } &&
		grep -q 'not-pe: not a PE file' '$d/np.err' && cmp '$d/start.c' '$d/not-pe' &&
		{ '$work/kr-pestamp' -t 4294967296 '$d/a.efi' 2> '$d/t.err'; [ \$? = 2 ]; } &&
		grep -q 'fit 32 bits' '$d/t.err'"
}

# fuzz NAME PROGRAM: src/PROGRAM/fuzz/NAME_fuzz.c, seeded from
# src/PROGRAM/fuzz/corpus/ (and what is already in $work/NAME-corpus):
# libFuzzer when clang is there, else the same target driven by a
# bounded random-input loop (src/test/standalone-driver.c); either way
# with the program's flags and the sanitizers.
fuzz() {
	name=$1 prog=$2
	target="$top/src/$prog/fuzz/$(echo "$name" | tr - _)_fuzz.c"
	secs=${KR_FUZZ_SECONDS:-15}
	corpus="$work/$name-corpus"
	mkdir -p "$corpus"
	if [ -d "$top/src/$prog/fuzz/corpus" ]; then cp "$top/src/$prog/fuzz/corpus/"* "$corpus/"; fi
	built=
	if command -v clang >/dev/null 2>&1; then
		c_cc=clang
		c_build "$work/fuzz-$name" "$prog" "$target" -fsanitize=fuzzer > /dev/null && built=clang
		c_cc=gcc
	fi
	if [ "$built" = clang ]; then
		check "fuzz-$name" "$work/fuzz-$name" -max_total_time="$secs" -max_len=65536 \
			-rss_limit_mb=1024 "$corpus"
	elif c_build "$work/fuzz-$name" "$prog" "$target $top/src/test/standalone-driver.c" \
		> "$work/fuzz-$name.err"; then
		check "fuzz-$name" "$work/fuzz-$name" "$secs" "$corpus"/*
	else
		fail "fuzz-$name (does not compile)"
		cat "$work/fuzz-$name.err"
	fi
}

run_fuzz() {
	fuzz init-parse init
	mkdir -p "$work/elfcheck-corpus"
	cp "$work/elf-seeds/"* "$work/elfcheck-corpus/" 2>/dev/null || true
	fuzz elfcheck elfcheck
	mkdir -p "$work/modsig-corpus"
	cp "$work/modsig-seeds/"* "$work/modsig-corpus/" 2>/dev/null || true
	# mutations of the signed seeds reach the digest check
	[ ! -f "$work/modules/c.der" ] || export KR_FUZZ_MODSIG_CERT="$work/modules/c.der"
	fuzz modsig elfcheck
	fuzz bundle-spec bundle
	fuzz pestamp pestamp
}
