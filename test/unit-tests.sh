# Unit tests and fuzzing of our C programs, on the host with ASan/UBSan.
# Sourced by test/run.sh.

SAN_CFLAGS="-std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -g -O1 \
	-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

unit() {
	name=$1
	shift
	# shellcheck disable=SC2086
	if ! gcc $SAN_CFLAGS -o "$work/$name" "$@" > "$work/$name.build.log" 2>&1; then
		fail "unit $name (does not compile)"
		sed 's/^/    /' "$work/$name.build.log"
		return 0
	fi
	check "unit-$name" "$work/$name"
}

run_unit_tests() {
	unit wrapper "$top/test/unit/wrapper_test.c" \
		"$top/toolchain/wrapper/cmdline.c" "$top/toolchain/wrapper/scan.c"
	unit init-parse "$top/test/unit/init_parse_test.c" "$top/pkg/init/src/parse.c"
	# The wrapper and init as the build compiles them, warnings as errors.
	check wrapper-builds gcc -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
		-DKR_LAUNCHER='""' -DKR_REAL_CC='"gcc"' -DKR_SYSROOT='"/s"' \
		-DKR_GCC_INCLUDE='"/g/include"' -DKR_GCC_LIBDIR='"/g"' -DKR_PREFIX_MAP='"/o"' \
		-DKR_ARCH_FLAGS='""' -DKR_OPT_FLAGS='"-O2"' -o "$work/kitroot-wrapper" \
		"$top/toolchain/wrapper/main.c" "$top/toolchain/wrapper/cmdline.c" \
		"$top/toolchain/wrapper/scan.c"
	check wrapper-refuses-host-include sh -c \
		"! '$work/kitroot-wrapper' -c -I/usr/include x.c 2> '$work/refuse.err' &&
		 grep -q 'refusing .-I/usr/include.' '$work/refuse.err'"
	check init-builds sh -c "cd '$top/pkg/init/src' && gcc $SAN_CFLAGS -o '$work/init' *.c &&
		'$work/init' --version | grep -q '^kitroot-init ' &&
		! '$work/init' 2>/dev/null"
}

# libFuzzer when clang is there, else the same target driven by a
# bounded random-input loop; either way with the sanitizers on.
run_fuzz() {
	target="$top/test/fuzz/init_parse_fuzz.c"
	src="$top/pkg/init/src/parse.c"
	secs=${KR_FUZZ_SECONDS:-15}
	if command -v clang >/dev/null 2>&1 &&
	   clang -g -O1 -fsanitize=fuzzer,address,undefined -o "$work/fuzz" "$target" "$src" \
		> "$work/fuzz.build.log" 2>&1; then
		mkdir -p "$work/corpus"
		cp "$top/test/fuzz/corpus/"* "$work/corpus/"
		check fuzz-init-parse "$work/fuzz" -max_total_time="$secs" -max_len=4096 \
			"$work/corpus"
	else
		# shellcheck disable=SC2086
		gcc $SAN_CFLAGS -DKR_FUZZ_STANDALONE -o "$work/fuzz" "$target" "$src" &&
		check fuzz-init-parse "$work/fuzz" "$secs" "$top/test/fuzz/corpus/"*
	fi
}
