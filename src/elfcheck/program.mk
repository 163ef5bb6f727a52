# kr-elfcheck: the hardening check of every ELF file in an image (host; see pkg/elfcheck)
elfcheck_BIN = kr-elfcheck
elfcheck_CPPFLAGS = -D_DEFAULT_SOURCE
# OpenSSL's libcrypto verifies kernel module signatures (libssl-dev,
# support/build/host-deps.sh).
elfcheck_LDLIBS = -lcrypto
