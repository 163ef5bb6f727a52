# The system test of a configuration with containerd: log in on the
# getty service's console (the test's build lets root in without a
# password), then check every container from the operator's view, the
# web page through QEMU's port forward, a restart, an OCI image import,
# and poweroff.  Sourced by test/system-test.sh, inside sys_test_config.

CT_NS=services.kitroot

# ctr in the guest, in the services' namespace.
ct_ctr() {
	console_run "ctr -n $CT_NS $1" 60
}

# Waits up to 120 s for every bundle in /containers/services to be a
# RUNNING task; prints the guest uptime then.
ct_all_running() {
	want=$(console_run 'ls /containers/services | wc -l' 30 | tr -d ' ')
	[ "${want:-0}" -gt 0 ] || { echo "no services in the image"; return 1; }
	i=0
	while [ $i -lt 60 ]; do
		out=$(console_run "ctr -n $CT_NS task ls | grep -c ' RUNNING\$'; cut -d' ' -f1 /proc/uptime" 60)
		n=$(echo "$out" | sed -n 1p)
		if [ "$n" = "$want" ]; then
			echo "$want services RUNNING at guest uptime $(echo "$out" | sed -n 2p) s"
			return 0
		fi
		sleep 2
		i=$((i + 1))
	done
	ct_ctr "task ls"
	return 1
}

# The host pid of a service's task.
ct_pid() {
	ct_ctr "task ls" | awk -v s="$1" '$1 == s && $3 == "RUNNING" { print $2 }'
}

# A service that shares nothing it did not ask for: no capability beyond
# its spec, no new privileges, a seccomp filter, a read-only root, its
# own PID namespace (it is PID 1 there and sees no host process).
ct_confined() {
	pid=$(ct_pid httpd)
	[ -n "$pid" ] || { echo "httpd is not running"; return 1; }
	st=$(console_run "grep -E '^(Uid|CapEff|CapBnd|NoNewPrivs|Seccomp|NSpid):' /proc/$pid/status" 30)
	echo "$st" | tr '\t' ' '
	echo "$st" | grep -Eq '^Uid:[[:space:]]+65534' || return 1
	# CAP_NET_BIND_SERVICE (bit 10) alone
	echo "$st" | grep -Eq '^CapEff:[[:space:]]+0000000000000400$' || return 1
	echo "$st" | grep -Eq '^CapBnd:[[:space:]]+0000000000000400$' || return 1
	echo "$st" | grep -Eq '^NoNewPrivs:[[:space:]]+1$' || return 1
	echo "$st" | grep -Eq '^Seccomp:[[:space:]]+2$' || return 1
	echo "$st" | grep -Eq "^NSpid:[[:space:]]+$pid[[:space:]]+1\$"
}

# Inside httpd the filter answers EPERM to what makes namespaces or
# mounts (without it, unshare -U needs no privilege at all, and a user
# namespace's "root" could then mount): busybox says which call failed.
ct_no_namespaces_or_mounts() {
	# (httpd's /bin has busybox's httpd applet only: the others by name)
	probe='b=/bin/busybox; $b unshare -U true; echo "U=$?"; $b unshare -m true; echo "M=$?"; $b mount -t tmpfs t /tmp; echo "T=$?"'
	out=$(ct_ctr "task exec --exec-id nsprobe httpd /bin/busybox sh -c '$probe'" 2>&1 | tr -d '\r')
	echo "$out"
	for k in U M T; do echo "$out" | grep -q "^$k=[1-9]" || return 1; done
	# EPERM from the filter: without it, unshare -U would meet
	# max_user_namespaces=0 (ENOSPC); mount says "permission denied".
	echo "$out" | grep -q 'unshare(0x10000000): Operation not permitted' &&
	echo "$out" | grep -q 'unshare(0x20000): Operation not permitted' &&
	echo "$out" | grep -q 'mount: permission denied'
}

# httpd's memory limit (16M) holds: a process in its container that
# takes 32M is killed by the kernel's OOM killer, inside httpd's cgroup
# only; httpd itself and its supervisor run on.  The OOM killer's
# order: the supervisors at -900, httpd at 0 (its spec says nothing).
ct_memory_limit() {
	old=$(ct_pid httpd)
	sup=$(console_run "$ct_supervisors | wc -l" 30 | tr -d ' ')
	adj=$(console_run "for p in /proc/[0-9]*; do tr '\\0' ' ' < \$p/cmdline 2>/dev/null | grep -q '^/usr/bin/ctr .* run --rm ' && cat \$p/oom_score_adj; done | sort -u" 30)
	echo "supervisors' oom_score_adj: $adj; httpd's: $(console_run "cat /proc/$old/oom_score_adj" 30)"
	[ "$adj" = -900 ] && [ "$(console_run "cat /proc/$old/oom_score_adj" 30)" = 0 ] || return 1
	out=$(ct_ctr "task exec --exec-id hog httpd /bin/busybox dd if=/dev/zero of=/dev/null bs=32M count=1; echo exec=\$?")
	# (read inside httpd: the operator's shell is in getty's cgroup namespace)
	events=$(ct_ctr "task exec --exec-id events httpd /bin/busybox cat /sys/fs/cgroup/memory.events")
	echo "$out"
	echo "$events"
	echo "$out" | grep -q '^exec=137' &&
		echo "$events" | grep -Eq '^oom_kill [1-9]' &&
		[ "$(ct_pid httpd)" = "$old" ] &&
		[ "$(console_run "$ct_supervisors | wc -l" 30 | tr -d ' ')" = "$sup" ]
}

# runc init runs from runc's own file on the read-only root, not from a
# copy of itself in memory (pkg/runc's patch; init.h): without it, each
# container's memory cgroup peaked at about 12 MB at its start, the
# copy's 9 MB of them.  Read before anything else grows httpd's peak;
# the reading itself is a `runc exec`, which would copy runc too.
ct_runc_not_copied() {
	peak=$(ct_ctr "task exec --exec-id peak httpd /bin/busybox cat /sys/fs/cgroup/memory.peak" | tr -d '\r')
	echo "httpd's memory.peak: $peak bytes; getty's (the operator's ctr runs there): $(console_run 'cat /sys/fs/cgroup/memory.peak' 30 | tr -d '\r')"
	[ -n "$peak" ] && [ "$peak" -lt 8388608 ]
}

# The system call table agrees with the libseccomp runc is built with;
# prints the number of calls allowed per architecture.
ct_syscall_table() {
	csv=$(ls "$sys_o"/build/libseccomp-*/src/syscalls.csv)
	sh "$top/support/build/check-syscall-table.sh" "$csv" "$top"
}

ct_rootfs_read_only() {
	pid=$(ct_pid httpd)
	root=$(console_run "awk '\$2 == \"/\" { print \$4 }' /proc/$pid/mounts" 30)
	echo "httpd's / mounted: $root"
	echo "$root" | grep -q '^ro[,]*'
}

# runc pivot_root()ed away from the host's root (init put a bind mount
# of the initramfs over it): httpd's mount table holds its own root and
# the kernel filesystems runc mounts, none of the host's (with
# --no-pivot every host mount stayed beneath, among them /run with
# containerd's socket).
ct_no_host_mounts() {
	mi=$(ct_ctr "task exec --exec-id mountinfo httpd /bin/busybox cat /proc/self/mountinfo" | tr -d '\r')
	echo "$mi" | awk '{ print "    " $4, $5, $(NF - 2) }'
	echo "$mi" | awk '$5 == "/" { roots++; if ($4 != "/containers/services/httpd/rootfs") bad = 1 }
		$5 ~ "^/(run|containers|tmp|var)(/|$)" { bad = 1 }
		END { exit !(roots == 1 && !bad && NR > 3) }'
}

# The operator console (getty) reaches containerd's socket and ctr's
# FIFO directory, nothing else of containerd's state (no task bundles,
# no shims' sockets), and has its memory limit (read in its own cgroup
# namespace: its cgroup is the root it sees).
ct_operator_console() {
	out=$(console_run 'ls -A /run/containerd | tr "\n" " "; echo; cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.peak 2>&1' 30 | tr -d '\r')
	echo "$out"
	[ "$(echo "$out" | sed -n 1p)" = "containerd.sock fifo " ] &&
		[ "$(echo "$out" | sed -n 2p)" = 67108864 ]
}

# Inside the httpd container, /proc shows its own processes only.
ct_no_host_processes() {
	out=$(ct_ctr "task exec --exec-id probe httpd /bin/busybox ls /proc" | tr ' ' '\n' | grep -c '^[0-9][0-9]*$')
	echo "processes visible inside httpd: $out"
	[ "$out" -ge 1 ] && [ "$out" -le 3 ]
}

# The IOMMU is up and every device group is translated strictly ("DMA";
# not "DMA-FQ", lazy, nor "identity", passed through).
ct_iommu_strict() {
	out=$(console_run 'ls /sys/class/iommu | wc -l; ls /sys/kernel/iommu_groups | wc -l; cat /sys/kernel/iommu_groups/*/type | sort -u' 30)
	out=$(printf '%s' "$out" | tr -d '\r' | tr '\n' ' ')
	echo "IOMMU units, device groups, group types: $out"
	echo "$out" | grep -Eq '^[1-9][0-9]* [1-9][0-9]* DMA ?$'
}

ct_web_page() {
	curl -fsS -m 20 "http://127.0.0.1:$ct_port/" | grep -q 'kitroot httpd: served from a container'
}

# SIGKILL the service's process: init logs the exit and starts it again.
ct_restart() {
	old=$(ct_pid httpd)
	[ -n "$old" ] || return 1
	console_run "kill -9 $old" 30 > /dev/null
	i=0
	while [ $i -lt 30 ]; do
		new=$(ct_pid httpd)
		if [ -n "$new" ] && [ "$new" != "$old" ]; then
			echo "httpd pid $old killed, running again as $new"
			console_text | grep -Eq 'kitroot: service httpd exited \(status 137\), restart [0-9]+ in [0-9]+ ms'
			return $?
		fi
		sleep 2
		i=$((i + 1))
	done
	return 1
}

# The command lines of the guest's `ctr run`s: init's service
# supervisors, one per service.
ct_supervisors='for p in /proc/[0-9]*; do tr "\\0" " " < $p/cmdline 2>/dev/null; echo; done | grep "^/usr/bin/ctr .* run --rm "'

# ct_recovered OLD_PID: waits up to 120 s until every service is
# RUNNING again, each under a ctr supervisor of its own, and httpd's
# process is not OLD_PID.
ct_recovered() {
	want=$(console_run 'ls /containers/services | wc -l' 30 | tr -d ' ')
	i=0
	while [ $i -lt 40 ]; do
		sleep 3
		run=$(ct_ctr "task ls" | grep -c ' RUNNING$')
		sup=$(console_run "$ct_supervisors | wc -l" 30 | tr -d ' ')
		new=$(ct_pid httpd)
		if [ "$run" = "$want" ] && [ "$sup" = "$want" ] && [ -n "$new" ] && [ "$new" != "$1" ]; then
			echo "$run services RUNNING, $sup supervisors; httpd $1 is now $new"
			return 0
		fi
		i=$((i + 1))
	done
	echo "after 120 s: $run of $want services RUNNING, $sup supervisors, httpd ${new:-not running}"
	console_text | grep 'kitroot: \(containerd\|service\)' | tail -n 10
	return 1
}

# httpd's ctr supervisor killed: its task runs on under the shim with
# its name taken; init clears it and starts the service again.
ct_supervisor_killed() {
	old=$(ct_pid httpd)
	ctr_pid=$(console_run "for p in /proc/[0-9]*; do tr '\\0' ' ' < \$p/cmdline 2>/dev/null | grep -q ' run --rm .* httpd \$' && echo \${p#/proc/}; done" 30 | tr -d ' ')
	[ -n "$old" ] && [ -n "$ctr_pid" ] || { echo "httpd ${old:-not running}, its ctr ${ctr_pid:-not found}"; return 1; }
	console_run "kill -9 $ctr_pid" 30 > /dev/null
	ct_recovered "$old"
}

# containerd killed: init starts it again after a second, and every
# service runs again under a new supervisor.  getty is one of them, so
# the operator's session ends: the test logs in again on its new prompt.
ct_containerd_restart() {
	cd_pid=$(console_run 'pidof containerd' 30 | tr -d ' ')
	[ -n "$cd_pid" ] || { echo "no containerd"; return 1; }
	ct_login_after "kill -9 $cd_pid" root '' || return 1
	# (httpd's process may be the same: whether the shims' tasks are
	# kept is containerd's affair; a supervisor for each is init's)
	ct_recovered '' || return 1
	new=$(console_run 'pidof containerd' 30 | tr -d ' ')
	echo "containerd $cd_pid killed, $new runs"
	[ -n "$new" ] && [ "$new" != "$cd_pid" ] &&
		console_text | grep -q 'kitroot: containerd exited (status 137), restart 1 in 1000 ms'
}

# The services' one shim (kr-bundle gives them one shim group) killed:
# every task ends with it, getty's too, and init starts each again.
ct_shim_killed() {
	shims=$(console_run 'pidof containerd-shim-runc-v2' 30 | tr -d '\r')
	# shellcheck disable=SC2086
	set -- $shims
	[ $# = 1 ] || { echo "shims: ${shims:-none} (one for every service expected)"; return 1; }
	old=$(ct_pid httpd)
	ct_login_after "kill -9 $1" root '' || return 1
	ct_recovered "$old" || return 1
	new=$(console_run 'pidof containerd-shim-runc-v2' 30 | tr -d ' \r')
	echo "shim $1 killed; shim $new serves the services"
	[ -n "$new" ] && [ "$new" != "$1" ]
}

# The host serves httpd's OCI archive; the guest fetches it over QEMU's
# network and imports it into containerd.
ct_oci_import() {
	sys_host_web_server "$sys_o/images/oci" "$ct_http_port" httpd.tar || return 1
	get="wget -q -O /tmp/httpd.tar http://10.0.2.2:$ct_http_port/httpd.tar"
	out=$(console_run "$get && ctr -n import images import /tmp/httpd.tar && ctr -n import images ls -q" 120)
	kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null
	echo "$out"
	echo "$out" | grep -q "kitroot/httpd:"
}

# Outside the guest: skopeo reads every archive, with the right
# architecture, and its image config runs what the container's
# config.json in the image runs: the same user, directory, environment
# and command.
ct_oci_skopeo() {
	want=$(sys_setting KR_GO_ARCH)
	n=0
	for a in "$sys_o"/images/oci/*.tar; do
		# the tag: the archive holds the image and its SBOM's manifest
		tag=$(tar -xOf "$a" index.json | jq -r '.manifests[0].annotations["org.opencontainers.image.ref.name"]')
		a=$a:$tag
		skopeo inspect "oci-archive:$a" > "$work/skopeo.json" || { echo "skopeo cannot read $a"; return 1; }
		grep -q "\"Architecture\": \"$want\"" "$work/skopeo.json" || { cat "$work/skopeo.json"; return 1; }
		image=${a##*/} image=${image%.tar:*}
		set -- "$sys_o"/target/containers/*/"$image"/config.json \
			"$sys_o"/target/containers/*/[0-9][0-9]-"$image"/config.json
		for runtime; do [ -f "$runtime" ] && break; done
		[ -f "$runtime" ] || { echo "no config.json in the image for $image"; return 1; }
		skopeo inspect --config "oci-archive:$a" > "$work/skopeo-config.json" &&
		python3 - "$runtime" "$work/skopeo-config.json" <<-'EOF' || { echo "$image: $a"; return 1; }
		import json, sys
		p = json.load(open(sys.argv[1]))["process"]
		c = json.load(open(sys.argv[2]))["config"]
		want = ("%d:%d" % (p["user"]["uid"], p["user"]["gid"]), p["cwd"], p["env"], p["args"])
		got = (c.get("User"), c.get("WorkingDir"), c.get("Env"), c.get("Cmd"))
		assert want == got, "config.json %r, the image %r" % (want, got)
		EOF
		n=$((n + 1))
	done
	echo "$n OCI archives read by skopeo, each with the config of its config.json"
	[ "$n" -gt 0 ]
}

# sshd: the test's key logs in (as root, inside the sshd container,
# with no new privileges); a password never can.
ct_ssh() {
	o="-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=60 -o BatchMode=yes -p $ct_ssh_port"
	# shellcheck disable=SC2086
	out=$(ssh $o -i "$work/ssh-key" root@127.0.0.1 'id -u; grep -E "^(NoNewPrivs|Seccomp):" /proc/self/status' 2>&1) ||
		{ echo "$out"; return 1; }
	echo "$out" | tr '\t' ' '
	echo "$out" | grep -q '^0$' && echo "$out" | grep -Eq '^NoNewPrivs:[[:space:]]+1$' || return 1
	# shellcheck disable=SC2086
	if ssh $o -o PubkeyAuthentication=no -o PreferredAuthentications=password root@127.0.0.1 true 2>/dev/null; then
		echo "a login without the key worked"; return 1
	fi
}

# The security report's section 3 lists the services' own processes
# (children of their shims), seen on this running system with the boot
# probe's command: httpd as nobody, no new privileges, a filter, a
# read-only root, its own PID namespace.  Section 9 lists each
# container's exceptions from its config.json (kr-bundle's
# annotations): getty's host-bind, and nothing for the others.  The
# other observations are stand-ins (the boot checks are the minimal
# systems' test); the report files are removed again.
ct_report_services_and_exceptions() {
	p="$work/report-probe"
	mkdir -p "$p"
	printf 'stand-in\tPASS\tnot a boot\n' > "$p/checks.tsv"
	for f in sockets sysctl vulnerabilities iommu; do : > "$p/$f.txt"; done
	. "$top/support/qemu/probe-processes.sh"
	console_run "$probe_processes" 60 > "$p/processes.txt" || return 1
	sh "$top/support/report/security-report.sh" "$sys_o" "$p" > /dev/null || return 1
	r="$sys_o/images/security-report"
	processes=$(sed -n '/^3\./,/^4\./p' "$r.txt")
	section=$(sed -n '/^9\./,$p' "$r.txt")
	rm -f "$r.txt" "$r.json"
	echo "$processes"
	echo "$section"
	# (from getty's shell, without CAP_SYS_PTRACE, another process's
	# namespaces cannot be read: the probe says unknown, never host)
	echo "$processes" | grep -Eq '^   [0-9]+ +httpd +65534 +0000000000000400 +1 +2 +ro +(own|unknown)-pid ' &&
	echo "$section" | grep -Eq '^   services/getty +host-bind +/run/containerd/containerd.sock /run/containerd/fifo$' &&
		[ "$(echo "$section" | grep -c '^   ')" = 1 ]
}

# The test tree's board (test/external/board/x86_64): the overlay's
# files are in the image and in the console container, the post-build
# script's line (what it saw, its arguments) too, and the post-image
# script's file is in images/, listed in SHA256SUMS.
ct_customised() {
	out=$(console_run 'cat /etc/kitroot-test-overlay /etc/kitroot-test-post-build' 30) || return 1
	echo "$out"
	echo "$out" | grep -q 'kitroot-test overlay: in the console container' &&
	echo "$out" | grep -q '^post-build saw services: getty httpd sshd; args: kitroot-test' || return 1
	zstd -dcq "$(sys_initramfs)" | cpio -t --quiet | grep -qx 'etc/kitroot-test-overlay' &&
	(cd "$sys_o/images" && sha256sum -c kitroot-test-post-image.txt) &&
	grep -q '  kitroot-test-post-image.txt$' "$sys_o/images/SHA256SUMS"
}

# The users table of sys_build: alice logs in with the test's key over
# ssh and with her password on the console, as uid 1000 in wheel, with
# no capability; then root logs in again for the checks that follow.
ct_users() {
	o="-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=60 -o BatchMode=yes -p $ct_ssh_port"
	# shellcheck disable=SC2086
	out=$(ssh $o -i "$work/ssh-key" alice@127.0.0.1 'id; echo "home=$HOME"; grep ^CapEff: /proc/self/status' 2>&1) ||
		{ echo "$out"; return 1; }
	echo "$out" | tr '\t' ' '
	echo "$out" | grep -q '^uid=1000(alice) gid=1000(alice) groups=.*10(wheel)' &&
	echo "$out" | grep -qx 'home=/home/alice' &&
	echo "$out" | grep -Eq '^CapEff:[[:space:]]+0+$' || return 1
	ct_login_after exit alice kitroot-test || return 1
	out=$(console_run id 30) || return 1
	echo "console: $out"
	echo "$out" | grep -q 'uid=1000(alice) gid=1000(alice)' || return 1
	ct_login_after exit root ''
}

# ct_login_after CMD USER PASSWORD: CMD ends the console session (exit,
# or killing containerd, getty's); the test waits up to 120 s for
# getty's next prompt and logs in as USER (with PASSWORD, if any).
ct_login_after() {
	prompts=$(console_text | grep -c 'login: *$')
	console_send "$1"
	i=0
	until [ "$(console_text | grep -c 'login: *$')" -gt "$prompts" ]; do
		i=$((i + 1))
		[ $i -lt 120 ] || { echo "no new login prompt from getty in 120 s"; return 1; }
		sleep 1
	done
	console_send "$2"
	if [ -n "$3" ]; then
		console_wait 'Password: *$' 30 || { echo "no password prompt for $2"; return 1; }
		console_send "$3"
	fi
	console_wait '# $' 30 || true
	console_run true 30 > /dev/null || true
}

sys_test_containers() {
	check "$c-syscall-table-matches-libseccomp" ct_syscall_table
	sed 's/^/    /' "$work/$c-syscall-table-matches-libseccomp.log"
	ct_port=$(( 20000 + $$ % 20000 ))
	ct_http_port=$((ct_port + 1))
	ct_ssh_port=$((ct_port + 2))
	log="$work/console-$c.log"
	KR_QEMU_HOSTFWD="tcp:127.0.0.1:$ct_port-:80,hostfwd=tcp:127.0.0.1:$ct_ssh_port-:22" KR_QEMU_MEMORY=192 \
		console_start "$log" sh "$board/run-qemu.sh" "$sys_o/images"
	if console_wait 'login: *$' 300; then
		guest=$(console_text | sed -n 's/.*kitroot: boot complete in \([0-9]*\) ms.*/\1/p' | head -n 1)
		cd_ms=$(console_text | sed -n 's/.*kitroot: containerd ready in \([0-9]*\) ms.*/\1/p' | head -n 1)
		pass "$c-boot (192 MiB; init done at ${guest} ms guest uptime, containerd start ${cd_ms} ms; login prompt $(console_elapsed_ms) ms wall)"
	else
		fail "$c-boot (no login prompt)"
		console_text | tail -n 30 | sed 's/^/    console: /'
		console_stop
		return 0
	fi
	console_send root
	console_wait '# $' 30 || true
	console_run true 30 > /dev/null || true
	check "$c-root-made-pivotable" sh -c "grep 'kitroot: root is a bind mount of the initramfs' '$log'"
	check "$c-sysctl-step-then-onboot-containers" sh -c "grep -q '^sysctl: [0-9]* set' '$log' &&
		grep -q 'kitroot: container 20-dhcp done' '$log' && grep -q 'dhcp: eth0 10.0.2.15' '$log'"
	# test/external's syscall-probe, a container with the defaults and no
	# capability: keyctl and clone(CLONE_NEWUSER) refused by the filter
	# (EPERM; without it, the sysctl would answer ENOSPC), clone3 ENOSYS,
	# a plain clone allowed.
	check "$c-filter-refuses-keyctl-and-clone-newuser" sh -c "tr -d '\r' < '$log' | grep '^syscall-probe: ' &&
		grep -q '^syscall-probe: keyctl(KEYCTL_JOIN_SESSION_KEYRING): Operation not permitted' '$log' &&
		grep -q '^syscall-probe: clone(CLONE_NEWUSER): Operation not permitted' '$log' &&
		grep -q '^syscall-probe: clone3: Function not implemented' '$log' &&
		grep -q '^syscall-probe: clone: allowed' '$log' &&
		grep -q 'kitroot: container 80-syscall-probe done in' '$log'"
	# test/external's hang-onboot sleeps past its 3 s: killed, and the
	# services start after it.
	check "$c-onboot-timeout-kills-and-boot-goes-on" sh -c "tr -d '\r' < '$log' |
		grep -A3 'kitroot: container 90-hang-onboot still running after its timeout of 3 s: killing it' |
		grep -q 'kitroot: container 90-hang-onboot killed after [0-9]* ms (status 137); going on'"
	if out=$(ct_all_running 2>&1); then pass "$c-services-running (${out##*
})"; else fail "$c-services-running"; echo "$out" | sed 's/^/    /'; fi
	check "$c-runc-init-not-copied-into-memory" ct_runc_not_copied
	check "$c-service-confined" ct_confined
	check "$c-service-no-namespaces-or-mounts" ct_no_namespaces_or_mounts
	check "$c-memory-limit-kills-inside-the-service" ct_memory_limit
	check "$c-service-rootfs-read-only" ct_rootfs_read_only
	check "$c-service-pivoted-no-host-mounts" ct_no_host_mounts
	check "$c-operator-console-socket-only" ct_operator_console
	check "$c-service-own-pid-namespace" ct_no_host_processes
	# (s390x's kernel has no PCI and no IOMMU: its channel-attached
	# devices reach memory through the channel subsystem)
	! grep -q '^CONFIG_IOMMU_SUPPORT=y' "$sys_o/images/linux.config" || check "$c-iommu-strict" ct_iommu_strict
	check "$c-web-page-through-port-forward" ct_web_page
	check "$c-killed-service-restarts" ct_restart
	check "$c-killed-supervisor-recovers" ct_supervisor_killed
	check "$c-killed-containerd-restarts" ct_containerd_restart
	check "$c-killed-shim-restarts-every-service" ct_shim_killed
	check "$c-web-page-after-restarts" ct_web_page
	if [ -f "$work/ssh-key" ]; then check "$c-sshd-key-only" ct_ssh; fi
	if [ -n "$(sys_setting KR_USERS_TABLES)" ]; then check "$c-users-table-ssh-and-console" ct_users; fi
	if [ -n "$(sys_setting KR_POST_IMAGE_SCRIPT)" ]; then
		check "$c-overlay-and-post-scripts" ct_customised
	fi
	check "$c-oci-archives-skopeo" ct_oci_skopeo
	check "$c-oci-import-into-containerd" ct_oci_import
	check "$c-report-lists-services-and-exceptions" ct_report_services_and_exceptions
	mem=$(console_run "free | awk '/^Mem:/ { print \$3 }'" 30)
	pass "$c-runs-in-192MiB (${mem} KiB in use after the checks)"
	console_send poweroff
	if console_wait_exit 90 && console_text | grep -q 'kitroot: poweroff$'; then
		pass "$c-poweroff"
	else
		fail "$c-poweroff (QEMU still running or no clean power-down)"
	fi
	# (the shell's prompt may land inside init's line: kitroot: kitroot:~# stopping 3 services)
	check "$c-services-stopped-then-onshutdown" sh -c "tr -d '\r' < '$log' |
		sed -n '/kitroot: stopping for poweroff/,\$p' |
		grep -A30 'stopping [0-9]* services' | grep -q 'kitroot: container 50-ifdown done'"
	check "$c-onshutdown-timeout-kills-and-poweroff-goes-on" sh -c "tr -d '\r' < '$log' |
		sed -n '/kitroot: container 50-ifdown done/,\$p' |
		grep -A3 'kitroot: container 90-hang-onshutdown still running after its timeout of 3 s' |
		grep -A3 'kitroot: container 90-hang-onshutdown killed after [0-9]* ms (status 137); going on' |
		grep -q 'kitroot: poweroff\$'"
	console_stop
	if [ "$failed" -gt 0 ]; then
		echo "console log (tail):"
		console_text | tail -n 40 | sed 's/^/    /'
	fi
}
