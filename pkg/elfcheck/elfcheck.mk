################################################################################
# host-elfcheck: kr-elfcheck, the hardening check of every ELF in an image
################################################################################

HOST_ELFCHECK_VERSION = $(KR_VERSION)
HOST_ELFCHECK_SITE = $(TOPDIR)/src/elfcheck
HOST_ELFCHECK_LICENSE = MIT

define HOST_ELFCHECK_INSTALL_CMDS
	$(Q)install -m 0755 $(@D)/kr-elfcheck $(HOST_DIR)/bin/kr-elfcheck
endef

$(eval $(host-c-program-package))
