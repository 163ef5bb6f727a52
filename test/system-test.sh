# The system test: build each QEMU configuration from scratch in a
# temporary output directory, boot it in QEMU (TCG unless KVM really
# works), and check it over the serial console as a user would.
# KR_TEST_CONFIGS picks the configurations (default: the x86_64
# containerd system and the minimal aarch64 and s390x systems, one per
# architecture to stay inside CI's time).  Sourced by test/run.sh.

. "$top/support/lib/qemu-console.sh"

# sys_set SYMBOL VALUE: sets a symbol in the build's .config (Kconfig
# refuses a symbol given twice).
sys_set() {
	sed -i "/^$1=/d; /^# $1 is not set\$/d" "$sys_o/.config"
	printf '%s=%s\n' "$1" "$2" >> "$sys_o/.config"
}

# A system with containerd gets the test's own options: root logs in on
# the console without a password, the test web server runs, sshd takes
# a key made for the test, and the test's external tree (test/external)
# adds an onboot and an onshutdown container that hang past their
# timeouts, and an onboot container that probes the seccomp filter.
sys_build() {
	make -C "$top" O="$sys_o" "${sys_config}_defconfig" || return 1
	if [ "$(sys_setting KR_PACKAGE_CONTAINERD)" = y ]; then
		rm -f "$work/ssh-key" "$work/ssh-key.pub"
		ssh-keygen -q -t ed25519 -N '' -C kitroot-test -f "$work/ssh-key" || return 1
		sys_set KR_PACKAGE_GETTY_PASSWORDLESS y
		sys_set KR_PACKAGE_HTTPD y
		sys_set KR_PACKAGE_SSHD y
		sys_set KR_PACKAGE_HANG_ONBOOT y
		sys_set KR_PACKAGE_HANG_ONSHUTDOWN y
		sys_set KR_PACKAGE_SYSCALL_PROBE y
		# on x86_64, the test tree's board: kitroot's QEMU board with an
		# overlay, a post-build and a post-image script
		if [ "$(sys_setting KR_ARCH)" = x86_64 ]; then
			# shellcheck disable=SC2016
			for s in KR_BOARD_DIR KR_ROOTFS_OVERLAY KR_POST_BUILD_SCRIPT KR_POST_IMAGE_SCRIPT \
				KR_POST_SCRIPT_ARGS; do
				sys_set "$s" "$(grep "^$s=" "$top/test/external/configs/kitroot_test_x86_64_defconfig" |
					cut -d= -f2-)"
			done
		fi
		make -C "$top" O="$sys_o" KR_EXTERNAL="$top/test/external" olddefconfig || return 1
		sys_set KR_PACKAGE_SSHD_AUTHORIZED_KEYS "\"$work/ssh-key.pub\""
		# a users table: alice, in wheel, with the test's key and the
		# password kitroot-test (docs/customising.md)
		printf 'alice 1000 wheel=10 - /bin/sh %s %s\n' \
			"$(openssl passwd -6 -salt kitroottest kitroot-test)" "$work/ssh-key.pub" > "$work/users.table"
		sys_set KR_USERS_TABLES "\"$work/users.table\""
		make -C "$top" O="$sys_o" olddefconfig || return 1
	fi
	# On aarch64, the one aarch64 kernel also makes the generic UEFI disk
	# image and the Raspberry Pi's SD card, each with a data partition
	# (test/efi-test.sh, test/rpi-test.sh).
	if [ "$(sys_setting KR_ARCH)" = aarch64 ]; then
		sys_set KR_LINUX_DTBS "$(sed -n 's/^KR_LINUX_DTBS=//p' "$top/configs/raspberrypi4_64_defconfig")"
		sys_set KR_PACKAGE_DATA_PARTITION y
		sys_set KR_IMAGE_DISK y
		sys_set KR_IMAGE_RPI_FIRMWARE_LICENSE y
		sys_set KR_IMAGE_RPI_SDCARD y
		make -C "$top" O="$sys_o" olddefconfig || return 1
	fi
	# UEFI images are signed with a key made for the test (not the
	# user's): run-efi.sh enrolls its certificate in the firmware's
	# variables.  One per configuration: the reproducibility check
	# rebuilds the x86_64 system with its key after the other
	# configurations were made.
	if [ "$(sys_setting KR_IMAGE_SECURE_BOOT)" = y ]; then
		keys=$work/secure-boot-$sys_config
		rm -rf "$keys"
		sh "$top/support/image/secure-boot-key.sh" "$keys" || return 1
		sys_set KR_IMAGE_SECURE_BOOT_KEY "\"$keys/db.key\""
		sys_set KR_IMAGE_SECURE_BOOT_CERT "\"$keys/db.crt\""
		make -C "$top" O="$sys_o" olddefconfig || return 1
	fi
	# Offline from here (no network namespace of the host): make source
	# fetched everything the build needs (docs/downloads.md).
	make -C "$top" O="$sys_o" host-deps source || return 1
	unshare -n make -C "$top" O="$sys_o" -j2
}

# sys_disk_table IMAGE DUMP LABEL PART1 PART2: sfdisk's dump of disk
# image IMAGE, kept in DUMP and shown, has the partition table LABEL
# (gpt, dos) and lines matching the extended regexes PART1 and PART2.
sys_disk_table() {
	sfdisk --dump "$1" > "$2" || return 1
	cat "$2"
	grep -q "^label: $3\$" "$2" && grep -Eq "$4" "$2" && grep -Eq "$5" "$2" ||
		{ echo "unexpected partition table"; return 1; }
}

sys_busybox_version() { sed -n 's/^BUSYBOX_VERSION = //p' "$top/pkg/busybox/busybox.mk"; }

# A setting of the built configuration.
. "$top/support/lib/config.sh"
sys_setting() { config_get "$sys_o/.config" "$1"; }

# sys_images_copy NAME FILE...: $work/NAME/images (sets d) with copies
# of the build's images/FILEs, beside a copy of its .config and its host
# tools: an images directory the board's scripts boot, to which the
# caller adds or changes what it tests.
sys_images_copy() {
	d=$work/$1/images
	shift
	rm -rf "${d%/images}" && mkdir -p "$d" &&
		cp "$sys_o/.config" "$d/../.config" && ln -s "$sys_o/host" "$d/../host" || return 1
	for f in "$@"; do cp "$sys_o/images/$f" "$d/" || return 1; done
}

# The build's initramfs: rootfs.cpio.zst, .xz or .gz (KR_ROOTFS_*);
# zstd reads all three.
sys_initramfs() { ls "$sys_o"/images/rootfs.cpio.* | head -n 1; }

# Every ELF file in the image itself (unpacked from the initramfs):
# kr-elfcheck's demands (the target's machine, PIE, full RELRO, NX
# stack, no W+X, stack canaries), and no host header path or build
# directory path inside.
sys_image_elves() {
	root="$work/image-$sys_config"
	rm -rf "$root" && mkdir -p "$root"
	zstd -dcq "$(sys_initramfs)" | (cd "$root" && cpio -id --quiet --no-absolute-filenames) ||
		{ echo "cannot unpack the initramfs"; return 1; }
	# the build's list of its Go programs, and with modules the
	# kernel build's signing certificate (support/make/image.mk)
	set -- -m "$(sys_setting KR_ELF_MACHINE_NUMBER)" -p "$root" -g "$sys_o/build/go-programs.list"
	[ "$(sys_setting KR_LINUX_MODULES)" != y ] ||
		set -- "$@" -k "$(echo "$sys_o"/build/linux-*/kbuild/certs/signing_key.x509)"
	"$sys_o/host/bin/kr-elfcheck" "$@" "$root" || return 1
	for f in $(find "$root" -type f); do
		head -c 4 "$f" | grep -q ELF || continue
		if grep -aq -e /usr/include -e "$sys_o" "$f"; then echo "$f: host path inside"; return 1; fi
	done
}

# The configuration's own wrapper compiles a C program into a static PIE
# for the target, and refuses a host include directory.
sys_wrapper() {
	cc=$(echo "$sys_o"/host/bin/*-kitroot-linux-musl-gcc)
	src="$work/hello-$sys_config.c"
	printf '#include <stdio.h>\nint main(void) { return puts("hello") < 0; }\n' > "$src"
	"$cc" -o "$work/hello-$sys_config" "$src" || return 1
	readelf -h "$work/hello-$sys_config" | grep -q "Machine:.*$sys_machine" || return 1
	readelf -h "$work/hello-$sys_config" | grep -q 'Type:.*DYN' || return 1
	! readelf -l "$work/hello-$sys_config" | grep -q INTERP || return 1
	! "$cc" -I/usr/include -c "$src" -o "$work/hello.o" 2> "$work/refuse-$sys_config.err" &&
	grep -q "refusing '-I/usr/include'" "$work/refuse-$sys_config.err"
}

# sys_expect NAME CMD REGEX: the output of CMD, lines joined by spaces,
# must match REGEX.
sys_expect() {
	out=$(console_run "$2" 30) || { echo "no answer to: $2"; return 1; }
	out=$(printf '%s' "$out" | tr '\n' ' ')
	echo "$2 -> $out"
	echo "$out" | grep -Eq "$3"
}

# The console shell, ended, is started again at once (init's console
# supervision): another shell answers, and no back-off was needed.
# (The suite's functions share their variables: these names are its own.)
sys_console_restarts() {
	shell_before=$(console_run 'echo $$' 30 | tr -d '\r')
	console_send exit
	# The old shell's exit hangs up the console (the kernel does so when
	# a session leader with a serial tty ends), which throws away a line
	# typed before the hang-up: ask again until the new shell answers.
	for try in 1 2 3; do
		shell_after=$(console_run 'echo $$' 20 | tr -d '\r') && [ -n "$shell_after" ] && break
	done
	echo "shell PID $shell_before; after exit, shell PID $shell_after"
	[ -n "$shell_before" ] && [ -n "$shell_after" ] && [ "$shell_before" != "$shell_after" ] &&
		! console_text | grep -q 'the console program ended'
}

# sys_host_web_server DIR PORT FILE: serves DIR on the host's loopback
# (the guest reaches it as 10.0.2.2), once FILE is served; $srv is its
# PID, for kill.
sys_host_web_server() {
	python3 -m http.server --bind 127.0.0.1 "$2" --directory "$1" > "$work/http-$c.log" 2>&1 &
	srv=$!
	i=0
	until curl -fsS -o /dev/null "http://127.0.0.1:$2/$3"; do
		i=$((i + 1))
		[ $i -lt 50 ] || { echo "the host's web server did not start"; kill "$srv"; return 1; }
		sleep 0.2
	done
}

# TCP both ways over QEMU's user network, the address set by hand (the
# minimal systems run no DHCP client): the guest fetches a page from
# the host, and the host one from busybox httpd in the guest through the
# port forward; the guest's kernel counted no bad checksum (s390x under
# QEMU 7.2 dropped every segment so: arch/Config.in.s390x).
sys_tcp_out() {
	www="$work/www-$c"
	mkdir -p "$www" && echo "from the host to $c" > "$www/page.txt"
	sys_host_web_server "$www" $((sys_port + 1)) page.txt || return 1
	sys_expect net-up 'ip addr add 10.0.2.15/24 dev eth0 && ip link set eth0 up && ip route add default via 10.0.2.2 && echo up' '^up$' &&
	sys_expect wget "wget -q -T 20 -O- http://10.0.2.2:$((sys_port + 1))/page.txt" "^from the host to $c\$"
	status=$?
	kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null
	return $status
}

sys_tcp_in() {
	sys_expect httpd "mkdir -p /tmp/www && echo 'from $c to the host' > /tmp/www/index.html && httpd -p 80 -h /tmp/www && echo serving" '^serving$' || return 1
	got=$(curl -fsS -m 30 "http://127.0.0.1:$sys_port/") || { echo "no page through the port forward"; return 1; }
	echo "curl -> $got"
	[ "$got" = "from $c to the host" ] &&
	sys_expect csum 'awk "/^Tcp:/ { n++ } /^Tcp:/ && n == 2 { print \$NF }" /proc/net/snmp' '^0$'
}

# The build writes only under O: the source tree may be read-only.
sys_tree_untouched() {
	changed=$(find "$top" -newer "$work/build-start" -not -path "$top/.git/*" \
		-not -path "$top/output/*" | head -n 5)
	[ -z "$changed" ] || { echo "the build wrote into the source tree:"; echo "$changed"; return 1; }
}

# Kconfig errors name the file and line, on a copy of the tree.
sys_kconfig_errors() {
	tree="$work/tree"
	mkdir -p "$tree"
	tar -C "$top" --exclude=./.git --exclude=./output -cf - . | tar -C "$tree" -xf -
	cp "$tree/Config.in" "$work/Config.in.orig"
	printf 'config KR_BROKEN\n\tbool "broken"\n\tdepends on\n' >> "$tree/Config.in"
	line=$(wc -l < "$tree/Config.in")
	! make -C "$tree" O="$sys_o" olddefconfig > "$work/kc1.log" 2>&1 || return 1
	cat "$work/kc1.log"
	grep -q "^Config.in:$line: syntax error" "$work/kc1.log" || return 1
	cp "$work/Config.in.orig" "$tree/Config.in"
	echo 'KR_NO_SUCH_SYMBOL=y' >> "$tree/configs/qemu_x86_64_defconfig"
	line=$(wc -l < "$tree/configs/qemu_x86_64_defconfig")
	! make -C "$tree" O="$sys_o" qemu_x86_64_defconfig > "$work/kc2.log" 2>&1 || return 1
	cat "$work/kc2.log"
	grep -q "configs/qemu_x86_64_defconfig:$line:warning: unknown symbol: KR_NO_SUCH_SYMBOL" "$work/kc2.log"
}

# An output directory that built one architecture refuses another.
sys_arch_mix() {
	other=qemu_s390x
	[ "$sys_config" != qemu_s390x ] || other=qemu_x86_64
	make -C "$top" O="$sys_o" "${other}_defconfig" > /dev/null || return 1
	! make -C "$top" O="$sys_o" > "$work/mix.log" 2>&1 || return 1
	cat "$work/mix.log"
	grep -q "holds a build for .*use another output directory (make O=DIR ...) or run make clean" \
		"$work/mix.log" &&
	make -C "$top" O="$sys_o" "${sys_config}_defconfig" > /dev/null
}

# A build killed in the middle of a step resumes with a plain `make`.
sys_resume() {
	bb=$sys_o/build/busybox-$(sys_busybox_version)
	[ "$bb" != "$sys_o/build/busybox-" ] || { echo "no BUSYBOX_VERSION in pkg/busybox/busybox.mk"; return 1; }
	make -C "$top" O="$sys_o" "${sys_config}_defconfig" > /dev/null || return 1
	make -C "$top" O="$sys_o" busybox-rebuild > "$work/interrupted.log" 2>&1 &
	pid=$!
	sleep 4
	pkill -TERM -P "$pid" 2>/dev/null || true
	kill -TERM "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	if [ -f "$bb/.stamp_installed" ]; then
		echo "busybox finished before the interruption; nothing was tested"; return 1
	fi
	make -C "$top" O="$sys_o" -j2 > "$work/resumed.log" 2>&1 || { tail "$work/resumed.log"; return 1; }
	[ -f "$bb/.stamp_installed" ] &&
	[ "$(sys_initramfs)" -nt "$bb/.stamp_installed" ]
}

# sys_test_config NAME: build configs/NAME_defconfig, boot it, check it.
sys_test_config() {
	sys_config=$1
	sys_o="$work/o-$sys_config"
	c=$sys_config
	t0=$(date +%s)
	touch "$work/build-start"
	if ! sys_build > "$work/build-$c.log" 2>&1; then
		fail "$c-build"
		tail -n 40 "$work/build-$c.log" | sed 's/^/    /'
		return 0
	fi
	pass "$c-build ($(( $(date +%s) - t0 )) s)"
	tail -n 6 "$work/build-$c.log"
	sys_arch=$(sys_setting KR_ARCH)
	sys_machine=$(sys_setting KR_ELF_MACHINE)
	board=$(board_path "$sys_o")
	image=$(sys_setting KR_LINUX_IMAGE)
	check "$c-source-tree-untouched" sys_tree_untouched
	check "$c-outputs" test -s "$sys_o/images/$image" -a -s "$(sys_initramfs)"
	check "$c-image-elf-hardening" sys_image_elves
	check "$c-wrapper" sys_wrapper
	# The SBOMs of every build; legal-info and cve-check on the first.
	. "$top/test/sbom-test.sh"
	check "$c-sbom" sys_sbom && sed 's/^/    /' "$work/$c-sbom.log" | tail -n 1
	if [ -z "$first" ]; then
		check "$c-legal-info" sys_legal_info && sed -n 's/^make legal-info/    &/p' "$work/$c-legal-info.log"
		check "$c-cve-check" sys_cve_check && sed -n 's/^make cve-check/    &/p' "$work/$c-cve-check.log"
	fi
	[ "$sys_arch" != x86_64 ] || check "$c-dropped-mitigation-stops-build" sys_dropped_default_stops_build
	if [ "$(sys_setting KR_PACKAGE_CONTAINERD)" = y ]; then
		. "$top/test/container-test.sh"
		sys_test_containers
		check "$c-partial-initramfs-halts" sys_partial_initramfs
		. "$top/test/efi-test.sh"
		sys_test_efi_images
		# (the IPL from the ISO needs the minimal system's root shell)
		if [ "$(sys_setting KR_IMAGE_S390_ISO)" = y ]; then
			. "$top/test/s390-test.sh"
			sys_test_s390_images static
		fi
		return 0
	fi

	sys_port=$(( 20000 + ($$ + 7) % 20000 ))
	log="$work/console-$c.log"
	KR_QEMU_HOSTFWD="tcp:127.0.0.1:$sys_port-:80" console_start "$log" sh "$board/run-qemu.sh" "$sys_o/images"
	if console_wait 'kitroot: boot complete in [0-9]+ ms' 300; then
		wall=$(console_elapsed_ms)
		guest=$(console_text | sed -n 's/.*kitroot: boot complete in \([0-9]*\) ms.*/\1/p' | head -n 1)
		pass "$c-boot (guest uptime ${guest} ms at boot complete, ${wall} ms wall from QEMU start)"
	else
		fail "$c-boot (no boot-complete line)"
		console_text | tail -n 30 | sed 's/^/    console: /'
		console_stop
		return 0
	fi
	# The shell may still be starting: wait for its first answer.
	console_run true 30 > /dev/null || true
	check "$c-uname" sys_expect uname "uname -m" "^$sys_arch\$"
	check "$c-busybox-runs" sys_expect busybox \
		'echo "$(busybox | head -n 1 | cut -d" " -f1-2) $(echo 6 7 | awk "{ print \$1 * \$2 }")"' \
		"^BusyBox v$(sys_busybox_version | sed 's/\./\\./g') 42\$"

	check "$c-pid1-is-our-init" sys_expect pid1 \
		'cat /proc/1/comm; readlink /proc/1/exe; /sbin/init --version' \
		'^init /sbin/init kitroot-init '
	check "$c-skeleton" sys_expect ls 'ls / | cat' \
		'^bin dev etc init proc root run sbin sys tmp usr var$'
	check "$c-os-release" sys_expect osrel 'cat /etc/os-release' "VARIANT_ID=$c"
	check "$c-hostname" sys_expect hostname 'hostname' '^kitroot$'
	check "$c-mounts" sys_expect mounts \
		'for m in /proc /sys /dev /dev/pts /dev/shm /run /tmp /sys/fs/cgroup; do grep -q " $m " /proc/mounts && echo ok-$m; done | wc -l' '^8$'
	check "$c-reaps-orphans" sys_expect reap \
		'sh -c "sleep 0.2 & exit 0"; sleep 1; cat /proc/[0-9]*/stat 2>/dev/null | awk "\$3 == \"Z\"" | wc -l' '^0$'
	check "$c-loopback-up" sys_expect lo 'cat /sys/class/net/lo/operstate' 'unknown|up'
	check "$c-console-restarts" sys_console_restarts
	check "$c-tcp-from-guest" sys_tcp_out
	check "$c-tcp-to-guest" sys_tcp_in
	console_send poweroff
	# s390x's console is gone before the kernel's last words: the proof
	# is init's own line and QEMU exiting by itself.  The line may follow
	# a prompt the shell printed after its poweroff child was killed.
	if console_wait_exit 60 && console_text | grep -q 'kitroot: poweroff$'; then
		pass "$c-poweroff"
	else
		fail "$c-poweroff (QEMU still running or no clean power-down)"
		console_text | tail -n 20 | sed 's/^/    console: /'
	fi
	console_text | grep -q 'kitroot: stopping for poweroff' &&
		pass "$c-init-stops-services" || fail "$c-init-stops-services"
	console_stop
	if [ "$failed" -gt 0 ]; then
		echo "console log (tail):"
		console_text | tail -n 30 | sed 's/^/    /'
	fi
	sys_security_report
	if [ "$(sys_setting KR_IMAGE_S390_ISO)" = y ]; then
		. "$top/test/s390-test.sh"
		sys_test_s390_images
	fi
	if [ "$(sys_setting KR_IMAGE_DISK)" = y ]; then
		. "$top/test/efi-test.sh"
		sys_test_efi_minimal
	fi
	if [ "$(sys_setting KR_IMAGE_RPI_SDCARD)" = y ]; then
		. "$top/test/rpi-test.sh"
		sys_test_rpi_images
	fi
	# Not on the first configuration: its build is the reproducibility
	# check's reference.
	[ -z "$first" ] || check "$c-config-edit-rechecked" sys_config_edit_rechecked
}

# The build's kernel with its initramfs cut 4 MiB short (the kernel
# unpacks init's files, which sort before /usr, and stops inside the
# last ones): init finds no end mark and halts, saying why, instead of
# starting the system from part of its files.
sys_partial_initramfs() {
	sys_images_copy partial-initramfs "$(sys_setting KR_LINUX_IMAGE)" cmdline || return 1
	size=$(zstd -dcq "$(sys_initramfs)" | wc -c)
	zstd -dcq "$(sys_initramfs)" | head -c $((size - 4194304)) | zstd -q -1 > "$d/rootfs.cpio.zst" || return 1
	console_start "$d/../console.log" sh "$board/run-qemu.sh" "$d"
	console_wait 'System halted' 120
	ok=$?
	console_stop
	console_text | grep -E 'nitramfs|kitroot|halted' | cut -c1-200
	[ $ok = 0 ] && console_text | grep -q 'kitroot: the initramfs was not unpacked to its end' &&
		! console_text | grep -q 'kitroot: boot complete'
}

# A fragment that turns off a protection Linux turns on by default
# (kernel/hardening/security-symbols.txt) stops the build at the
# configuration check, naming it; checked in an O of its own (the
# kernel is configured, not built), so the system's tree is untouched.
sys_dropped_default_stops_build() {
	d="$work/dropped-default"
	rm -rf "$d" && mkdir -p "$d/o" || return 1
	printf '# CONFIG_MITIGATION_SSB is not set\n' > "$d/drop-ssb.config"
	cp "$sys_o/.config" "$d/o/.config"
	# (and its external trees, remembered beside the .config)
	[ ! -f "$sys_o/.kr-external.mk" ] || cp "$sys_o/.kr-external.mk" "$d/o/"
	! make -C "$top" O="$d/o" KR_LINUX_FRAGMENTS="$(sys_setting KR_LINUX_FRAGMENTS) $d/drop-ssb.config" \
		linux-check > "$d/log" 2>&1 || { tail -n 20 "$d/log"; echo "the configuration passed without MITIGATION_SSB"; return 1; }
	grep '^kernel: ' "$d/log"
	grep -q '^kernel: CONFIG_MITIGATION_SSB is a security setting .* that Linux turns on by default' "$d/log" &&
		[ "$(grep -c '^kernel: ' "$d/log")" = 1 ] || { tail -n 20 "$d/log"; return 1; }
	rm -rf "$d"
}

# An edit of the kernel's .config after it was configured, as
# linux-menuconfig makes, is checked before the next build: turning a
# hardening option off stops make, naming it, and builds nothing.
sys_config_edit_rechecked() {
	kconfig=$(ls "$sys_o"/build/linux-*/kbuild/.config) || return 1
	sed -i 's/^CONFIG_INIT_ON_FREE_DEFAULT_ON=y$/# CONFIG_INIT_ON_FREE_DEFAULT_ON is not set/' "$kconfig"
	grep -q '^# CONFIG_INIT_ON_FREE_DEFAULT_ON is not set$' "$kconfig" ||
		{ echo "CONFIG_INIT_ON_FREE_DEFAULT_ON=y was not in $kconfig"; return 1; }
	! make -C "$top" O="$sys_o" > "$work/edit-$c.log" 2>&1 || { echo "make built an unchecked configuration"; return 1; }
	cat "$work/edit-$c.log"
	grep -q 'CONFIG_INIT_ON_FREE_DEFAULT_ON=y (.*hardening.config:[0-9]*) ended up not set' "$work/edit-$c.log" &&
		! grep -q '^>>> linux .* Building' "$work/edit-$c.log"
}

# make security-report boots the build once more and checks what the
# running system must show (support/qemu/boot-probe.sh); each of its checks
# is reported here, then the report files themselves.
sys_security_report() {
	# Its failing checks are reported one by one below.
	make -C "$top" O="$sys_o" security-report > "$work/security-$c.log" 2>&1 || true
	probe="$sys_o/build/security-probe"
	if [ ! -s "$probe/checks.tsv" ]; then
		fail "$c-security-probe (no boot observations)"
		tail -n 30 "$work/security-$c.log" | sed 's/^/    /'
		return 0
	fi
	while IFS='	' read -r name status detail; do
		if [ "$status" = PASS ]; then pass "$c-boot-$name ($detail)"; else fail "$c-boot-$name ($detail)"; fi
	done < "$probe/checks.tsv"
	check "$c-security-report" sys_report_complete
}

sys_report_complete() {
	r="$sys_o/images/security-report"
	python3 -m json.tool "$r.json" > /dev/null || { echo "not valid JSON: $r.json"; return 1; }
	grep -q '^verdict: every check passed' "$r.txt" || { cat "$r.txt"; return 1; }
	grep -q '"passed": true' "$r.json" || return 1
	# the kernel part names each deviation with its reason, and every
	# image ELF file is in the table
	[ "$(sys_setting KR_LINUX_HARDENING)" != y ] ||
		grep -Eq '^   KSPP recommendations for [a-z0-9_]+: [1-9][0-9]* met, [0-9]+ deviated' "$r.txt" || return 1
	grep -q '^   /sbin/init ' "$r.txt" && grep -q '^   /bin/busybox ' "$r.txt"
}

# A second build of the first configuration, with everything varied
# that must not matter (support/report/reproducibility-check.sh), gives the
# same bytes as the one the test already made and booted.
sys_reproducible() {
	t0=$(date +%s)
	if KR_REPRO_DIR="$work/repro" make -C "$top" O="$sys_o" reproducibility-check \
		REFERENCE="$sys_o" > "$work/repro.log" 2>&1; then
		pass "$sys_config-reproducible ($(( $(date +%s) - t0 )) s;$(sed -n 's/.*varied:/ varied:/p' "$work/repro.log"))"
		grep -A 10 "build B's slowest steps" "$work/repro.log"
		grep -A 20 ' files bit-identical' "$work/repro.log"
	else
		fail "$sys_config-reproducible"
		tail -n 60 "$work/repro.log" | sed 's/^/    /'
	fi
}

run_system_test() {
	# What the checks below use besides the build's own tools (python3
	# reads the report's JSON; faketime and disorderfs the rebuild).
	sh "$top/support/build/host-deps.sh" x86_64 test || { fail "host tools for the tests"; return 0; }
	configs=${KR_TEST_CONFIGS:-qemu_x86_64 qemu_aarch64_virt_minimal qemu_s390x_minimal}
	first=
	for c in $configs; do
		sys_test_config "$c"
		[ -n "$first" ] || first=$c
	done
	# Once, on the first configuration's build (its output dir is kept).
	sys_config=$first
	sys_o="$work/o-$first"
	sys_reproducible
	check arch-mix-refused sys_arch_mix
	check resume-after-interrupt sys_resume
	check kconfig-errors sys_kconfig_errors
}
