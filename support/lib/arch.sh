# Sourced by the scripts that need an architecture's facts before there
# is a .config (host-deps.sh runs first of all).  The facts are those
# of arch/Config.in.ARCH, read from the file itself: each symbol there
# has exactly one `default` line.
#
# arch_fact TOP ARCH SYMBOL prints the value, or fails with a message
# naming the architectures that exist.
arch_fact() {
	_file=$1/arch/Config.in.$2
	if [ ! -f "$_file" ]; then
		echo "$(basename "$0" .sh): unknown architecture '$2' (known: $(cd "$1/arch" && ls Config.in.* | sed 's/^Config\.in\.//' | tr '\n' ' ' | sed 's/ $//'))" >&2
		return 1
	fi
	awk -v want="$3" -v file="$_file" '
		$1 == "config" { inside = ($2 == want); next }
		inside && $1 == "default" {
			sub(/^[ \t]*default[ \t]+/, "")
			if (sub(/^"/, "")) sub(/"$/, "")
			print; found = 1; exit
		}
		END { if (!found) { print file ": no default for " want > "/dev/stderr"; exit 1 } }
	' "$_file"
}
