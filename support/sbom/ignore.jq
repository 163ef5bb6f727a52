# The _IGNORE_CVES of every package (make's ignore-cves.tsv, raw text
# "PACKAGE<TAB>CVE-ID[:FILE.patch] ...") as { PACKAGE: [ { id, patch } ] }.
def ignore_lists($text):
	[ $text | split("\n")[] | select(length > 0) | split("\t")
	  | { key: (.[0] | sub("^ +"; "")),
	      value: [ (.[1] // "") | split(" ")[] | select(length > 0) | split(":")
		| { id: .[0], patch: (.[1] // null) } ] } ] | from_entries;
