################################################################################
# host-bundle: kr-bundle, a service spec turned into an OCI config.json
################################################################################

HOST_BUNDLE_VERSION = $(KR_VERSION)
HOST_BUNDLE_SITE = $(TOPDIR)/src/bundle
HOST_BUNDLE_LICENSE = MIT

define HOST_BUNDLE_INSTALL_CMDS
	$(Q)install -m 0755 $(@D)/kr-bundle $(HOST_DIR)/bin/kr-bundle
endef

$(eval $(host-c-program-package))
