# Sourced by the benchmarks: median "N N N ..." prints the median of the
# numbers (the lower middle one of an even count).
median() {
	# shellcheck disable=SC2086
	printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
