################################################################################
# host-go: the Go toolchain that builds runc and containerd
################################################################################

# Debian's build of the release, unpacked into the host directory (never
# installed on the build machine).  Go's own release tarball is the
# upstream source for users who can reach it.
HOST_GO_VERSION = 1.24.4
HOST_GO_SITE = https://go.dev/dl
HOST_GO_DEBS = $(TOPDIR)/pkg/go/go.debs
HOST_GO_HASH_FILE = $(TOPDIR)/pkg/go/go.hash
HOST_GO_LICENSE = BSD-3-Clause

HOST_GO_ROOT = $(HOST_DIR)/lib/go/usr/lib/go-1.24

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
