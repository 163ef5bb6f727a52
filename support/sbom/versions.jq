# Version ordering for cve-check (support/sbom/cve-check.jq); make test
# checks cmp_debian against dpkg --compare-versions.

# Debian's ordering (dpkg): epoch, then upstream and revision compared
# as alternating non-digit and digit runs; in the former "~" sorts before
# everything, even the end, and letters before other characters.
def char_order: if . == 126 then -1 elif (. >= 65 and . <= 90) or (. >= 97 and . <= 122) then . else . + 256 end;
def cmp_nondigit($a; $b):
	($a | explode | map(char_order)) as $x | ($b | explode | map(char_order)) as $y
	| [ range(0; ([ ($x | length), ($y | length) ] | max)) ] as $idx
	| first($idx[] as $i | ($x[$i] // 0) as $p | ($y[$i] // 0) as $q
		| select($p != $q) | if $p < $q then -1 else 1 end) // 0;
def runs: [ scan("[^0-9]+|[0-9]+") ];
def cmp_part($a; $b):
	($a | runs) as $x | ($b | runs) as $y
	# runs must alternate from a non-digit one: pad where a string starts with a digit
	| (if ($x[0] // "") | test("^[0-9]") then [ "" ] + $x else $x end) as $x
	| (if ($y[0] // "") | test("^[0-9]") then [ "" ] + $y else $y end) as $y
	| [ range(0; ([ ($x | length), ($y | length) ] | max)) ] as $idx
	| first($idx[] as $i
		| (if $i % 2 == 0 then cmp_nondigit($x[$i] // ""; $y[$i] // "")
		   else ((($x[$i] // "0") | tonumber) as $p | (($y[$i] // "0") | tonumber) as $q
			| if $p < $q then -1 elif $p > $q then 1 else 0 end) end)
		| select(. != 0)) // 0;
def debian_split: capture("^(?:(?<e>[0-9]+):)?(?<u>.*?)(?:-(?<r>[^-]*))?$") | .e |= ((. // "0") | tonumber) | .r |= (. // "");
def cmp_debian($a; $b):
	($a | debian_split) as $x | ($b | debian_split) as $y
	| if $x.e != $y.e then (if $x.e < $y.e then -1 else 1 end)
	  else (cmp_part($x.u; $y.u)) as $c | if $c != 0 then $c else cmp_part($x.r; $y.r) end end;
# Semver (with or without its "v"): the core numerically, then a
# pre-release sorts before the release.
def semver_split: sub("^v"; "") | sub("\\+.*$"; "") | capture("^(?<core>[0-9]+(\\.[0-9]+)*)(?:-(?<pre>.*))?$");
def cmp_semver($a; $b):
	($a | semver_split) as $x | ($b | semver_split) as $y
	| cmp_part($x.core; $y.core) as $c
	| if $c != 0 then $c
	  elif $x.pre == null and $y.pre == null then 0 elif $x.pre == null then 1 elif $y.pre == null then -1
	  else cmp_part($x.pre; $y.pre) end;
def cmp_version($kind; $a; $b):
	if $kind == "SEMVER" then cmp_semver($a; $b) else cmp_debian($a | sub("^v(?=[0-9])"; ""); $b | sub("^v(?=[0-9])"; "")) end;

