#!/bin/sh
# usage: bench-services.sh [O] [RUNS]
#
# Boots a containerd build RUNS times (default 5) with its board's
# run-qemu.sh and reports, per run and as the median, the guest's uptime
# when init printed "boot complete" and when each service was up, seen
# from outside as a user sees it: getty's login prompt on the console,
# httpd answering on its port (forwarded from a free host port), sshd's
# banner on port 22.  A service is RUNNING before it answers, so these
# figures are upper bounds of its start.  The uptime of an event is the
# boot-complete line's plus the wall time between the two on the host
# (the guest's clock runs at the host's under TCG); the host polls every
# 100 ms.  A report, not a test: it fails only if the system does not
# boot or a service never comes up (within 120 s).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
o=${1:-$top/output}
runs=${2:-5}
images=$o/images
. "$top/support/lib/config.sh"
board=$(board_path "$o")
[ -n "$board" ] || { echo "bench-services: $o/.config names no board: build first" >&2; exit 1; }
. "$top/support/lib/qemu-console.sh"
. "$top/support/lib/median.sh"

services=$(ls "$o/target/containers/services" 2>/dev/null || true)
[ -n "$services" ] || { echo "bench-services: $o has no services (a build with containerd)" >&2; exit 1; }
# A free host port for each guest port a service listens on.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
fwd="" http_port="" ssh_port="" timed=""
for s in $services; do
	case $s in
	httpd) http_port=$(free_port); fwd="$fwd${fwd:+,hostfwd=}tcp:127.0.0.1:$http_port-:80" ;;
	sshd) ssh_port=$(free_port); fwd="$fwd${fwd:+,hostfwd=}tcp:127.0.0.1:$ssh_port-:22" ;;
	getty) ;;
	*) echo "bench-services: no probe for service $s: it is not timed" >&2; continue ;;
	esac
	timed="$timed $s"
done

# up SERVICE: 0 once the service answers.
up() {
	case $1 in
	getty) console_text | grep -q 'login: *$' ;;
	httpd) curl -s -o /dev/null -m 1 "http://127.0.0.1:$http_port/" ;;
	sshd) python3 -c 'import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1); s.settimeout(1)
sys.exit(0 if s.recv(8).startswith(b"SSH-") else 1)' "$ssh_port" 2>/dev/null ;;
	esac
}

all=""
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	log=$(mktemp)
	KR_QEMU_HOSTFWD=$fwd console_start "$log" sh "$board/run-qemu.sh" "$images"
	console_wait 'kitroot: boot complete in [0-9]+ ms' 300 ||
		{ console_text | tail -n 20 >&2; console_stop; echo "bench-services: run $i did not boot" >&2; exit 1; }
	wall_bc=$(console_elapsed_ms)
	bc=$(console_text | sed -n 's/.*boot complete in \([0-9]*\) ms.*/\1/p' | head -n 1)
	pending=$timed line="run $i: boot complete $bc ms" last=$bc
	deadline=$(( $(date +%s) + 120 ))
	while [ -n "$pending" ]; do
		left=""
		for s in $pending; do
			if up "$s"; then
				t=$(( bc + $(console_elapsed_ms) - wall_bc ))
				line="$line, $s $t ms"
				eval "times_$s=\"\${times_$s:-} $t\""
				[ "$t" -gt "$last" ] && last=$t
			else
				left="$left $s"
			fi
		done
		pending=$left
		[ -z "$pending" ] && break
		[ "$(date +%s)" -lt "$deadline" ] ||
			{ console_stop; echo "bench-services: run $i:$pending not up after 120 s" >&2; exit 1; }
		sleep 0.1
	done
	console_stop
	rm -f "$log"
	echo "$line; all up $last ms"
	bcs="${bcs:-} $bc" all="$all $last"
done
summary="median of $runs: boot complete $(median "$bcs") ms"
for s in $timed; do
	eval "v=\${times_$s:-}"
	[ -n "$v" ] && summary="$summary, $s $(median "$v") ms"
done
echo "$summary; all up $(median "$all") ms (guest uptime; memory ${KR_QEMU_MEMORY:-board default} MiB)"
