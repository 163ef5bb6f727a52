################################################################################
# host-go: the Go toolchain that builds runc and containerd
################################################################################

# Debian's build of the release, unpacked into the host directory (never
# installed on the build machine); upstream is https://go.dev/dl.  The
# version is written once, in go.debs (golang-SERIES-go VERSION-REV ARCH).
HOST_GO_DEBS = $(TOPDIR)/pkg/go/go.debs
HOST_GO_HASH_FILE = $(TOPDIR)/pkg/go/go.hash
HOST_GO_PIN := $(shell grep '^golang-[0-9.]*-go ' $(HOST_GO_DEBS))
HOST_GO_VERSION = $(firstword $(subst -, ,$(word 2,$(HOST_GO_PIN))))
HOST_GO_SERIES = $(patsubst golang-%-go,%,$(firstword $(HOST_GO_PIN)))
HOST_GO_LICENSE = BSD-3-Clause
HOST_GO_LICENSE_FILES = usr/share/doc/golang-$(HOST_GO_SERIES)-src/copyright
HOST_GO_CPE_ID_VENDOR = golang
HOST_GO_CPE_ID_PRODUCT = go
# Its runtime and standard library are linked into every Go program.
HOST_GO_IN_TARGET = YES

HOST_GO_ROOT = $(HOST_DIR)/lib/go/usr/lib/go-$(HOST_GO_SERIES)

define HOST_GO_EXTRACT_CMDS
	$(Q)$(call unpack-debs,$(HOST_GO_DEBS),$(@D))
endef

# Hard links: the tree is 280 MB and only read.
define HOST_GO_INSTALL_CMDS
	$(Q)rm -rf $(HOST_DIR)/lib/go
	$(Q)mkdir -p $(HOST_DIR)/lib/go
	$(Q)cp -al $(@D)/usr $(HOST_DIR)/lib/go/
	$(Q)$(HOST_GO_ROOT)/bin/go version
endef

$(eval $(host-generic-package))
