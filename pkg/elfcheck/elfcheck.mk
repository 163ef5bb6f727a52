################################################################################
# host-elfcheck: kr-elfcheck, the hardening check of every ELF in an image
################################################################################

HOST_ELFCHECK_VERSION = $(KR_VERSION)
HOST_ELFCHECK_SITE = $(TOPDIR)/pkg/elfcheck/src
HOST_ELFCHECK_SITE_METHOD = local
HOST_ELFCHECK_LICENSE = MIT
HOST_ELFCHECK_ADD_TOOLCHAIN_DEPENDENCY = NO
HOST_ELFCHECK_SRCS = main.c inspect.c calls.c verdict.c

define HOST_ELFCHECK_BUILD_CMDS
	$(Q)cd $(@D) && gcc -std=c11 -O2 -Wall -Wextra -Werror -D_DEFAULT_SOURCE \
		-o kr-elfcheck $(HOST_ELFCHECK_SRCS)
endef

define HOST_ELFCHECK_INSTALL_CMDS
	$(Q)install -m 0755 $(@D)/kr-elfcheck $(HOST_DIR)/bin/kr-elfcheck
endef

$(eval $(host-generic-package))
