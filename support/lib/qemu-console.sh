# Driving a QEMU guest over its serial console, for the tests, the
# boot benchmark and the security report.  Source it (POSIX sh), then:
#   console_start LOG CMD...    start QEMU with the serial line on stdio
#   console_boot LOG BOARD IMAGES SECS  start a build, wait for boot complete
#   console_wait  PATTERN SECS  wait for an extended regex in the log
#   console_run   CMD SECS      run CMD in the guest shell, print its output
#   console_wait_exit SECS      wait for QEMU to exit (guest power-off)
#   console_stop                kill QEMU if it is still running
# The guest's output goes to LOG as the serial line gives it (\r\n);
# console_text prints it without the \r.

console_start() {
	CONSOLE_LOG=$1
	shift
	CONSOLE_DIR=$(mktemp -d)
	echo 0 > "$CONSOLE_DIR/seq"
	mkfifo "$CONSOLE_DIR/in"
	: > "$CONSOLE_LOG"
	# QEMU reads the fifo; fd 7 keeps it open so QEMU never sees EOF.
	"$@" < "$CONSOLE_DIR/in" >> "$CONSOLE_LOG" 2>&1 &
	CONSOLE_PID=$!
	exec 7> "$CONSOLE_DIR/in"
	CONSOLE_T0=$(date +%s%N)
}

# console_boot LOG BOARD_DIR IMAGES_DIR SECS: boots a build with its
# board's run-qemu.sh and waits for init's boot-complete line; on
# failure QEMU is stopped and the console's last lines go to stderr.
console_boot() {
	console_start "$1" sh "$2/run-qemu.sh" "$3"
	console_wait 'kitroot: boot complete in [0-9]+ ms' "$4" && return 0
	console_stop
	echo "the system did not boot; console:" >&2
	tr -d '\r' < "$1" | tail -n 20 >&2
	return 1
}

# Milliseconds since console_start.
console_elapsed_ms() {
	echo $(( ($(date +%s%N) - CONSOLE_T0) / 1000000 ))
}

console_text() {
	tr -d '\r' < "$CONSOLE_LOG"
}

console_alive() {
	kill -0 "$CONSOLE_PID" 2>/dev/null
}

console_wait() {
	_deadline=$(( $(date +%s) + $2 ))
	while [ "$(date +%s)" -lt "$_deadline" ]; do
		console_text | grep -Eq "$1" && return 0
		console_alive || { console_text | grep -Eq "$1"; return $?; }
		sleep 0.1
	done
	return 1
}

# The markers are built by the guest's shell from two words, so the
# echoed command line never matches the marker line itself.  The
# sequence number lives in a file: callers run this in $(...).
console_run() {
	_n=$(( $(cat "$CONSOLE_DIR/seq") + 1 ))
	echo "$_n" > "$CONSOLE_DIR/seq"
	_b="KR-BEGIN-$_n" _e="KR-END-$_n"
	printf 'echo KR-BEGIN-"%s"; %s; echo KR-END-"%s"\n' "$_n" "$1" "$_n" >&7
	console_wait "^$_e\$" "$2" || return 1
	console_text | sed -n "/^$_b\$/,/^$_e\$/p" | sed '1d;$d'
}

# Waits up to SECS for QEMU to exit by itself.
console_wait_exit() {
	_deadline=$(( $(date +%s) + $1 ))
	while console_alive; do
		[ "$(date +%s)" -lt "$_deadline" ] || return 1
		sleep 0.2
	done
}

console_send() {
	printf '%s\n' "$1" >&7
}

console_stop() {
	exec 7>&-
	if console_alive; then kill "$CONSOLE_PID" 2>/dev/null || true; fi
	wait "$CONSOLE_PID" 2>/dev/null || true
	rm -rf "$CONSOLE_DIR"
}
