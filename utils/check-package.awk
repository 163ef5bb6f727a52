# The checks of utils/check-package (which runs this with the tree as the
# current directory).  Input: every makefile of the tree, read to know
# which variables anything reads.  -v files: the files to check, one a
# line; -v kgen/kgo/kcont: the variable suffixes the generic, Go and
# container infrastructure documents or reads.  Output: one finding a
# line, FILE:LINE: what is wrong (how to fix) [RULE].

function finding(file, line, rule, msg) {
	printf "%s:%d: %s [%s]\n", file, line, msg, rule
}

function upper(s) { s = toupper(s); gsub(/-/, "_", s); return s }
function basename(p) { sub(/.*\//, "", p); return p }
function dirname(p) { if (p !~ /\//) return "."; sub(/\/[^\/]*$/, "", p); return p }
function exists(p,    l, r) { r = (getline l < p); close(p); return r >= 0 }
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }

# Whole-word counts of every variable-like word (comment lines left out).
function count_words(line,    w) {
	if (line ~ /^[ \t]*#/) return
	while (match(line, /[A-Za-z0-9_]+/)) {
		w = substr(line, RSTART, RLENGTH); words[w]++
		line = substr(line, RSTART + RLENGTH)
	}
}

# "NAME = value" (first line only), for expanding file names.
function note_value(line,    name) {
	if (line ~ /^\t/ || !match(line, /^[ \t]*((export|override)[ \t]+)*[A-Za-z0-9_]+[ \t]*(::|:|\?|\+)?=/))
		return
	name = substr(line, 1, RLENGTH); sub(/^[ \t]*((export|override)[ \t]+)*/, "", name)
	sub(/[ \t]*(::|:|\?|\+)?=$/, "", name)
	line = substr(line, RLENGTH + 1); sub(/[ \t]*#.*/, "", line); sub(/\\$/, "", line)
	if (!(name in gval)) gval[name] = trim(line)
}

# $(NAME) and $(TOPDIR) replaced where known; what is left keeps its $(.
function expand(s, depth,    out, name, ref, rest) {
	if (depth > 8) return s
	out = ""
	while (match(s, /\$\([A-Za-z0-9_]+\)/)) {
		ref = substr(s, RSTART, RLENGTH); name = substr(ref, 3, RLENGTH - 3)
		out = out substr(s, 1, RSTART - 1); rest = substr(s, RSTART + RLENGTH)
		if (name == "TOPDIR") out = out top
		else if (name in gval) out = out expand(gval[name], depth + 1)
		else out = out ref
		s = rest
	}
	return out s
}

# A path as the findings name it: relative to the tree when in it.
function rel(p) { if (index(p, top "/") == 1) p = substr(p, length(top) + 2); return p }

function is_set(P, X) { return (P "_" X) in val }

function load_hash(path,    l, n, w) {
	if (path in hashloaded) return hashloaded[path]
	hashloaded[path] = exists(path)
	if (!hashloaded[path]) return 0
	n = 0
	while ((getline l < path) > 0) {
		n++
		if (split(l, w, " ") == 3 && w[1] == "sha256") { hashed[path, w[3]] = 1; hashline[path, w[3]] = n }
	}
	close(path)
	return 1
}

# The .mk of a package named NAME (host- or not), among the known files.
function mk_of(name,    b, f) {
	b = name; sub(/^host-/, "", b)
	for (f in known_mk) if (basename(f) == b ".mk") return f
	return ""
}

function spdx_ok(expr, P, file, line,    t, n, i, bad) {
	gsub(/[()]/, " ", expr)
	n = split(expr, t, " ")
	bad = ""
	for (i = 1; i <= n; i++) {
		if (t[i] == "AND" || t[i] == "OR" || t[i] == "WITH") continue
		# a licence with no SPDX id (the SBOMs declare it, support/sbom/spdx.jq)
		if (t[i] ~ /^LicenseRef-[A-Za-z0-9.-]+$/) continue
		if (t[i] in spdx_deprecated)
			{ finding(file, line, "license", P "_LICENSE: " t[i] " is a deprecated SPDX id (say " t[i] "-only or " t[i] "-or-later)"); continue }
		if (!(t[i] in spdx)) bad = bad " " t[i]
	}
	if (bad != "")
		finding(file, line, "license", P "_LICENSE:" bad " is not an SPDX license id this checker knows (use the id from https://spdx.org/licenses/; add a real one to the list in utils/check-package.awk)")
}

function check_mk(f,    n, i, l, cont, indef, m, name, op, v, base, dir, kind, p, P, np, names, ev, \
		own_dl, src, local, dlfrom, hf, need, k, deps, suf, known, j, hdr, debs, dl, w, pre, q) {
	n = 0
	while ((getline l < f) > 0) L[++n] = l
	close(f)
	base = basename(f); sub(/\.mk$/, "", base); dir = dirname(f)
	for (k in val) delete val[k]
	for (k in vline) delete vline[k]
	for (k in evline) delete evline[k]
	for (k in pkind) delete pkind[k]
	for (k in nas) delete nas[k]
	nvars = 0; np = 0; usestc = 0

	cont = 0; indef = 0
	for (i = 1; i <= n; i++) {
		l = L[i]
		if (match(l, /\$\(call qstrip, *\$\(KR_[A-Za-z0-9_]+\)\)/)) {
			m = substr(l, RSTART, RLENGTH); sub(/^\$\(call qstrip, */, "", m); sub(/\)$/, "", m)
			finding(f, i, "qstrip", m " is already unquoted: the top Makefile strips every KR_ string after reading .config (write " m ")")
		}
		if (!usestc && l !~ /^[ \t]*#/ && l ~ /\$\(TARGET_(CC|CROSS|STRIP|CONFIGURE_OPTS|MAKE_ENV)\)/) usestc = i
		if (indef) {
			if (l ~ /^[ \t]*endef/) indef--
			else if (l ~ /^[ \t]*define[ \t]/) indef++
			cont = 0; continue
		}
		if (cont) {
			if (lastvar != "") val[lastvar] = val[lastvar] " " trim(l)
			sub(/\\$/, "", val[lastvar])
			cont = (l ~ /\\$/); if (!cont) lastvar = ""
			continue
		}
		cont = (l ~ /\\$/); lastvar = ""
		if (l ~ /^\t/ || l ~ /^[ \t]*#/) continue
		if (match(l, /^define[ \t]+[A-Za-z0-9_]+/)) {
			name = substr(l, 1, RLENGTH); sub(/^define[ \t]+/, "", name)
			nas[name]++
			if (!(name in vline)) { vline[name] = i; vars[++nvars] = name; val[name] = "(define)" }
			indef = 1; continue
		}
		if (match(l, /^[ \t]*((export|override)[ \t]+)*[A-Za-z0-9_]+[ \t]*(::|:|\?|\+)?=/)) {
			name = substr(l, 1, RLENGTH); sub(/^[ \t]*((export|override)[ \t]+)*/, "", name)
			sub(/[ \t]*(::|:|\?|\+)?=$/, "", name)
			v = substr(l, RLENGTH + 1); sub(/[ \t]*#.*/, "", v); sub(/\\$/, "", v)
			nas[name]++
			if (!(name in vline)) { vline[name] = i; vars[++nvars] = name; val[name] = trim(v) }
			if (cont) lastvar = name
			continue
		}
		if (match(l, /\$\(eval \$\((host-generic|generic|host-c-program|c-program|golang|container)-package\)\)/)) {
			kind = substr(l, RSTART + 9, RLENGTH - 19)
			# a C program of src/ is a generic package with src/c-program.mk's variables
			iscprog = (kind ~ /c-program$/)
			sub(/c-program$/, "generic", kind)
			p = (kind == "host-generic" ? "host-" base : base)
			if (iscprog) cprog[p] = 1
			if (!(p in evline)) { evline[p] = i; names[++np] = p }
			pkind[p] = pkind[p] " " kind
		}
	}

	# The banner.
	hdr = ""
	if (n >= 3 && L[1] ~ /^#+$/ && length(L[1]) == 80 && L[3] == L[1] && L[2] ~ /^# [a-z0-9-]+: [^ ]/) {
		hdr = L[2]; sub(/^# /, "", hdr); sub(/:.*/, "", hdr)
	} else
		finding(f, 1, "header", "no banner (start with a line of 80 '#', '# NAME: what it is', a line of 80 '#')")

	if (np == 0) {
		finding(f, n, "eval", "no $(eval $(generic-package)) or host-, c-program-, golang-, container- line (end with the one that makes the rules)")
		return
	}
	if (hdr != "") {
		for (j = 1; j <= np; j++) if (names[j] == hdr) break
		if (j > np) finding(f, 2, "header", "the banner names '" hdr "', not the package (write '# " names[1] ": ...')")
	}

	# Every variable set carries a prefix of the file's packages.
	for (i = 1; i <= nvars; i++) {
		v = vars[i]
		for (j = 1; j <= np; j++) if (index(v, upper(names[j]) "_") == 1) break
		if (j <= np) continue
		if ((f in infra_vars) && v ~ infra_vars[f]) continue
		finding(f, vline[v], "prefix", v " does not carry the package's prefix " upper(names[1]) "_ (rename it " upper(names[1]) "_...)")
	}

	for (j = 1; j <= np; j++) {
		p = names[j]; P = upper(p); ev = evline[p]
		known = " " kgen " "
		if (pkind[p] ~ /golang/) known = known kgo " "
		if (pkind[p] ~ /container/) known = known kcont " "

		if (!is_set(P, "VERSION"))
			finding(f, ev, "version", P "_VERSION is not set (the upstream version, or $(KR_VERSION) for the tree's own sources)")
		if (!is_set(P, "LICENSE"))
			finding(f, ev, "license", P "_LICENSE is not set (its SPDX id, e.g. MIT or GPL-2.0-only)")
		else spdx_ok(val[P "_LICENSE"], P, f, vline[P "_LICENSE"])

		src = is_set(P, "SOURCE")
		# a C program's _SITE is its directory in src/ (src/c-program.mk)
		local = (val[P "_SITE_METHOD"] == "local") || (p in cprog)
		dlfrom = is_set(P, "DL_FROM") ? expand(val[P "_DL_FROM"], 0) : p
		own_dl = src && dlfrom == p
		if (local && !is_set(P, "SITE"))
			finding(f, vline[P "_SITE_METHOD"], "site", P "_SITE_METHOD is local but " P "_SITE is not set (the directory of this tree to copy)")
		if (own_dl && !is_set(P, "SITE") && !is_set(P, "DEBIAN"))
			finding(f, vline[P "_SOURCE"], "site", P "_SOURCE is downloaded from nowhere (set " P "_SITE, the upstream directory URL, or " P "_DEBIAN)")
		if (is_set(P, "SITE") && !src && !local)
			finding(f, vline[P "_SITE"], "unused", P "_SITE is set but nothing reads it: without " P "_SOURCE nothing is downloaded from it (remove it; name the upstream in a comment)")
		if (is_set(P, "DEBIAN") && !src && !is_set(P, "DEBIAN_PATCHES"))
			finding(f, vline[P "_DEBIAN"], "unused", P "_DEBIAN is set but nothing reads it: there is no " P "_SOURCE (remove it)")
		if (src && !is_set(P, "LICENSE_FILES"))
			finding(f, ev, "license-files", p " extracts a downloaded source but sets no " P "_LICENSE_FILES (name its license files; hash them in its .hash)")

		# The toolchain dependency: only NO, only where it changes something.
		if (is_set(P, "ADD_TOOLCHAIN_DEPENDENCY")) {
			i = vline[P "_ADD_TOOLCHAIN_DEPENDENCY"]
			if (val[P "_ADD_TOOLCHAIN_DEPENDENCY"] != "NO")
				finding(f, i, "toolchain-dependency", "only NO has a meaning here (remove the line)")
			else if (pkind[p] ~ /host-generic/)
				finding(f, i, "toolchain-dependency", P "_ADD_TOOLCHAIN_DEPENDENCY does nothing: a host package never depends on the toolchain (remove it)")
			else if (pkind[p] ~ /container/ && pkind[p] !~ / generic/)
				finding(f, i, "toolchain-dependency", P "_ADD_TOOLCHAIN_DEPENDENCY does nothing: a container package depends on busybox, which depends on the toolchain (remove it)")
			else if (usestc && (" " val[P "_DEPENDENCIES"] " ") !~ / host-toolchain-wrapper /)
				finding(f, i, "toolchain-dependency", p " compiles with the target toolchain (line " usestc ") but drops the dependency on it (remove this line, or depend on the toolchain parts it uses, as musl does)")
		}

		# The hash file and its lines.
		if (is_set(P, "HASH_FILE")) hf = rel(expand(val[P "_HASH_FILE"], 0))
		else if (dlfrom == p) hf = dir "/" p ".hash"
		else { hf = mk_of(dlfrom); hf = (hf == "" ? "" : dirname(hf) "/" dlfrom ".hash") }
		k = 0
		for (q in need) delete need[q]
		if (own_dl) need[++k] = expand(val[P "_SOURCE"], 0) SUBSEP vline[P "_SOURCE"]
		if (is_set(P, "DEBIAN_PATCHES")) need[++k] = expand(val[P "_DEBIAN_PATCHES"], 0) SUBSEP vline[P "_DEBIAN_PATCHES"]
		debs = is_set(P, "DEBS") ? rel(expand(val[P "_DEBS"], 0)) : (pkind[p] ~ /golang/ ? dir "/" p ".godeps" : "")
		if (debs != "" && debs !~ /\$\(/ && exists(debs)) {
			i = 0
			while ((getline l < debs) > 0) {
				i++
				if (l !~ /^[a-z]/ || split(l, w, " ") != 3) continue
				dl = w[1] "_" w[2] "_" w[3] ".deb"; gsub(/:/, "%3a", dl)
				need[++k] = dl SUBSEP (is_set(P, "DEBS") ? vline[P "_DEBS"] : ev)
			}
			close(debs)
		}
		if (k > 0 && (hf == "" || !load_hash(hf))) {
			finding(f, ev, "hash", p " downloads files but " (hf == "" ? "its hash file" : hf) " does not exist (create it: a comment, then sha256  HASH  FILE per download and license file)")
			continue
		}
		# (names made by make functions are left to the extract step's check)
		if ((src || debs != "") && is_set(P, "LICENSE_FILES") && expand(val[P "_LICENSE_FILES"], 0) !~ /\$\(/) {
			i = split(expand(val[P "_LICENSE_FILES"], 0), w, " ")
			for (q = 1; q <= i; q++) need[++k] = w[q] SUBSEP vline[P "_LICENSE_FILES"]
		}
		if (hf == "" || !load_hash(hf)) continue
		hashowned[hf] = 1
		for (q = 1; q <= k; q++) {
			split(need[q], w, SUBSEP)
			if (w[1] ~ /\$\(/) continue
			claimed[hf, w[1]] = 1
			if (!((hf, w[1]) in hashed))
				finding(f, w[2], "hash", hf " has no line for " w[1] " (add sha256  HASH  " w[1] ", saying in a comment where the hash came from)")
		}
	}

	# Variables set that nothing reads: not documented or read by the
	# infrastructure, and not named anywhere else in the tree.
	for (i = 1; i <= nvars; i++) {
		v = vars[i]
		for (j = 1; j <= np; j++) {
			P = upper(names[j])
			if (index(v, P "_") != 1) continue
			suf = substr(v, length(P) + 1)
			known = " " kgen " "
			if (pkind[names[j]] ~ /golang/) known = known kgo " "
			if (pkind[names[j]] ~ /container/) known = known kcont " "
			if (index(known, " " suf " ")) break
			if (words[v] <= nas[v])
				finding(f, vline[v], "unused", v " is set but nothing reads it: the infrastructure does not know it and no file names it (remove it)")
			break
		}
	}

	# A target package of pkg/ is chosen in its Config.in.
	if (f ~ /(^|\/)pkg\/[^\/]+\/[^\/]+\.mk$/ || f !~ /^(kernel|toolchain)\//)
		for (j = 1; j <= np; j++)
			if (pkind[names[j]] !~ /host-generic/ && !exists(dir "/Config.in"))
				finding(f, evline[names[j]], "config-missing", names[j] " is a target package without " dir "/Config.in (add config KR_PACKAGE_" upper(names[j]) " there, sourced from pkg/Config.in)")
}

function width(l,    w, c, i) {
	w = 0
	for (i = 1; i <= length(l); i++) {
		c = substr(l, i, 1)
		if (c == "\t") w = w + 8 - w % 8; else w++
	}
	return w
}

function check_config(f,    S, d, l, i, sym, inhelp, nmain, mainline, lastl, lastt, top_in, s, found) {
	d = basename(dirname(f)); S = "KR_PACKAGE_" upper(d)
	i = 0; inhelp = 0; nmain = 0; sym = ""
	while ((getline l < f) > 0) {
		i++
		if (inhelp) {
			if (l ~ /^[ \t]*$/) continue
			if (l ~ /^\t  / || l ~ /^\t\t/) {
				if (width(l) > 72)
					finding(f, i, "config-help", "help line is " width(l) " columns wide (wrap at 72: a tab, two spaces, at most 62 characters)")
				if (sym == S) { lastl = i; lastt = l }
				continue
			}
			inhelp = 0
		}
		if (match(l, /^(menu)?config[ \t]+[A-Za-z0-9_]+/)) {
			s = l; sub(/^(menu)?config[ \t]+/, "", s); sub(/[ \t].*/, "", s); sym = s
			if (s == S) { nmain++; if (nmain == 1) mainline = i
				else finding(f, i, "config", S " is defined twice (one symbol per package)") }
			else if (index(s, S "_") != 1)
				finding(f, i, "config", s " is not this package's symbol (name it " S " or " S "_SOMETHING)")
			continue
		}
		if (l ~ /^[ \t]+(help|---help---)[ \t]*$/) inhelp = 1
	}
	close(f)
	if (nmain == 0) { finding(f, 1, "config", "no config " S " (each package has one symbol, named after its directory)"); return }
	if (lastl == "")
		finding(f, mainline, "config-url", S " has no help text (say what the package is; end with its upstream URL)")
	else if (lastt !~ /^[ \t]+https:\/\/[^ \t]+[ \t]*$/)
		finding(f, lastl, "config-url", "the help text of " S " does not end with the upstream URL (add a last line https://...)")
	# Sourced from pkg/Config.in (in the tree).
	if (f ~ /^pkg\/[^\/]+\/Config\.in$/ && exists("pkg/Config.in")) {
		found = 0
		while ((getline l < "pkg/Config.in") > 0) if (l ~ "^[ \t]*source[ \t]+\"" f "\"") found = 1
		close("pkg/Config.in")
		if (!found) finding(f, 1, "config", "pkg/Config.in does not source it (add source \"" f "\")")
	}
}

function check_hash(f,    l, i, w, comment, n) {
	i = 0; comment = 0
	while ((getline l < f) > 0) {
		i++
		if (l ~ /^[ \t]*$/) continue
		if (l ~ /^#/) { comment = 1; continue }
		n = split(l, w, " ")
		if (l !~ /^sha256  [0-9a-f]+  [^ \t]+$/ || length(w[2]) != 64)
			finding(f, i, "hash-format", "expected sha256  HASH  FILE (two spaces apart, 64 lower-case hex digits)")
		else if (!comment)
			finding(f, i, "hash-format", "no comment says where this hash came from (add one above it)")
		if (n == 3) { hfile_names[f, w[3]] = i }
	}
	close(f)
}

BEGIN {
	n = split(files, F, "\n")
	# The toolchain's file defines what target packages compile with;
	# docs/adding-a-package.md names them.
	infra_vars["toolchain/toolchain.mk"] = "^(TARGET_(CROSS|CC|STRIP|MAKE_ENV|CONFIGURE_OPTS)|KR_(TUPLE|GNU_TRIPLET|CROSS_COMPILE|BINUTILS|GCC_LIBDIR)|CCACHE_[A-Z_]+)$"
	split("0BSD Apache-2.0 Artistic-2.0 BSD-2-Clause BSD-3-Clause BSL-1.0 CC0-1.0 curl GPL-2.0-only " \
		"GPL-2.0-or-later GPL-3.0-only GPL-3.0-or-later ISC LGPL-2.0-only LGPL-2.0-or-later " \
		"LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0-only LGPL-3.0-or-later MIT MPL-2.0 OpenSSL " \
		"PSF-2.0 Unlicense X11 Zlib Linux-syscall-note GCC-exception-3.1 LLVM-exception " \
		"Classpath-exception-2.0 Autoconf-exception-3.0 Bison-exception-2.2", t, " ")
	for (i in t) spdx[t[i]] = 1
	split("GPL-2.0 GPL-2.0+ GPL-3.0 GPL-3.0+ LGPL-2.0 LGPL-2.1 LGPL-2.1+ LGPL-3.0 LGPL-3.0+", t, " ")
	for (i in t) spdx_deprecated[t[i]] = 1
}

{ incorpus[FILENAME] = 1; if (FILENAME ~ /\.mk$/) known_mk[FILENAME] = 1; count_words($0); note_value($0) }

END {
	for (i = 1; i <= n; i++) {
		f = F[i]
		if (f == "" || (f in incorpus) || f !~ /\.mk$/) continue
		known_mk[f] = 1
		while ((getline l < f) > 0) { count_words(l); note_value(l) }
		close(f)
	}
	for (i = 1; i <= n; i++) {
		f = F[i]
		if (f ~ /\.hash$/) check_hash(f)
	}
	for (i = 1; i <= n; i++) {
		f = F[i]
		if (f ~ /\.mk$/) check_mk(f)
		else if (f ~ /(^|\/)Config\.in$/) check_config(f)
	}
	for (k in hfile_names) {
		split(k, w, SUBSEP)
		if ((w[1] in hashowned) && !((w[1], w[2]) in claimed))
			finding(w[1], hfile_names[k], "hash-unused", w[2] " is hashed but no download or license file of the package has that name (delete the line)")
	}
}
