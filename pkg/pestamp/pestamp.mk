################################################################################
# host-pestamp: kr-pestamp, the UKI's link time and checksum made the build's
################################################################################

HOST_PESTAMP_VERSION = $(KR_VERSION)
HOST_PESTAMP_SITE = $(TOPDIR)/src/pestamp
HOST_PESTAMP_LICENSE = MIT

define HOST_PESTAMP_INSTALL_CMDS
	$(Q)install -m 0755 $(@D)/kr-pestamp $(HOST_DIR)/bin/kr-pestamp
endef

$(eval $(host-c-program-package))
