################################################################################
# host-bundle: kr-bundle, a service spec turned into an OCI config.json
################################################################################

HOST_BUNDLE_VERSION = $(KR_VERSION)
HOST_BUNDLE_SITE = $(TOPDIR)/pkg/bundle/src
HOST_BUNDLE_SITE_METHOD = local
HOST_BUNDLE_LICENSE = MIT
HOST_BUNDLE_ADD_TOOLCHAIN_DEPENDENCY = NO
HOST_BUNDLE_SRCS = main.c spec.c words.c number.c proc_keys.c linux_keys.c \
	tables.c seccomp.c json.c oci.c mkdirs.c

define HOST_BUNDLE_BUILD_CMDS
	$(Q)cd $(@D) && gcc -std=c11 -O2 -Wall -Wextra -Werror -D_DEFAULT_SOURCE \
		-o kr-bundle $(HOST_BUNDLE_SRCS)
endef

define HOST_BUNDLE_INSTALL_CMDS
	$(Q)install -m 0755 $(@D)/kr-bundle $(HOST_DIR)/bin/kr-bundle
endef

$(eval $(host-generic-package))
