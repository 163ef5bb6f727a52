# Tests of the build infrastructure's answers to bad input.  They need
# no network and no full build.  Sourced by test/run.sh.

t_hash_mismatch() {
	d="$work/dl-hash"
	mkdir -p "$d/mirror" "$d/cache"
	echo "the real file" > "$d/mirror/pkg-1.0.tar.gz"
	echo "sha256  $(printf '0%.0s' $(seq 64))  pkg-1.0.tar.gz" > "$d/pkg.hash"
	if KR_PRIMARY_SITE="file://$d/mirror" KR_DL_DIR="$d/cache" \
		sh "$top/support/download/dl.sh" "$d/cache/pkg/pkg-1.0.tar.gz" "$d/pkg.hash" 2> "$d/err"; then
		echo "dl.sh accepted a file whose hash does not match"; return 1
	fi
	cat "$d/err"
	grep -q "pkg-1.0.tar.gz: hash mismatch" "$d/err" &&
	grep -q "expected sha256 0000" "$d/err" &&
	grep -q "actual   sha256 $(sha256sum < "$d/mirror/pkg-1.0.tar.gz" | cut -d' ' -f1)" "$d/err" &&
	[ -z "$(ls -A "$d/cache/pkg")" ] # discarded, no partial file left
}

# Pinned .deb sets (Go dependencies): a wrong hash discards the file and
# fails naming it, a corrupt cached copy is fetched again, a malformed
# list line is refused with its line number.  Uses Debian's archive.
t_debs() {
	d="$work/dl-debs"
	mkdir -p "$d/cache"
	grep -E '^golang-github-(docker-go-units|mrunalp-fileutils)-dev ' "$top/pkg/runc/runc.godeps" > "$d/list"
	good=$(sed -n 1p "$d/list" | awk '{ print $1 "_" $2 "_" $3 ".deb" }')
	bad=$(sed -n 2p "$d/list" | awk '{ print $1 "_" $2 "_" $3 ".deb" }')
	grep "  $good\$" "$top/pkg/runc/runc.hash" > "$d/hash"
	echo "sha256  $(printf '0%.0s' $(seq 64))  $bad" >> "$d/hash"
	echo "corrupt" > "$d/cache/$good"
	if sh "$top/support/download/dl-debs.sh" "$d/cache" "$d/hash" "$d/list" 2> "$d/err"; then
		echo "dl-debs.sh accepted a package whose hash does not match"; return 1
	fi
	cat "$d/err"
	grep -q "cached copy is corrupt, discarded" "$d/err" &&
	grep -q "$bad: hash mismatch" "$d/err" && grep -q "1 packages of .* did not verify" "$d/err" &&
	[ ! -e "$d/cache/$bad" ] && sh "$top/support/download/check-hash.sh" "$d/hash" "$d/cache/$good" &&
	[ -z "$(find "$d/cache" -name '.fetch.*')" ] || return 1
	echo "golang-x-dev 1.0" > "$d/list2"
	! sh "$top/support/download/dl-debs.sh" "$d/cache" "$d/hash" "$d/list2" 2> "$d/err2" &&
	grep -q "list2:1: expected PACKAGE VERSION ARCH" "$d/err2"
}

t_mirror_then_cache() {
	d="$work/dl-mirror"
	mkdir -p "$d/mirror" "$d/cache"
	echo "payload" > "$d/mirror/pkg-2.0.tar.gz"
	echo "sha256  $(sha256sum < "$d/mirror/pkg-2.0.tar.gz" | cut -d' ' -f1)  pkg-2.0.tar.gz" > "$d/pkg.hash"
	# An unreachable upstream is skipped quickly; the mirror answers.
	KR_PRIMARY_SITE="file://$d/mirror" KR_DL_DIR="$d/cache" \
		sh "$top/support/download/dl.sh" "$d/cache/pkg/pkg-2.0.tar.gz" "$d/pkg.hash" \
		"http://127.0.0.1:9/pkg-2.0.tar.gz" || return 1
	cmp "$d/mirror/pkg-2.0.tar.gz" "$d/cache/pkg/pkg-2.0.tar.gz" || return 1
	# Second time: served from the cache, no site needed.
	rm -rf "$d/mirror"
	KR_DL_DIR="$d/cache" sh "$top/support/download/dl.sh" "$d/cache/pkg/pkg-2.0.tar.gz" "$d/pkg.hash" || return 1
	# A corrupted cached copy is discarded and fetched again.
	echo corrupt > "$d/cache/pkg/pkg-2.0.tar.gz"
	! KR_DL_DIR="$d/cache" sh "$top/support/download/dl.sh" "$d/cache/pkg/pkg-2.0.tar.gz" "$d/pkg.hash" &&
	[ ! -e "$d/cache/pkg/pkg-2.0.tar.gz" ]
}

t_no_hash_line() {
	d="$work/dl-nohash"
	mkdir -p "$d/mirror"
	echo x > "$d/mirror/other.tar.gz"
	: > "$d/pkg.hash"
	! KR_PRIMARY_SITE="file://$d/mirror" KR_DL_DIR="$d" \
		sh "$top/support/download/dl.sh" "$d/c/other.tar.gz" "$d/pkg.hash" 2> "$d/err" &&
	grep -q "has no sha256 line for other.tar.gz" "$d/err"
}

t_permission_table() {
	d="$work/perms"
	mkdir -p "$d/t/etc" "$d/t/bin" "$d/t/dev"
	echo secret > "$d/t/etc/shadow"
	printf '#!/bin/sh\n' > "$d/t/bin/tool"
	chmod 0777 "$d/t/bin/tool"
	chmod 0600 "$d/t/etc"   # a host umask or user must not leak in
	ln -s tool "$d/t/bin/link"
	printf '/etc/shadow f 0600 0 0\n/dev/console c 0600 0 0 5 1\n' > "$d/good"
	sh "$top/support/build/mkcpio-list.sh" -e /.end "$d/t" "$d/good" > "$d/list" || return 1
	cat "$d/list"
	[ "$(tail -n 1 "$d/list")" = "dir /.end 0700 0 0" ] || { echo "the end mark is not last"; return 1; }
	sed -i '$d' "$d/list"
	grep -qx "file /etc/shadow $d/t/etc/shadow 0600 0 0" "$d/list" &&
	grep -qx "file /bin/tool $d/t/bin/tool 0755 0 0" "$d/list" &&
	grep -qx "dir /etc 0755 0 0" "$d/list" &&
	grep -qx "slink /bin/link tool 0777 0 0" "$d/list" &&
	grep -qx "nod /dev/console 0600 0 0 c 5 1" "$d/list" &&
	[ "$(grep -v '^nod' "$d/list" | awk '{ print $2 }')" = \
	  "$(grep -v '^nod' "$d/list" | awk '{ print $2 }' | LC_ALL=C sort)" ] || return 1
	# A malformed line names its file and line.
	printf '/etc/shadow f 0600 0 0\n/etc/x f rw 0 0\n' > "$d/bad"
	! sh "$top/support/build/mkcpio-list.sh" "$d/t" "$d/bad" 2> "$d/err" &&
	grep -q "$d/bad:2: expected PATH TYPE MODE UID GID" "$d/err" || return 1
	# A root that has the end mark's name already is refused.
	mkdir "$d/t/.end"
	! sh "$top/support/build/mkcpio-list.sh" -e /.end "$d/t" 2> "$d/err" &&
	grep -q "$d/t/.end: that name is the initramfs's end mark" "$d/err"
}

t_check_kconfig() {
	d="$work/kcheck"
	mkdir -p "$d"
	printf 'CONFIG_A=y\nCONFIG_B=y\n# CONFIG_C is not set\n' > "$d/frag1"
	printf 'CONFIG_B=m\n' > "$d/frag2"
	printf 'CONFIG_A=y\nCONFIG_B=m\n' > "$d/good"
	printf 'CONFIG_B=m\nCONFIG_C=y\n' > "$d/bad"
	sh "$top/support/build/check-kconfig.sh" "$d/good" "$d/frag1" "$d/frag2" || return 1
	! sh "$top/support/build/check-kconfig.sh" "$d/bad" "$d/frag1" "$d/frag2" 2> "$d/err" || return 1
	cat "$d/err"
	grep -q "CONFIG_A=y ($d/frag1:1) ended up not set" "$d/err" &&
	grep -q "CONFIG_C=n ($d/frag1:3) ended up y" "$d/err" &&
	! grep -q CONFIG_B "$d/err"
}

t_unknown_defconfig() {
	! make -s -C "$top" O="$work/o-unknown" no_such_board_defconfig 2> "$work/unknown.err" || return 1
	cat "$work/unknown.err"
	grep -q "no configuration named 'no_such_board_defconfig'" "$work/unknown.err" &&
	grep -q "qemu_x86_64_defconfig" "$work/unknown.err"
}

# External trees (support/make/external.mk): test/external's
# configurations are listed and used, the trees are remembered in O, and
# each fault stops make naming the file and what it should hold.
t_external_tree() {
	d="$work/external" ext="$top/test/external"
	rm -rf "$d" && mkdir -p "$d" || return 1
	make -s -C "$top" KR_EXTERNAL="$ext" list-defconfigs > "$d/list" || return 1
	grep -q "^External configurations of KITROOT_TEST ($ext):" "$d/list" &&
	grep -q '^  kitroot_test_x86_64_defconfig .* - x86_64 QEMU system' "$d/list" &&
	grep -q '^  qemu_x86_64_defconfig ' "$d/list" || { cat "$d/list"; return 1; }
	# faults, each in a copy of the tree
	refused() { # NAME KR_EXTERNAL MESSAGE
		! make -s -C "$top" O="$d/o-$1" KR_EXTERNAL="$2" list-defconfigs > "$d/$1.err" 2>&1 &&
		grep -q "$3" "$d/$1.err" && ! [ -e "$d/o-$1" ] ||
		{ echo "$1: no error with '$3':"; cat "$d/$1.err"; return 1; }
	}
	for t in no-desc bad-name clash twin; do cp -a "$ext" "$d/$t" || return 1; done
	rm "$d/no-desc/external.desc"
	sed -i 's/^name: .*/name: two words/' "$d/bad-name/external.desc"
	mkdir "$d/clash/pkg/httpd" && cp "$ext/pkg/hang-onboot/hang-onboot.mk" "$d/clash/pkg/httpd/httpd.mk"
	refused missing "$d/none" "KR_EXTERNAL: $d/none is not a directory" &&
	refused no-desc "$d/no-desc" "$d/no-desc/external.desc: no such file: an external tree holds" &&
	refused bad-name "$d/bad-name" "$d/bad-name/external.desc: its name is 'two words'" &&
	refused twin "$ext:$d/twin" "$d/twin/external.desc: the name KITROOT_TEST is also that of $ext" &&
	refused clash "$d/clash" "$d/clash/pkg/httpd/httpd.mk: a package named httpd is already defined in $top/pkg/httpd/" &&
	refused space "$d/a b" "a path make cannot carry" || return 1
	# configured from the tree's defconfig, then remembered
	make -s -C "$top" O="$d/o" KR_EXTERNAL="$ext" kitroot_test_x86_64_defconfig > "$d/cfg.log" 2>&1 ||
		{ cat "$d/cfg.log"; return 1; }
	grep -qx 'KR_PACKAGE_HANG_ONBOOT=y' "$d/o/.config" &&
	grep -qx "KR_EXTERNAL := $ext" "$d/o/.kr-external.mk" &&
	make -s -C "$top" O="$d/o" olddefconfig > "$d/old.log" 2>&1 &&
	grep -qx 'KR_PACKAGE_HANG_ONBOOT=y' "$d/o/.config" &&
	grep -q "^source \"$ext/Config.in\"" "$d/o/.kr-external.in" || { cat "$d/old.log"; return 1; }
	rm -rf "$d"
}

t_host_deps() {
	# Everything is installed on a machine that builds: silent success.
	sh "$top/support/build/host-deps.sh" x86_64 &&
	! sh "$top/support/build/host-deps.sh" vax 2>/dev/null
}

# A machine with neither the cross compiler nor its plugin headers: one
# apt-get run installs both (the kernel's configure step stopped on the
# missing plugins until a second make before).  On a copy of the tree
# with a made-up architecture whose tools are stubs that apt-get, a
# stub too, "installs".
t_host_deps_cross() {
	d="$work/host-deps-cross"
	mkdir -p "$d/tree" "$d/bin" || return 1
	cp -a "$top/support" "$top/arch" "$d/tree/" || return 1
	printf 'if KR_ARCH_KRTEST\nconfig KR_GNU_TRIPLET\n\tdefault "krtest-linux-gnu"\nconfig KR_QEMU_SYSTEM\n\tdefault "qemu-system-krtest"\nconfig KR_QEMU_PACKAGE\n\tdefault "qemu-system-krtest"\nendif\n' \
		> "$d/tree/arch/Config.in.krtest"
	major=$(gcc -dumpversion | cut -d. -f1)
	cat > "$d/bin/apt-get" <<-EOF
	#!/bin/sh
	echo "\$*" >> "$d/apt.log"
	for p; do
		case \$p in
		gcc-krtest-linux-gnu) printf '#!/bin/sh\ncase \$1 in -dumpversion) echo $major.1.0;; -print-file-name=plugin) echo $d/plugin;; esac\n' > "$d/bin/krtest-linux-gnu-gcc"
			chmod +x "$d/bin/krtest-linux-gnu-gcc" ;;
		binutils-krtest-linux-gnu) printf '#!/bin/sh\n' > "$d/bin/krtest-linux-gnu-ld"; chmod +x "$d/bin/krtest-linux-gnu-ld" ;;
		qemu-system-krtest) printf '#!/bin/sh\n' > "$d/bin/qemu-system-krtest"; chmod +x "$d/bin/qemu-system-krtest" ;;
		gcc-$major-plugin-dev-krtest-linux-gnu) mkdir -p "$d/plugin/include" && : > "$d/plugin/include/gcc-plugin.h" ;;
		esac
	done
	EOF
	chmod +x "$d/bin/apt-get"
	PATH="$d/bin:$PATH" sh "$d/tree/support/build/host-deps.sh" krtest > "$d/out" 2>&1 || { cat "$d/out"; return 1; }
	cat "$d/out" "$d/apt.log"
	[ "$(grep -c '^install' "$d/apt.log")" = 1 ] &&
	grep -q "^install .* gcc-krtest-linux-gnu .*gcc-$major-plugin-dev-krtest-linux-gnu" "$d/apt.log" &&
	[ -f "$d/plugin/include/gcc-plugin.h" ]
}

# The outputs' date: the commit's in a checkout, the one `git archive`
# wrote into support/build/commit-date in an export, else a clear error.
# make's default parallelism (Makefile, KR_JLEVEL): the CPUs plus one,
# the config's number, or the command line's; two goals run in order.
t_default_jobs() {
	d="$work/jobs"
	make -s -C "$top" O="$d" qemu_x86_64_minimal_defconfig > /dev/null || return 1
	cpus_plus_one=$(( $(nproc) + 1 ))
	jobs_of() {
		env -u MAKEFLAGS -u MAKELEVEL make -C "$top" O="$d" -pn "$@" 2> /dev/null |
			sed -n 's/^MAKEFLAGS = .* -j\([0-9]*\).*/\1/p' | head -n 1
	}
	echo "default: -j$(jobs_of toolchain) (CPUs + 1: $cpus_plus_one)"
	[ "$(jobs_of toolchain)" = "$cpus_plus_one" ] || return 1
	echo "make -j1: -j$(jobs_of -j1 toolchain)"
	[ "$(jobs_of -j1 toolchain)" = 1 ] || return 1
	echo "two goals: -j$(jobs_of toolchain skeleton)"
	[ -z "$(jobs_of toolchain skeleton)" ] || return 1
	echo 'KR_JLEVEL=5' >> "$d/.config"
	echo "KR_JLEVEL=5: -j$(jobs_of toolchain)"
	[ "$(jobs_of toolchain)" = 5 ]
}
t_source_date_epoch() {
	d="$work/sde"
	mkdir -p "$d/export/support/build"
	if [ -d "$top/.git" ]; then
		[ "$(sh "$top/support/build/source-date-epoch.sh" "$top")" = "$(git -C "$top" log -1 --format=%ct)" ] || return 1
	fi
	echo 1700000000 > "$d/export/support/build/commit-date"
	[ "$(sh "$top/support/build/source-date-epoch.sh" "$d/export")" = 1700000000 ] || return 1
	printf '$Format:%%ct$\n' > "$d/export/support/build/commit-date"
	! sh "$top/support/build/source-date-epoch.sh" "$d/export" 2> "$d/err" || return 1
	cat "$d/err"
	grep -q "cannot tell this tree's commit date" "$d/err" || return 1
	! make -C "$top" O="$d/o" SOURCE_DATE_EPOCH=yesterday source > "$d/make.log" 2>&1 || return 1
	cat "$d/make.log"
	grep -q "SOURCE_DATE_EPOCH must be a number of seconds since 1970, not 'yesterday'" "$d/make.log"
}

# make verify refuses a file that is not a SHA256SUMS before building.
t_verify_bad_sums() {
	d="$work/verify"
	mkdir -p "$d"
	echo "not a checksum" > "$d/SHA256SUMS"
	printf 'KR_ARCH_X86_64=y\n' > "$d/config"
	! sh "$top/support/report/verify.sh" "$top" "$d/config" "$d/SHA256SUMS" 2> "$d/err" || return 1
	cat "$d/err"
	grep -q "is not a SHA256SUMS file" "$d/err" || return 1
	# a name outside images/ (or a . or .. part) is refused the same way
	sum=$(printf x | sha256sum | cut -c1-64)
	for name in ../../etc/shadow /etc/shadow oci/../../x ./bzImage oci//x; do
		printf '%s  bzImage\n%s  %s\n' "$sum" "$sum" "$name" > "$d/SHA256SUMS"
		! sh "$top/support/report/verify.sh" "$top" "$d/config" "$d/SHA256SUMS" 2> "$d/err" ||
			{ echo "accepted the name $name"; return 1; }
		grep -q "is not a SHA256SUMS file" "$d/err" || return 1
	done
	printf '%s  bzImage\n%s  oci/getty.tar\n' "$sum" "$sum" > "$d/SHA256SUMS"
	sh "$top/support/report/verify.sh" "$top" "$d/config.none" "$d/SHA256SUMS" 2> "$d/err" ;
	grep -q "no configuration at" "$d/err" || { cat "$d/err"; echo "oci/getty.tar was not accepted as a name"; return 1; }
	! sh "$top/support/report/verify.sh" "$top" "$d/config" "$d/none" 2> "$d/err2" || return 1
	grep -q "no checksum file at $d/none" "$d/err2"
}

# The KSPP check: a recommendation met, one missing (named, with the
# way out), a deviation that is in fact met, and one that applies only
# when its condition holds.
t_check_hardening() {
	d="$work/hardening"
	mkdir -p "$d"
	printf '# c\nall CONFIG_A=y\nx86_64 CONFIG_B=n\naarch64 CONFIG_C=y\nall CONFIG_D=y if CONFIG_E=y\n' > "$d/kspp"
	printf 'all CONFIG_B we need B for a reason\n' > "$d/dev"
	printf 'CONFIG_A=y\nCONFIG_B=y\n' > "$d/config"
	sh "$top/support/build/check-hardening.sh" "$d/config" x86_64 "$d/kspp" "$d/dev" "$d/status" > "$d/out" &&
	grep -q '1 KSPP recommendations met, 1 deviated' "$d/out" &&
	grep -q '^deviated	CONFIG_B	n	y	we need B for a reason	kspp$' "$d/status" || return 1
	# CONFIG_E=y: CONFIG_D now applies, and is missing
	echo CONFIG_E=y >> "$d/config"
	! sh "$top/support/build/check-hardening.sh" "$d/config" x86_64 "$d/kspp" "$d/dev" 2> "$d/err" &&
	grep -q 'CONFIG_D=y is recommended.*does not say why' "$d/err" || return 1
	# a deviation the kernel in fact meets
	printf 'CONFIG_A=y\n' > "$d/config"
	! sh "$top/support/build/check-hardening.sh" "$d/config" x86_64 "$d/kspp" "$d/dev" 2> "$d/err" &&
	grep -q "dev:1: CONFIG_B is listed as a deviation but the kernel has CONFIG_B=n" "$d/err" || return 1
	# a malformed line names its file and line
	echo 'all CONFIG_F=y when CONFIG_G=y' >> "$d/kspp"
	! sh "$top/support/build/check-hardening.sh" "$d/config" x86_64 "$d/kspp" "$d/dev" 2> "$d/err" &&
	grep -q 'kspp:6: expected ARCHES CONFIG_X=VALUE' "$d/err"
}

# The guard on Linux's own security defaults: a security setting on in
# the defaults (alldefconfig) and off in the kernel stops the check,
# named, unless deviations.txt gives the reason; settings that are not
# security ones, that have no prompt, or that are one entry of a choice
# are not held (KSPP names the entry to choose).  Help text that starts
# with "choice" opens no choice.
t_check_security_defaults() {
	d="$work/defaults"
	mkdir -p "$d/linux/arch"
	printf 'config MITIGATION_A\n\tbool "a"\n\tdefault y\n\thelp\n\t  choice of words, and\n\t  config words in help\n\nconfig MITIGATION_B\n\tbool "b"\n\tdefault y\n' > "$d/linux/Kconfig"
	printf 'config SECURITY_HIDDEN\n\tdef_bool y\nchoice\n\tprompt "pick"\nconfig SECURITY_ONE\n\tbool "one"\nconfig SECURITY_TWO\n\tbool "two"\nendchoice\nconfig PLAIN\n\tbool "plain"\n' > "$d/linux/arch/Kconfig"
	printf '# c\n^MITIGATION_\n^SECURITY\n' > "$d/symbols"
	printf 'CONFIG_MITIGATION_A=y\nCONFIG_MITIGATION_B=y\nCONFIG_SECURITY_HIDDEN=y\nCONFIG_SECURITY_ONE=y\nCONFIG_PLAIN=y\n' > "$d/defaults"
	printf 'CONFIG_MITIGATION_B=y\nCONFIG_SECURITY_TWO=y\n' > "$d/config"
	printf 'all CONFIG_X=n\n' > "$d/kspp"
	: > "$d/dev"
	run() { sh "$top/support/build/check-hardening.sh" -d "$d/defaults" -s "$d/symbols" -k "$d/linux" \
		"$d/config" x86_64 "$d/kspp" "$d/dev" "$d/status"; }
	! run 2> "$d/err" || return 1
	cat "$d/err"
	grep -q "CONFIG_MITIGATION_A is a security setting ($d/symbols) that Linux turns on by default" "$d/err" &&
	[ "$(grep -c '^kernel: ' "$d/err")" = 1 ] || return 1
	printf 'x86_64 CONFIG_MITIGATION_A the reason\n' > "$d/dev"
	run > "$d/out" && cat "$d/out" &&
	grep -q '1 KSPP recommendations met, 0 deviated; 1 security defaults kept, 1 dropped' "$d/out" &&
	grep -q '^deviated	CONFIG_MITIGATION_A	y	n	the reason	default$' "$d/status" || return 1
	# a deviation for a default the kernel keeps is stale
	echo CONFIG_MITIGATION_A=y >> "$d/config"
	! run 2> "$d/err" && grep -q 'CONFIG_MITIGATION_A is listed as a deviation' "$d/err"
}

# The judgement of a boot's observations (support/qemu/probe-checks.sh):
# a healthy system passes every check, and each kind of weakness is
# caught by its own check.
t_probe_checks() {
	d="$work/probe" o="$work/probe-o"
	mkdir -p "$d" "$o/images"
	printf 'KR_LINUX_HARDENING=y\n' > "$o/.config"
	echo 'page_alloc.shuffle=1' > "$o/images/cmdline"
	good() {
		printf 'ro,relatime\nrefused\n' > "$d/root"
		for m in /proc /sys /sys/fs/cgroup; do
			echo "x $m tmpfs rw,nosuid,nodev,noexec 0 0"; done > "$d/mounts.txt"
		for m in /dev/shm /run /tmp; do
			echo "x $m tmpfs rw,nosuid,nodev,noexec,size=39204k,mode=755 0 0"; done >> "$d/mounts.txt"
		printf 'x /dev devtmpfs rw,nosuid,noexec 0 0\nx /dev/pts devpts rw,nosuid,noexec 0 0\n' >> "$d/mounts.txt"
		printf 'root:x:0:0::/root:/bin/sh\n---\nroot:*:::::::\n' > "$d/accounts"
		printf 'Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address\nActive UNIX domain sockets (only servers)\n' > "$d/sockets.txt"
		printf 'kernel.kptr_restrict|2|2\nkernel.sysrq|0|absent\n' > "$d/sysctl.txt"
		printf 'cmdline|console=ttyS0 page_alloc.shuffle=1\nkallsyms|0000000000000000\nlockdown|none [integrity] confidentiality\nlsm|lockdown,capability,landlock,yama\n' > "$d/kernel.txt"
		: > "$d/setid.txt"
		printf 'meltdown|Not affected\nspectre_v2|Mitigation: Retpolines; IBPB: conditional\n' > "$d/vulnerabilities.txt"
		printf 'group|0|DMA|0000:00:00.0 \ngroup|1|DMA|0000:00:01.0 \nunit|dmar0\n' > "$d/iommu.txt"
	}
	printf 'CONFIG_IOMMU_DEFAULT_DMA_STRICT=y\n' > "$o/images/linux.config"
	judge() { sh "$top/support/qemu/probe-checks.sh" "$o" "$d" > /dev/null; }
	failed_check() { judge; grep -q "^$1	FAIL	" "$d/checks.tsv" || { echo "$1 did not fail:"; cat "$d/checks.tsv"; return 1; }; }
	good
	judge || { cat "$d/checks.tsv"; return 1; }
	[ "$(grep -c '	PASS	' "$d/checks.tsv")" = 13 ] || return 1
	good; printf 'rw,relatime\nwritable\n' > "$d/root"; failed_check root-read-only || return 1
	good; sed -i 's| /tmp tmpfs rw,nosuid,nodev,noexec| /tmp tmpfs rw,nosuid,nodev|' "$d/mounts.txt"
	failed_check mount-flags && grep -q '/tmp:no-noexec' "$d/checks.tsv" || return 1
	good; sed -i 's| /run tmpfs rw,nosuid,nodev,noexec,size=39204k,| /run tmpfs rw,nosuid,nodev,noexec,|' "$d/mounts.txt"
	failed_check mount-flags && grep -q '/run:no-size' "$d/checks.tsv" || return 1
	good; printf 'root:x:0:0::/root:/bin/sh\n---\nroot::::::::\n' > "$d/accounts"; failed_check no-password-accounts || return 1
	good; printf 'root:x:0:0::/root:/bin/sh\n---\nroot:$1$salt$hash::::::\n' > "$d/accounts"; failed_check no-password-accounts || return 1
	# a SHA-512 hash (a users table's) is a password, not a fault
	good; printf 'root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n---\nroot:*:::::::\nalice:$6$s$h:::::::\n' > "$d/accounts"
	judge && grep -q '^no-password-accounts	PASS	.*with a SHA-2 crypt password: alice' "$d/checks.tsv" || { cat "$d/checks.tsv"; return 1; }
	good; echo 'tcp 0 0 0.0.0.0:22 0.0.0.0:* LISTEN' >> "$d/sockets.txt"
	failed_check no-unexpected-listeners && grep -q 'tcp:0.0.0.0:22' "$d/checks.tsv" || return 1
	good; echo 'kernel.dmesg_restrict|1|0' >> "$d/sysctl.txt"
	failed_check sysctl-set && grep -q 'kernel.dmesg_restrict=0(want 1)' "$d/checks.tsv" || return 1
	good; echo /bin/su > "$d/setid.txt"; failed_check no-setid-files || return 1
	good; echo 'page_alloc.shuffle=1 slab_nomerge' > "$o/images/cmdline"; failed_check kernel-cmdline || return 1
	echo 'page_alloc.shuffle=1' > "$o/images/cmdline"
	good; sed -i 's/^kallsyms|.*/kallsyms|ffffffff81000000/' "$d/kernel.txt"; failed_check kernel-pointers-hidden || return 1
	good; echo 'present|/dev/mem' >> "$d/kernel.txt"; failed_check no-raw-memory-devices || return 1
	good; sed -i 's/^lockdown|.*/lockdown|[none] integrity confidentiality/' "$d/kernel.txt"; failed_check lockdown || return 1
	good; sed -i 's/^lsm|.*/lsm|capability,yama/' "$d/kernel.txt"; failed_check lsms || return 1
	good; echo 'mds|Vulnerable: Clear CPU buffers attempted, no microcode' >> "$d/vulnerabilities.txt"
	failed_check cpu-vulnerabilities && grep -q 'vulnerable: mds (Vulnerable' "$d/checks.tsv" || return 1
	good; : > "$d/vulnerabilities.txt"; failed_check cpu-vulnerabilities || return 1
	# a board's known vulnerabilities (the emulated firmware's): accepted
	# when vulnerable, stale when not
	printf 'KR_LINUX_HARDENING=y\nKR_BOARD_DIR="board/qemu/aarch64-virt"\n' > "$o/.config"
	good; printf 'meltdown|Not affected\nspectre_v2|Vulnerable\nspec_store_bypass|Vulnerable\n' > "$d/vulnerabilities.txt"
	judge && grep -q '^cpu-vulnerabilities	PASS	.*known for this board' "$d/checks.tsv" || { cat "$d/checks.tsv"; return 1; }
	good; printf 'meltdown|Not affected\nspectre_v2|Vulnerable\n' > "$d/vulnerabilities.txt"
	failed_check cpu-vulnerabilities && grep -q 'not vulnerable (remove the line): spec_store_bypass' "$d/checks.tsv" || return 1
	printf 'KR_LINUX_HARDENING=y\n' > "$o/.config"
	good; sed -i 's/^group|1|DMA|/group|1|DMA-FQ|/' "$d/iommu.txt"
	failed_check iommu-strict && grep -q 'group 1 is DMA-FQ' "$d/checks.tsv" || return 1
	good; sed -i '/^unit|/d' "$d/iommu.txt"; failed_check iommu-strict || return 1
	good; grep -v '^group' "$d/iommu.txt" > "$d/units"; mv "$d/units" "$d/iommu.txt"; failed_check iommu-strict || return 1
	# a UKI: signed passes and names the certificate; unsigned is a finding
	openssl req -new -x509 -newkey rsa:2048 -nodes -days 1 -subj '/CN=probe test key' \
		-keyout "$d/sb.key" -out "$o/images/secure-boot.crt" 2> /dev/null || return 1
	printf 'KR_LINUX_HARDENING=y\nKR_IMAGE_UKI=y\nKR_IMAGE_SECURE_BOOT=y\n' > "$o/.config"
	good; judge && grep -q '^uefi-secure-boot	PASS	UKI signed for Secure Boot by CN = probe test key' "$d/checks.tsv" ||
		{ cat "$d/checks.tsv"; return 1; }
	printf 'KR_LINUX_HARDENING=y\nKR_IMAGE_UKI=y\n' > "$o/.config"
	good; failed_check uefi-secure-boot && grep -q 'the UKI is unsigned' "$d/checks.tsv" || return 1
	printf 'KR_LINUX_HARDENING=y\n' > "$o/.config"
	rm -f "$o/images/secure-boot.crt"
	# without the hardened kernel, its five checks are not made; without
	# strict DMA in the kernel, no IOMMU check
	good; printf '# KR_LINUX_HARDENING is not set\n' > "$o/.config"; : > "$o/images/linux.config"; judge &&
	[ "$(wc -l < "$d/checks.tsv")" = 7 ]
}

# Every fact of an architecture is in arch/Config.in.ARCH alone: no
# triplet, GOARCH, seccomp architecture, QEMU binary or package, CPU
# flag or default command line of any architecture is written in the
# build elsewhere (in C: as a string literal of its own, as a table
# would hold it).  Left out: docs, the architecture's own kernel
# fragments and KSPP lists, the unit tests' and fuzzers' sample inputs,
# and the build machine's own Debian architecture (pkg/go, downloads).
t_arch_facts() {
	command -v git > /dev/null && git -C "$top" rev-parse --git-dir > /dev/null 2>&1 ||
		{ echo "not a git checkout: nothing to check"; return 0; }
	found=$work/arch-facts.found
	: > "$found"
	for f in "$top"/arch/Config.in.*; do
		awk '$1 == "config" { sym = $2 }
			$1 == "default" && sym ~ /^KR_(GNU_TRIPLET|GO_ARCH|SECCOMP_ARCHES|QEMU_SYSTEM|QEMU_PACKAGE|TARGET_ARCH_CFLAGS|ARCH_LINUX_CMDLINE|ARCH_EFI_BOOT_FILE|ARCH_EFI_STUB|ARCH_EFI_FIRMWARE_CODE|ARCH_EFI_FIRMWARE_VARS|ARCH_EFI_FIRMWARE_VARS_TEMPLATE|ARCH_FIRMWARE_CONSOLE)$/ {
				sub(/^[ \t]*default[ \t]+/, ""); gsub(/"/, "")
				# flags and seccomp names one by one, the rest whole
				if (sym ~ /CFLAGS|SECCOMP/) { n = split($0, w, " "); for (i = 1; i <= n; i++) print sym "\t" w[i] }
				else print sym "\t" $0 }' "$f" |
		while IFS='	' read -r sym value; do
			# an OCI name that is also kitroot's (s390x) says nothing
			[ -e "$top/arch/Config.in.$value" ] && continue
			# (pinned Debian package lists and their hashes name the
			# Debian architecture of each download: data, not logic)
			git -C "$top" grep -n -F -e "$value" -- . ':!arch/' ':!docs/' ':!*.md' \
				':!kernel/configs/' ':!kernel/hardening/' ':!src/*/test/*' ':!test/unit-tests.sh' \
				':!pkg/*/*.debs' ':!pkg/*/*.hash' \
				':!pkg/go/' ':!support/download/' ':!utils/resolve-godeps.sh' ':!src/' |
				sed "s|^|$sym $value: |" >> "$found"
			# in C, a table holds the value as a string of its own;
			# comments and usage texts may give it as an example
			git -C "$top" grep -n -F -e "\"$value\"" -- src/ ':!src/*/test/*' ':!src/*/fuzz/*' |
				sed "s|^|$sym $value: |" >> "$found"
		done
	done
	[ ! -s "$found" ] || { echo "arch facts outside arch/Config.in.*:"; cat "$found"; return 1; }
	echo "every arch fact is in arch/"
}

# The package linter: the tree passes (with utils/check-package.ignore),
# and a bad package gets each finding with its file and line.
t_package_lint() {
	make -s -C "$top" KR_EXTERNAL="$top/test/external" check-package || return 1
	d="$work/lint/pkg/bad"
	mkdir -p "$d" "$work/lint/pkg/tool"
	cat > "$d/bad.mk" <<'END'
# bad: no banner
BAD_VERSION = 1.0
BAD_SOURCE = bad-$(BAD_VERSION).tar.gz
BAD_SITE = https://example.org/dl
BAD_LICENSE = GPL-2.0
OTHER_FLAGS = -O2
BAD_NOTHING = x
BAD_CFLAGS = $(call qstrip,$(KR_TARGET_OPTIMIZATION))

define BAD_BUILD_CMDS
	$(TARGET_CC) $(BAD_CFLAGS) -o $(@D)/bad $(@D)/bad.c
endef

$(eval $(generic-package))
END
	printf 'sha256  %s  bad-0.9.tar.gz\n' "$(printf '0%.0s' $(seq 64))" > "$d/bad.hash"
	printf 'config KR_PACKAGE_BAD\n\tbool "bad"\n\thelp\n\t  %s\n\t  no URL at the end\n' \
		"A help line much too long for the menu: it goes on past column 72." > "$d/Config.in"
	cat > "$work/lint/pkg/tool/tool.mk" <<'END'
################################################################################
# host-tool: a host tool
################################################################################

HOST_TOOL_VERSION = 1.0
HOST_TOOL_SITE = $(TOPDIR)/pkg/tool/src
HOST_TOOL_SITE_METHOD = local
HOST_TOOL_LICENSE = MIT
HOST_TOOL_ADD_TOOLCHAIN_DEPENDENCY = NO

$(eval $(host-generic-package))
END
	! sh "$top/utils/check-package" "$d" "$work/lint/pkg/tool" > "$work/lint/out" || return 1
	cat "$work/lint/out"
	for want in \
		"$d/bad.mk:1: no banner .*\[header\]" \
		"$d/bad.mk:3: $d/bad.hash has no line for bad-1.0.tar.gz .*\[hash\]" \
		"$d/bad.mk:5: BAD_LICENSE: GPL-2.0 is a deprecated SPDX id .*\[license\]" \
		"$d/bad.mk:6: OTHER_FLAGS does not carry the package's prefix BAD_ .*\[prefix\]" \
		"$d/bad.mk:7: BAD_NOTHING is set but nothing reads it.*\[unused\]" \
		"$d/bad.mk:8: \$(KR_TARGET_OPTIMIZATION) is already unquoted.*\[qstrip\]" \
		"$d/bad.mk:14: bad extracts a downloaded source but sets no BAD_LICENSE_FILES.*\[license-files\]" \
		"$d/bad.hash:1: no comment says where this hash came from .*\[hash-format\]" \
		"$d/bad.hash:1: bad-0.9.tar.gz is hashed but no download .*\[hash-unused\]" \
		"$d/Config.in:4: help line is 76 columns wide .*\[config-help\]" \
		"$d/Config.in:5: the help text of KR_PACKAGE_BAD does not end with the upstream URL .*\[config-url\]" \
		"$work/lint/pkg/tool/tool.mk:9: HOST_TOOL_ADD_TOOLCHAIN_DEPENDENCY does nothing: a host package .*\[toolchain-dependency\]"
	do
		grep -q "^$want\$" "$work/lint/out" || { echo "missing: $want"; return 1; }
	done
	[ "$(wc -l < "$work/lint/out")" -eq 12 ]
}

# The UEFI image tools on a small PE program: a signing key is made
# once and never replaced, a key that is not the certificate's is
# refused, signing twice gives the same bytes, the signature comes off
# to give the unsigned program back (and a changed byte is caught), and
# files that do not fit a FAT image are refused before anything is
# written.
t_efi_tools() {
	d=$work/efi-tools
	rm -rf "$d"
	mkdir -p "$d"
	img=$top/support/image
	printf 'void _start(void) { for (;;); }\n' > "$d/start.c"
	gcc -c -O2 -ffreestanding -fno-pic -fno-ident -o "$d/start.o" "$d/start.c" &&
		ld -m i386pep --image-base=0x10000 --subsystem 10 -e _start -o "$d/stub.efi" "$d/start.o" &&
		mkdir -p "$d/bin" && gcc -std=c11 -D_DEFAULT_SOURCE -O2 -o "$d/bin/kr-pestamp" "$top"/src/pestamp/*.c || return 1
	# uki.sh with made-up parts (of odd sizes) around the small program
	head -c 30001 /dev/urandom > "$d/kernel"
	head -c 20003 /dev/urandom > "$d/initrd"
	echo 'console=ttyS0' > "$d/cmdline"
	echo 'ID=kitroot' > "$d/os-release"
	PATH=$d/bin:$PATH sh "$img/uki.sh" "$d/stub.efi" "$d/kernel" "$d/initrd" "$d/cmdline" "$d/os-release" \
		1796000000 "$d/prog.efi" || return 1
	objdump -h "$d/prog.efi" | grep -q ' \.initrd ' && objdump -p "$d/prog.efi" | grep -q 'Time/Date.*2026' ||
		{ echo "uki.sh: no .initrd section or not stamped"; return 1; }
	sh "$img/secure-boot-key.sh" "$d/keys" > "$d/key1.out" || return 1
	grep -q 'made a new Secure Boot signing key' "$d/key1.out" || return 1
	[ "$(stat -c %a "$d/keys/db.key")" = 600 ] || { echo "db.key is not 0600"; return 1; }
	sum=$(sha256sum < "$d/keys/db.key")
	sh "$img/secure-boot-key.sh" "$d/keys" > "$d/key2.out" || return 1
	[ ! -s "$d/key2.out" ] && [ "$(sha256sum < "$d/keys/db.key")" = "$sum" ] || { echo "the key was replaced"; return 1; }
	mkdir -p "$d/half" && cp "$d/keys/db.key" "$d/half/"
	! sh "$img/secure-boot-key.sh" "$d/half" 2> "$d/half.err" || return 1
	grep -q 'db.key has no db.crt beside it' "$d/half.err" && [ ! -e "$d/half/db.crt" ] || return 1
	sh "$img/secure-boot-key.sh" "$d/other" > /dev/null || return 1
	! sh "$img/sign-efi.sh" "$d/other/db.key" "$d/keys/db.crt" 1796000000 "$d/prog.efi" "$d/bad.efi" 2> "$d/mismatch.err" || return 1
	grep -q 'is not the private key of' "$d/mismatch.err" && [ ! -e "$d/bad.efi" ] || return 1
	for n in 1 2; do
		sh "$img/sign-efi.sh" "$d/keys/db.key" "$d/keys/db.crt" 1796000000 "$d/prog.efi" "$d/signed$n.efi" || return 1
		sleep 1
	done
	cmp "$d/signed1.efi" "$d/signed2.efi" || { echo "two signings differ"; return 1; }
	# The signing time is SOURCE_DATE_EPOCH to the second, also for an
	# input that takes sbsign seconds to hash, under a faketime around
	# it all (as the reproducibility check's second build runs).
	head -c 150000000 /dev/zero > "$d/big-kernel"
	PATH=$d/bin:$PATH sh "$img/uki.sh" "$d/stub.efi" "$d/big-kernel" "$d/initrd" "$d/cmdline" "$d/os-release" \
		1796000000 "$d/big.efi" || return 1
	TZ=Pacific/Chatham faketime -f +397d sh "$img/sign-efi.sh" "$d/keys/db.key" "$d/keys/db.crt" 1796000000 \
		"$d/big.efi" "$d/big-signed.efi" || return 1
	for f in signed1 big-signed; do
		when=$(python3 -c 'import struct, sys
d = open(sys.argv[1], "rb").read()
opt = struct.unpack_from("<I", d, 0x3c)[0] + 24
off, size = struct.unpack_from("<II", d, opt + 112 + 4 * 8)
sys.stdout.buffer.write(d[off + 8:off + size])' "$d/$f.efi" |
			openssl asn1parse -inform DER | awk '/:signingTime/ { want = 1; next } want && /UTCTIME/ { sub(/.*:/, ""); print; exit }')
		[ "$when" = 261130005320Z ] || { echo "$f: signing time $when, not SOURCE_DATE_EPOCH (261130005320Z)"; return 1; }
	done
	rm -f "$d/big-kernel" "$d/big.efi" "$d/big-signed.efi"
	sbverify --cert "$d/keys/db.crt" "$d/signed1.efi" > /dev/null 2>&1 || { echo "sbverify refused the signature"; return 1; }
	sh "$img/unsigned-equals.sh" "$d/signed1.efi" "$d/prog.efi" > /dev/null || return 1
	cp "$d/prog.efi" "$d/changed.efi"
	printf '\001' | dd of="$d/changed.efi" bs=1 seek=600 conv=notrunc status=none
	! sh "$img/unsigned-equals.sh" "$d/signed1.efi" "$d/changed.efi" 2> "$d/changed.err" || return 1
	grep -q 'differs from this build' "$d/changed.err" || return 1
	# The FAT and ISO images do not depend on the clock or the time zone
	# (the reproducibility check's second build shifts both).
	for run in a b; do
		shift_time=
		[ "$run" = a ] || shift_time="faketime -f +397d env TZ=Pacific/Chatham"
		$shift_time env SOURCE_DATE_EPOCH=1796000000 sh "$img/fat-image.sh" "$d/fat-$run.img" 4 12345678 T \
			"$d/signed1.efi:::/EFI/BOOT/BOOT.EFI" &&
			$shift_time env SOURCE_DATE_EPOCH=1796000000 sh "$img/iso.sh" "$d/iso-$run.iso" T efi "$d/fat-$run.img" || return 1
	done
	cmp "$d/fat-a.img" "$d/fat-b.img" && cmp "$d/iso-a.iso" "$d/iso-b.iso" ||
		{ echo "the FAT or ISO image depends on the clock or the time zone"; return 1; }
	head -c 3000000 /dev/zero > "$d/big"
	! SOURCE_DATE_EPOCH=1796000000 sh "$img/fat-image.sh" "$d/fat.img" 2 12345678 T "$d/big:::/big" 2> "$d/fat.err" || return 1
	grep -q 'do not fit in a 2 MiB FAT image' "$d/fat.err" && [ ! -e "$d/fat.img" ] && [ ! -e "$d/fat.img.tmp" ]
}

# The IBM Z load files and ISO from a made-up kernel image (the S390EP
# marker, a default command line and max_command_line_size where the
# kernel has them): the .ins, the addrsize file and the boot image say
# the same addresses, the images do not depend on the clock or the time
# zone, and bad input is refused with its reason, leaving no file.
t_s390_images() {
	d=$work/s390-images
	rm -rf "$d" && mkdir -p "$d/a" "$d/b"
	img=$top/support/image
	fake_kernel() {
		head -c 300000 /dev/urandom > "$1"
		printf 'S390EP' | dd of="$1" bs=1 seek=$((0x10008)) conv=notrunc status=none
		printf '\000\000\000\000\000\000\020\000' | dd of="$1" bs=1 seek=$((0x10430)) conv=notrunc status=none
		printf 'root=/dev/ram0 ro\000' | dd of="$1" bs=1 seek=$((0x10480)) conv=notrunc status=none
	}
	fake_kernel "$d/a/kernel"
	head -c 123457 /dev/urandom > "$d/a/initrd"
	printf '%s panic=10 quiet %s\n' "$(. "$top/support/lib/arch.sh"; arch_fact "$top" s390x KR_ARCH_FIRMWARE_CONSOLE)" \
		"$(printf 'word%02d ' $(seq 1 30))" > "$d/cmdline"
	cp "$d/a/kernel" "$d/a/initrd" "$d/b/"
	for run in a b; do
		shift_time=
		[ "$run" = a ] || shift_time="faketime -f +397d env TZ=Pacific/Chatham"
		sh "$img/s390-load-files.sh" "$d/$run" kernel initrd "$d/cmdline" k.ins &&
			sh "$img/s390-ins-image.sh" "$d/$run/k.ins" "$d/$run/boot.img" &&
			$shift_time env SOURCE_DATE_EPOCH=1796000000 sh "$img/iso.sh" "$d/$run/k.iso" K s390 "$d/$run/boot.img" \
				"$d/$run/k.ins" "$d/$run/kernel" "$d/$run/parmfile" "$d/$run/initrd.addrsize" "$d/$run/initrd" ||
			return 1
	done
	cat "$d/a/k.ins" "$d/a/parmfile"
	cmp "$d/a/k.iso" "$d/b/k.iso" || { echo "the ISO depends on the clock or the time zone"; return 1; }
	# 16 MiB for a small kernel; the parmfile's lines fit z/VM's records
	grep -qx 'initrd 0x01000000' "$d/a/k.ins" && grep -qx 'parmfile 0x00010480' "$d/a/k.ins" &&
		grep -qx 'initrd.addrsize 0x00010408' "$d/a/k.ins" || { echo "unexpected addresses"; return 1; }
	[ "$(od -A n -t x1 "$d/a/initrd.addrsize" | tr -d ' \n')" = "$(printf '%016x%016x' 16777216 123457)" ] ||
		{ echo "initrd.addrsize: $(od -A n -t x1 "$d/a/initrd.addrsize")"; return 1; }
	[ "$(wc -l < "$d/a/parmfile")" -gt 1 ] && awk 'length($0) > 80 { exit 1 }' "$d/a/parmfile" ||
		{ echo "the parmfile is not wrapped at 80 characters"; return 1; }
	[ "$(stat -c %s "$d/a/boot.img")" -eq $((16777216 + 123457)) ] &&
		cmp -i 16777216:0 "$d/a/boot.img" "$d/a/initrd" &&
		cmp -n 16 -i 66568:0 "$d/a/boot.img" "$d/a/initrd.addrsize" || { echo "the boot image is not the .ins's memory"; return 1; }
	# refusals: each says why and leaves nothing behind
	refused() { # WANT CMD...: CMD fails, saying WANT
		want=$1; shift
		! "$@" > "$d/err" 2>&1 || { echo "accepted: $*"; return 1; }
		grep -q "$want" "$d/err" || { cat "$d/err"; echo "the refusal does not say: $want"; return 1; }
	}
	mkdir -p "$d/bad"
	head -c 300000 /dev/zero > "$d/bad/kernel" && cp "$d/a/initrd" "$d/bad/"
	refused 'is not an s390 Linux image' sh "$img/s390-load-files.sh" "$d/bad" kernel initrd "$d/cmdline" k.ins || return 1
	cp "$d/a/kernel" "$d/bad/kernel"
	head -c 5000 /dev/zero | tr '\0' x > "$d/long"
	refused 'the kernel command line is 5000 bytes; this kernel takes at most 4095' \
		sh "$img/s390-load-files.sh" "$d/bad" kernel initrd "$d/long" k.ins || return 1
	echo 'ro' > "$d/short"
	refused "shorter than the image's default" sh "$img/s390-load-files.sh" "$d/bad" kernel initrd "$d/short" k.ins || return 1
	[ -z "$(ls "$d/bad" | grep -v -e '^kernel$' -e '^initrd$')" ] || { ls "$d/bad"; echo "a refusal left files"; return 1; }
	printf 'kernel 0x0\n../initrd 0x1000000\n' > "$d/bad/p.ins"
	refused 'p.ins:2: ../initrd: a file beside the .ins, not a path' sh "$img/s390-ins-image.sh" "$d/bad/p.ins" "$d/bad/x.img" || return 1
	printf 'kernel 4096\n' > "$d/bad/n.ins"
	refused "n.ins:1: '4096' is not a hex address" sh "$img/s390-ins-image.sh" "$d/bad/n.ins" "$d/bad/x.img" || return 1
	[ ! -e "$d/bad/x.img" ] && [ ! -e "$d/bad/x.img.tmp" ] || { echo "a refused .ins left an image"; return 1; }
}

# The Raspberry Pi SD card's tools on made-up files: the same card from
# a build with the clock 397 days on in another time zone; an MBR with
# a bootable FAT32 partition and the data partition, whose disk
# signature the PARTUUID for cmdline.txt names; a config.txt naming a
# file that is not on the card is refused with its line.
t_rpi_images() {
	d=$work/rpi-images
	rm -rf "$d" && mkdir -p "$d/files"
	img=$top/support/image
	initramfs=$(sed -n 's/^initramfs \([^ ]*\) .*/\1/p' "$top/board/raspberrypi/rpi4-64/config.txt")
	for f in Image "$initramfs" bcm2711-rpi-4-b.dtb bcm2837-rpi-3-b.dtb bcm2711-rpi-cm4-io.dtb start4.elf; do
		head -c 200000 /dev/urandom > "$d/files/$f"
	done
	cp "$top/board/raspberrypi/rpi4-64/config.txt" "$d/files/"
	echo 'console=ttyS1,115200' > "$d/files/cmdline.txt"
	sh "$img/rpi-config-check.sh" "$d/files/config.txt" "$d/files"/* || return 1
	for run in a b; do
		shift_time=
		[ "$run" = a ] || shift_time="faketime -f +397d env TZ=Pacific/Chatham"
		# shellcheck disable=SC2046
		$shift_time env SOURCE_DATE_EPOCH=1796000000 sh "$img/fat-image.sh" "$d/boot-$run.img" 40 1234abcd KITROOTBOOT \
			$(for f in "$d/files"/*; do echo "$f:::/${f##*/}"; done) &&
			$shift_time sh "$img/disk-image.sh" "$d/card-$run.img" dos "$d/boot-$run.img" 16 seed \
				"$top/pkg/data-partition/files/blank-marker" || return 1
	done
	cmp "$d/card-a.img" "$d/card-b.img" || { echo "the card depends on the clock or the time zone"; return 1; }
	sfdisk --dump "$d/card-a.img" | tee "$d/sfdisk"
	partuuid=$(sh "$img/disk-image.sh" --partuuid seed 2)
	echo "PARTUUID of the data partition: $partuuid"
	grep -qx "label-id: 0x${partuuid%-02}" "$d/sfdisk" &&
		grep -Eq 'card-a\.img1 : start= *2048, size= *81920, type=c, bootable$' "$d/sfdisk" &&
		grep -Eq 'card-a\.img2 : start= *83968, size= *32768, type=83$' "$d/sfdisk" || { echo "unexpected table"; return 1; }
	MTOOLS_SKIP_CHECK=1 MTOOLSRC=/dev/null mtype -i "$d/card-a.img@@1M" ::/config.txt | cmp - "$d/files/config.txt" ||
		{ echo "config.txt on the card differs"; return 1; }
	rm "$d/files/bcm2711-rpi-cm4-io.dtb"
	! sh "$img/rpi-config-check.sh" "$d/files/config.txt" "$d/files"/* 2> "$d/err" || { echo "accepted a missing device tree"; return 1; }
	cat "$d/err"
	grep -q 'config.txt:[0-9]*: bcm2711-rpi-cm4-io.dtb is not on the boot partition' "$d/err"
}

# The IBM Z device step on a made-up sysfs: kitroot.ccw sets devices
# online, kitroot.znet groups a qeth device, sets its attributes and
# sets it online; a bad bus ID, attribute or missing device is named
# and fails the step, and nothing is written for a bad kitroot.znet.
t_s390_devices() {
	d=$work/s390-devices
	rm -rf "$d" && mkdir -p "$d/sys/bus/ccw/devices/0.0.0200" "$d/sys/bus/ccwgroup/drivers/qeth" \
		"$d/sys/bus/ccwgroup/devices/0.0.f500"
	: > "$d/sys/bus/ccw/devices/0.0.0200/online"
	: > "$d/sys/bus/ccwgroup/drivers/qeth/group"
	# (the kernel makes the group's directory when group is written)
	for a in online layer2 portno; do : > "$d/sys/bus/ccwgroup/devices/0.0.f500/$a"; done
	step=$top/pkg/s390-devices/files/10-s390-devices
	echo 'quiet kitroot.ccw=0.0.0200 kitroot.znet=qeth,0.0.F500,0.0.f501,0.0.f502,layer2=1,portno=1' > "$d/cmdline"
	KR_SYSFS=$d/sys KR_CMDLINE=$d/cmdline sh "$step" || return 1
	# (grouped already: only its attributes and online are written)
	[ "$(cat "$d/sys/bus/ccw/devices/0.0.0200/online")" = 1 ] &&
	[ ! -s "$d/sys/bus/ccwgroup/drivers/qeth/group" ] &&
	[ "$(cat "$d/sys/bus/ccwgroup/devices/0.0.f500/layer2")" = 1 ] &&
	[ "$(cat "$d/sys/bus/ccwgroup/devices/0.0.f500/portno")" = 1 ] &&
	[ "$(cat "$d/sys/bus/ccwgroup/devices/0.0.f500/online")" = 1 ] || { echo "not written as asked"; return 1; }
	# not grouped yet: group is written (this sysfs makes no device of
	# it, so the step then says what is missing)
	rm -r "$d/sys/bus/ccwgroup/devices/0.0.f500"
	echo 'kitroot.znet=qeth,0.0.f500,0.0.f501,0.0.f502,layer2=1' > "$d/cmdline"
	! KR_SYSFS=$d/sys KR_CMDLINE=$d/cmdline sh "$step" 2> "$d/err" || { echo "a missing group was not noticed"; return 1; }
	[ "$(cat "$d/sys/bus/ccwgroup/drivers/qeth/group")" = 0.0.f500,0.0.f501,0.0.f502 ] &&
		grep -q "kitroot.znet 0.0.f500: no $d/sys/bus/ccwgroup/devices/0.0.f500/layer2" "$d/err" ||
		{ cat "$d/err"; echo "not grouped"; return 1; }
	mkdir -p "$d/sys/bus/ccwgroup/devices/0.0.f500" && : > "$d/sys/bus/ccwgroup/devices/0.0.f500/online"
	: > "$d/sys/bus/ccwgroup/drivers/qeth/group"
	echo 'kitroot.ccw=0.0.0201,zz kitroot.znet=qeth,0.0.f500,0.0.f501,0.0.f502,../x=1 kitroot.znet=lcs,0.0.1' > "$d/cmdline"
	! KR_SYSFS=$d/sys KR_CMDLINE=$d/cmdline sh "$step" 2> "$d/err" || { echo "bad input accepted"; return 1; }
	cat "$d/err"
	grep -q "kitroot.ccw 0.0.0201: no $d/sys/bus/ccw/devices/0.0.0201/online" "$d/err" &&
	grep -q "kitroot.ccw: 'zz' is not a bus ID" "$d/err" &&
	grep -q "kitroot.znet: '../x' is not an attribute name" "$d/err" &&
	grep -q "kitroot.znet: 'lcs' is not a driver kitroot knows" "$d/err" || return 1
	[ ! -s "$d/sys/bus/ccwgroup/devices/0.0.f500/online" ] && [ ! -s "$d/sys/bus/ccwgroup/drivers/qeth/group" ] &&
		[ ! -e "$d/sys/bus/ccwgroup/x" ] || { echo "a refused kitroot.znet wrote to sysfs"; return 1; }
}

# A source in the download cache is verified again when it is
# extracted, not only when it was fetched: a tampered copy stops the
# build, naming the file and both hashes, and nothing is extracted.
t_tampered_cache() {
	d="$work/tamper"
	file=$(awk '$1 == "sha256" && $3 ~ /\.tar\./ { print $3; exit }' "$top/kernel/linux.hash")
	[ -n "$file" ] || { echo "no kernel tarball in kernel/linux.hash"; return 1; }
	mkdir -p "$d/cache/linux"
	echo "not the kernel" > "$d/cache/linux/$file"
	! make -C "$top" O="$d/o" KR_DL_DIR="$d/cache" host-linux-tools-extract > "$d/log" 2>&1 || return 1
	cat "$d/log"
	grep -q "check-hash: $file: hash mismatch" "$d/log" &&
	grep -q "expected sha256 $(awk -v f="$file" '$3 == f { print $2 }' "$top/kernel/linux.hash")" "$d/log" &&
	grep -q "actual   sha256 $(sha256sum < "$d/cache/linux/$file" | cut -d' ' -f1)" "$d/log" &&
	grep -q "in the download cache is not the file that was pinned" "$d/log" &&
	[ ! -e "$d/o/build/host-linux-tools-"*/.stamp_extracted ] &&
	[ -z "$(ls "$d/o/build/host-linux-tools-"* 2>/dev/null | grep -v '^$')" ]
}

# The output directory is the only thing clean and distclean delete,
# and only when kitroot made it: the checkout, a directory above it, /,
# $HOME, a directory of someone else's files, a path with a space (that
# make would split) and a symlink to the checkout are all refused, and
# nothing of theirs is lost.  make -n: the claim on O is made while the
# makefiles are read, so no recipe needs to run.
t_output_dir_safety() {
	d="$work/outdir"
	mkdir -p "$d/home" "$d/victim" "$d/mine" "$d/real"
	echo keep > "$d/home/precious"; echo keep > "$d/victim/precious"; echo keep > "$d/mine/precious"
	refused() { # O GOAL... : make fails, says why, and nothing is lost
		ro=$1; shift
		! HOME="$d/home" make -s -C "$top" O="$ro" "$@" > "$d/out" 2>&1 || {
			echo "make O=$* was not refused"; cat "$d/out"; return 1; }
		cat "$d/out"
		[ -f "$top/Makefile" ] && [ -f "$d/home/precious" ] && [ -f "$d/victim/precious" ] &&
		[ -f "$d/mine/precious" ] || { echo "make O=$* lost files"; return 1; }
	}
	for o in . .. / "$d/home"; do
		for goal in "-n host-linux-tools-source" clean distclean; do
			# shellcheck disable=SC2086
			refused "$o" $goal || return 1
		done
		grep -q 'the checkout\|holds the checkout\|home directory' "$d/out" || return 1
	done
	for goal in "-n host-linux-tools-source" distclean clean; do
		# shellcheck disable=SC2086
		refused "$d/victim dir" $goal && grep -q "holds a space" "$d/out" || return 1
	done
	[ ! -e "$top/dir" ] || { echo "a directory 'dir' was made in the checkout"; return 1; }
	refused "$d/q'uote" -n host-linux-tools-source && grep -q "a path make cannot carry" "$d/out" || return 1
	# Someone else's directory: no marker, files of its own.
	for goal in "-n host-linux-tools-source" clean distclean; do
		# shellcheck disable=SC2086
		refused "$d/mine" $goal || return 1
	done
	grep -q "no .kitroot-output file" "$d/out" || return 1
	# A checkout path with a space.
	mkdir -p "$d/sp ace" && ln -s "$top" "$d/sp ace/kitroot"
	! make -s -f "$d/sp ace/kitroot/Makefile" -n host-linux-tools-source > "$d/out" 2>&1 &&
		grep -q "a path make cannot carry" "$d/out" || { cat "$d/out"; return 1; }
	# A symlink to the checkout is the checkout.
	ln -s "$top" "$d/link-to-top"
	refused "$d/link-to-top" distclean || return 1
	# Kitroot's own: a new O is claimed (and one holding only a .config).
	make -s -C "$top" O="$d/new" -n host-linux-tools-source > /dev/null 2>&1 && [ -f "$d/new/.kitroot-output" ] || return 1
	mkdir -p "$d/cfg" && echo 'KR_JLEVEL=2' > "$d/cfg/.config"
	make -s -C "$top" O="$d/cfg" -n host-linux-tools-source > /dev/null 2>&1 && [ -f "$d/cfg/.kitroot-output" ] || return 1
	mkdir -p "$d/cfg/build/x" "$d/cfg/images" && make -s -C "$top" O="$d/cfg" clean &&
		[ ! -e "$d/cfg/build" ] && [ ! -e "$d/cfg/images" ] && [ -f "$d/cfg/.config" ] || return 1
	make -s -C "$top" O="$d/new" distclean && [ ! -e "$d/new" ] || return 1
	# A symlinked O: the directory it names is emptied, link and directory kept.
	ln -s "$d/real" "$d/link"
	make -s -C "$top" O="$d/link" -n host-linux-tools-source > /dev/null 2>&1 && [ -f "$d/real/.kitroot-output" ] &&
		echo x > "$d/real/.config" && mkdir -p "$d/real/build/y" &&
		make -s -C "$top" O="$d/link" distclean && [ -L "$d/link" ] && [ -d "$d/real" ] &&
		[ ! -e "$d/real/build" ] && [ ! -e "$d/real/.config" ]
}

# The configuration's entry points agree: a front-end in a new O starts
# from the default defconfig as `make` does; a symbol a script appended
# to .config wins with a warning (an unknown one is still an error);
# savedefconfig keeps the description and refuses without a .config;
# update-defconfig writes back the defconfig O came from; a defconfig
# goal given with a build goal is made first; `cd O && make` works.
t_config_entry_points() {
	d="$work/entry" o="$work/entry/o"
	mkdir -p "$d" && cp -a "$top/test/external" "$d/ext" || return 1
	make -s -C "$top" O="$o" olddefconfig > "$d/log" 2>&1 &&
	grep -q "no $o/.config: starting from configs/qemu_x86_64_defconfig" "$d/log" &&
	grep -qx 'KR_PACKAGE_CONTAINERD=y' "$o/.config" || { cat "$d/log"; return 1; }
	printf 'KR_JLEVEL=7\n# KR_JLEVEL is not set\nKR_JLEVEL=5\n' >> "$o/.config"
	make -s -C "$top" O="$o" olddefconfig > "$d/log" 2>&1 &&
	grep -q "sets KR_JLEVEL more than once; the last line wins: KR_JLEVEL=5" "$d/log" &&
	grep -qx 'KR_JLEVEL=5' "$o/.config" || { cat "$d/log"; return 1; }
	echo 'KR_NO_SUCH_SYMBOL=y' >> "$o/.config"
	! make -s -C "$top" O="$o" olddefconfig > "$d/log" 2>&1 &&
	grep -q "unknown symbol: KR_NO_SUCH_SYMBOL" "$d/log" || { cat "$d/log"; return 1; }
	sed -i '/KR_NO_SUCH_SYMBOL/d' "$o/.config"
	# savedefconfig keeps the description of the defconfig O came from
	(cd "$o" && make -s savedefconfig) > "$d/log" 2>&1 &&
	grep -q "wrote $o/defconfig" "$d/log" &&
	[ "$(head -n 3 "$o/defconfig")" = "$(head -n 3 "$top/configs/qemu_x86_64_defconfig")" ] &&
	grep -qx 'KR_JLEVEL=5' "$o/defconfig" || { cat "$d/log"; return 1; }
	# update-defconfig, on a copy of the example external tree
	make -s -C "$top" O="$o" KR_EXTERNAL="$d/ext" kitroot_test_x86_64_defconfig > "$d/log" 2>&1 &&
	echo 'KR_JLEVEL=4' >> "$o/.config" &&
	make -s -C "$top" O="$o" update-defconfig > "$d/log" 2>&1 &&
	grep -q "wrote $d/ext/configs/kitroot_test_x86_64_defconfig" "$d/log" &&
	grep -qx 'KR_JLEVEL=4' "$d/ext/configs/kitroot_test_x86_64_defconfig" &&
	[ "$(head -n 1 "$d/ext/configs/kitroot_test_x86_64_defconfig")" = \
		"$(head -n 1 "$top/test/external/configs/kitroot_test_x86_64_defconfig")" ] ||
		{ cat "$d/log"; return 1; }
	# a defconfig goal before a build goal is made first
	make -s -C "$top" O="$o" KR_EXTERNAL= qemu_aarch64_virt_minimal_defconfig busybox-source > "$d/log" 2>&1 &&
	[ "$(cat "$o/build/.kitroot-arch")" = aarch64 ] &&
	! grep -q "x86_64" "$d/log" || { cat "$d/log"; return 1; }
	# no .config: savedefconfig refuses and writes nothing
	rm -f "$o/.config" "$o/defconfig"
	! make -s -C "$top" O="$o" savedefconfig > "$d/log" 2>&1 &&
	grep -q "no such file: there is no configuration to save" "$d/log" && [ ! -e "$o/defconfig" ] ||
		{ cat "$d/log"; return 1; }
}

# The root filesystem's overlays and post-build scripts
# (support/build/rootfs-finalize.sh), on a stand-in target tree: the
# overlay replaces a hard-linked file at its name only, the script sees
# the copy and its arguments, and each dangerous overlay is refused
# naming the path, with the target tree untouched.
t_rootfs_overlay() {
	d="$work/overlay"
	t="$d/target"
	mkdir -p "$t/bin" "$t/etc" "$t/run" "$t/containers/services/web/rootfs/www" "$d/ov/etc" "$d/ov/bin" \
		"$d/ov/containers/services/web/rootfs/www" || return 1
	echo busybox > "$t/bin/busybox" && ln "$t/bin/busybox" "$t/bin/sh-copy" && ln -s /run "$t/var-run" &&
	echo '{}' > "$t/containers/services/web/config.json" || return 1
	echo motd > "$d/ov/etc/motd" && echo mine > "$d/ov/bin/sh-copy" && echo page > "$d/ov/containers/services/web/rootfs/www/index.html"
	printf '#!/bin/sh\necho "$TARGET_DIR|$1|$2|$3" > "$1/etc/seen"\n' > "$d/post.sh" && chmod +x "$d/post.sh"
	sh "$top/support/build/rootfs-finalize.sh" "$t" "$d/rootfs" "$d/ov" "$d/post.sh" "a b" || return 1
	[ "$(cat "$d/rootfs/etc/motd")" = motd ] && [ "$(cat "$d/rootfs/bin/sh-copy")" = mine ] &&
	[ "$(cat "$d/rootfs/bin/busybox")" = busybox ] && [ "$(cat "$t/bin/sh-copy")" = busybox ] &&
	[ "$(cat "$d/rootfs/containers/services/web/rootfs/www/index.html")" = page ] &&
	[ "$(cat "$d/rootfs/etc/seen")" = "$d/rootfs.tmp|$d/rootfs.tmp|a|b" ] &&
	[ ! -e "$t/etc/motd" ] || { echo "the overlay or the script did not land as they should"; return 1; }
	# removed from the overlay: gone from the next image
	rm "$d/ov/etc/motd"
	sh "$top/support/build/rootfs-finalize.sh" "$t" "$d/rootfs" "$d/ov" "" "" && [ ! -e "$d/rootfs/etc/motd" ] || return 1
	refused() { # NAME MESSAGE: overlay $d/bad-NAME is refused
		! sh "$top/support/build/rootfs-finalize.sh" "$t" "$d/rootfs-$1" "$d/bad-$1" "" "" > "$d/$1.err" 2>&1 &&
		grep -q "$2" "$d/$1.err" && [ ! -e "$d/rootfs-$1" ] ||
		{ echo "$1: no error with '$2':"; cat "$d/$1.err"; return 1; }
	}
	mkdir -p "$d/bad-symlink/var-run" "$d/bad-config/containers/services/web" \
		"$d/bad-nocontainer/containers/services/webb/rootfs" "$d/bad-fifo" "$d/bad-space/etc" "$d/bad-dir/etc/motd"
	echo x > "$d/bad-symlink/var-run/escape"
	echo '{"process":{"capabilities":{}}}' > "$d/bad-config/containers/services/web/config.json"
	echo x > "$d/bad-nocontainer/containers/services/webb/rootfs/f"
	mkfifo "$d/bad-fifo/pipe"
	echo x > "$d/bad-space/etc/a b"
	echo x > "$d/bad-dir/etc/motd/x" && echo x > "$t/etc/motd"
	refused symlink "var-run: a directory in the overlay, a symlink in the image (to /run)" &&
	refused config "containers/services/web/config.json: a container's config.json comes from its spec" &&
	refused nocontainer "the image has no container containers/services/webb" &&
	refused fifo "pipe: not a file, directory or symlink" &&
	refused space "has a blank in its name" &&
	refused dir "etc/motd: a directory in the overlay, a file in the image" || return 1
	[ ! -e /run/escape ] && [ ! -e "$t/var-run/escape" ] || { echo "an overlay wrote through a symlink"; return 1; }
	! sh "$top/support/build/rootfs-finalize.sh" "$t" "$d/rootfs" "ov-relative" "" "" 2> "$d/rel.err" &&
	grep -q "give an absolute path" "$d/rel.err"
}

# The accounts of the login containers (support/build/users.sh): a
# table's users, groups, homes and keys land as written; root's hash is
# read from .config; plain text, weak hashes and each table fault stop
# the build naming TABLE:LINE.
t_users_table() {
	d="$work/users"
	r="$d/rootfs"
	mkdir -p "$r/etc" "$r/bin" && : > "$r/bin/sh" || return 1
	h6='$6$kitroottest$'$(printf 'a%.0s' $(seq 86))
	h5='$5$salt$'$(printf 'b%.0s' $(seq 43))
	echo 'ssh-ed25519 AAAAkey alice' > "$d/alice.keys"
	printf '# NAME UID GROUPS HOME SHELL PASSWORD KEYS\n\nalice 1000 wheel=10,video=44 - /bin/sh %s alice.keys\nbob 1001 wheel=10 /srv/bob /bin/sh * -\ncarol 1002 - - /bin/sh %s -\n' \
		"$h6" "$h5" > "$d/ok.table"
	printf 'KR_ROOT_PASSWORD_HASH="%s"\n' "$h6" > "$d/config"
	sh "$top/support/build/users.sh" "$r" -r "$d/config" -k "$d/alice.keys" "$d/ok.table" || return 1
	cat "$r/etc/passwd" "$r/etc/group"
	grep -qx 'root:x:0:0:root:/root:/bin/sh' "$r/etc/passwd" &&
	grep -qx 'alice:x:1000:1000:alice:/home/alice:/bin/sh' "$r/etc/passwd" &&
	grep -qx 'bob:x:1001:1001:bob:/srv/bob:/bin/sh' "$r/etc/passwd" &&
	grep -qx 'wheel:x:10:alice,bob' "$r/etc/group" && grep -qx 'video:x:44:alice' "$r/etc/group" &&
	grep -qx 'alice:x:1000:' "$r/etc/group" &&
	grep -qxF "root:$h6:0:0:99999:7:::" "$r/etc/shadow" && grep -qx 'bob:\*:0:0:99999:7:::' "$r/etc/shadow" &&
	grep -qxF "carol:$h5:0:0:99999:7:::" "$r/etc/shadow" &&
	[ "$(stat -c %a "$r/etc/shadow")" = 600 ] && [ -d "$r/srv/bob" ] &&
	cmp -s "$d/alice.keys" "$r/home/alice/.ssh/authorized_keys" && cmp -s "$d/alice.keys" "$r/root/.ssh/authorized_keys" ||
		{ echo "the accounts are not as the table says"; return 1; }
	# the debug option: root without a password
	sh "$top/support/build/users.sh" "$r" -p && grep -qx 'root::0:0:root:/root:/bin/sh' "$r/etc/passwd" || return 1
	refused() { # NAME MESSAGE LINE: a one-line table
		printf '%s\n' "$3" > "$d/$1.table"
		! sh "$top/support/build/users.sh" "$r" "$d/$1.table" > "$d/$1.err" 2>&1 &&
		grep -qF "$2" "$d/$1.err" || { echo "$1: no error with '$2':"; cat "$d/$1.err"; return 1; }
	}
	refused plain "$d/plain.table:1: alice's password is not a SHA-256/512 crypt hash" "alice 1000 - - /bin/sh secret -" &&
	refused md5 "too weak (\$1\$)" 'alice 1000 - - /bin/sh $1$salt$abcdefghijklmnopqrstuv -' &&
	refused fields "$d/fields.table:1: expected NAME UID GROUPS HOME SHELL PASSWORD KEYS (7 fields" "alice 1000 - - /bin/sh *" &&
	refused root "root is kitroot's own account" "root 1000 - - /bin/sh * -" &&
	refused uid "UID '0'" "alice 0 - - /bin/sh * -" &&
	refused shell "shell /bin/bash is not in this container" "alice 1000 - - /bin/bash * -" &&
	refused home "home /etc/x is a system directory" "alice 1000 - /etc/x /bin/sh * -" &&
	refused group "group 'wheel': NAME=GID" "alice 1000 wheel - /bin/sh * -" &&
	refused keys "alice's keys file $d/nokeys: no such file" "alice 1000 - - /bin/sh * nokeys" || return 1
	printf 'alice 1000 - - /bin/sh * -\nalice 1001 - - /bin/sh * -\n' > "$d/twice.table"
	! sh "$top/support/build/users.sh" "$r" "$d/twice.table" 2> "$d/twice.err" &&
	grep -q "twice.table:2: user alice is defined twice" "$d/twice.err" || return 1
	printf 'KR_ROOT_PASSWORD_HASH="hunter2"\n' > "$d/config"
	! sh "$top/support/build/users.sh" "$r" -r "$d/config" 2> "$d/root.err" &&
	grep -q "KR_ROOT_PASSWORD_HASH: root's password is not a SHA-256/512 crypt hash" "$d/root.err"
}

# cve-check's version order (support/sbom/versions.jq) agrees with dpkg
# on every pair of versions of the kinds feeds and packages use (epochs,
# revisions, ~ and + suffixes, snapshots, letters); and semver's
# pre-releases sort before their release.
t_cve_version_order() {
	set -- 1.0 1.0-1 1.0~rc1 1.0~rc1-1 1:0.9 1.0+ds1-2 1.1.15+ds1-2 1.1.15+ds1-3 1.1.15 2.0.0 \
		1.10 1.9 1.0a 1.0.a 1.0-1.1 0.0~git20240927.0f3dac3-1 1.37.0 1.37.0-6 1:1.37.0-6 6.12.57 \
		6.12.50 6.12 252.39-1~deb12u2 252.39-1 1.2.5 1.2.5-3.1~deb13u1 0 1.0~~ 1.0~ 1.0b 1.0+b1
	for a in "$@"; do for b in "$@"; do
		if dpkg --compare-versions "$a" lt "$b"; then want=-1
		elif dpkg --compare-versions "$a" eq "$b"; then want=0; else want=1; fi
		printf '%s %s %s\n' "$a" "$b" "$want"
	done; done > "$work/version-pairs"
	jq -n -r -R -L "$top/support/sbom" 'include "versions";
		inputs | split(" ") | select(cmp_debian(.[0]; .[1]) != (.[2] | tonumber))
		| "\(.[0]) vs \(.[1]): dpkg says \(.[2]), cve-check \(cmp_debian(.[0]; .[1]))"' \
		"$work/version-pairs" > "$work/version-wrong"
	[ ! -s "$work/version-wrong" ] || { cat "$work/version-wrong"; return 1; }
	echo "$(wc -l < "$work/version-pairs") pairs ordered as dpkg orders them"
	got=$(jq -n -r -L "$top/support/sbom" 'include "versions";
		[ cmp_semver("v1.2.3"; "1.2.3"), cmp_semver("1.2.3-rc1"; "1.2.3"), cmp_semver("1.2.3"; "1.10.0"),
		  cmp_semver("v0.0.0-0.20240927000000-0f3dac3"; "v0.0.1"), cmp_semver("1.24.4"; "1.24.5") ] | map(tostring) | join(" ")')
	[ "$got" = "0 -1 -1 -1 -1" ] || { echo "semver order: got $got, want 0 -1 -1 -1 -1"; return 1; }
}

run_infra_tests() {
	check infra-hash-mismatch t_hash_mismatch
	check infra-mirror-and-cache t_mirror_then_cache
	check infra-debian-debs t_debs
	check infra-missing-hash-line t_no_hash_line
	check infra-permission-table t_permission_table
	check infra-kconfig-fragment-check t_check_kconfig
	check infra-kspp-hardening-check t_check_hardening
	check infra-security-defaults-check t_check_security_defaults
	check infra-boot-probe-judgement t_probe_checks
	check infra-unknown-defconfig t_unknown_defconfig
	check infra-external-tree t_external_tree
	check infra-host-deps t_host_deps
	check infra-host-deps-cross-and-plugins-in-one-run t_host_deps_cross
	check infra-source-date-epoch t_source_date_epoch
	check infra-default-jobs t_default_jobs
	check infra-verify-bad-sums t_verify_bad_sums
	check infra-arch-facts t_arch_facts
	check package-lint t_package_lint
	check infra-tampered-cache t_tampered_cache
	check infra-efi-image-tools t_efi_tools
	check infra-s390-image-tools t_s390_images
	check infra-s390-devices t_s390_devices
	check infra-rpi-image-tools t_rpi_images
	check infra-output-dir-safety t_output_dir_safety
	check infra-config-entry-points t_config_entry_points
	check infra-rootfs-overlay t_rootfs_overlay
	check infra-users-table t_users_table
	check infra-cve-version-order t_cve_version_order
}
