# kr-pestamp: a PE file's link time and checksum made the build's (host; see pkg/pestamp)
pestamp_BIN = kr-pestamp
pestamp_CPPFLAGS = -D_DEFAULT_SOURCE
