################################################################################
# linux-headers: the kernel's user-space API headers, into the sysroot
################################################################################

# Same tarball as the kernel (kernel/linux.mk), installed with the
# kernel's own headers_install into a separate object tree, so it can run
# while the kernel builds.
LINUX_HEADERS_VERSION = $(LINUX_VERSION)
LINUX_HEADERS_SOURCE = $(LINUX_SOURCE)
LINUX_HEADERS_DL_FROM = linux
LINUX_HEADERS_LICENSE = GPL-2.0-only WITH Linux-syscall-note
LINUX_HEADERS_LICENSE_FILES = COPYING
LINUX_HEADERS_ADD_TOOLCHAIN_DEPENDENCY = NO
LINUX_HEADERS_PATCHES =

# Only what headers_install reads is unpacked.
define LINUX_HEADERS_EXTRACT_CMDS
	$(Q)tar -xf $(LINUX_HEADERS_DL_FILE) -C $(@D) --strip-components=1 --no-same-owner \
		--exclude='$(LINUX_SUBDIR)/drivers' --exclude='$(LINUX_SUBDIR)/sound' \
		--exclude='$(LINUX_SUBDIR)/Documentation' --exclude='$(LINUX_SUBDIR)/fs' \
		--exclude='$(LINUX_SUBDIR)/net'
endef

define LINUX_HEADERS_BUILD_CMDS
	$(Q)$(MAKE) -s -C $(@D) ARCH=$(KR_LINUX_ARCH) O=$(@D)/kbuild \
		INSTALL_HDR_PATH=$(@D)/kbuild/uapi headers_install
endef

define LINUX_HEADERS_INSTALL_STAGING_CMDS
	$(Q)mkdir -p $(SYSROOT)/include
	$(Q)cp -a $(@D)/kbuild/uapi/include/. $(SYSROOT)/include/
endef

$(eval $(generic-package))
