# Sourced: guid SEED prints a GUID derived from SEED (the first 128 bits
# of its SHA-256, marked as a version 4 / RFC 4122 variant GUID, as
# random ones are): the same build gives the same disk and partition
# GUIDs, different builds different ones.
guid() {
	printf '%s' "$1" | sha256sum | awk '{
		h = substr($1, 1, 32)
		v = substr("89ab", index("0123456789abcdef", substr(h, 17, 1)) % 4 + 1, 1)
		printf "%s-%s-4%s-%s%s-%s\n", substr(h, 1, 8), substr(h, 9, 4), substr(h, 14, 3),
			v, substr(h, 18, 3), substr(h, 21, 12) }'
}
