# Sourced by the scripts that ask git about the kitroot tree.
# own_checkout TOP: true when TOP is the top of a git checkout itself,
# not a tree exported somewhere inside another repository.
own_checkout() {
	command -v git >/dev/null 2>&1 &&
		[ "$(git -C "$1" rev-parse --show-toplevel 2>/dev/null)" = "$(cd "$1" && pwd -P)" ]
}
