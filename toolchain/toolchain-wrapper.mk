################################################################################
# host-toolchain-wrapper: the C wrapper every target compile goes through
################################################################################

HOST_TOOLCHAIN_WRAPPER_VERSION = $(KR_VERSION)
HOST_TOOLCHAIN_WRAPPER_SITE = $(TOPDIR)/src/wrapper
HOST_TOOLCHAIN_WRAPPER_LICENSE = MIT

# Everything the wrapper needs to know is compiled in: it serves one
# output directory, and a changed configuration rebuilds it.
HOST_TOOLCHAIN_WRAPPER_DEFINES = \
	-DKR_LAUNCHER='"$(if $(KR_CCACHE),ccache)"' \
	-DKR_REAL_CC='"$(KR_GNU_TRIPLET)-gcc"' \
	-DKR_SYSROOT='"$(SYSROOT)"' \
	-DKR_GCC_INCLUDE='"$(KR_GCC_LIBDIR)/include"' \
	-DKR_GCC_LIBDIR='"$(KR_GCC_LIBDIR)"' \
	-DKR_PREFIX_MAP='"$(O)"' \
	-DKR_ARCH_FLAGS='"$(KR_TARGET_ARCH_CFLAGS)"' \
	-DKR_OPT_FLAGS='"$(KR_TARGET_OPTIMIZATION)"'

define HOST_TOOLCHAIN_WRAPPER_INSTALL_CMDS
	$(Q)install -m 0755 $(@D)/kitroot-wrapper $(HOST_DIR)/bin/kitroot-wrapper
	$(Q)for t in gcc cc; do ln -sf kitroot-wrapper $(HOST_DIR)/bin/$(KR_TUPLE)-$$t; done
	$(Q)for t in $(KR_BINUTILS); do \
		p=$$(command -v $(KR_GNU_TRIPLET)-$$t) || { \
			echo "toolchain: $(KR_GNU_TRIPLET)-$$t not found (binutils for $(KR_ARCH))" >&2; exit 1; }; \
		ln -sf $$p $(HOST_DIR)/bin/$(KR_TUPLE)-$$t; done
endef

$(eval $(host-c-program-package))

# The compiled-in paths and flags come from the configuration: record
# them, rewriting the record only when they change, so that only such a
# change rebuilds the wrapper (and with it every target package).
HOST_TOOLCHAIN_WRAPPER_RECORD = $(BUILD_DIR)/toolchain-wrapper.defines
$(call kr-record,$(HOST_TOOLCHAIN_WRAPPER_RECORD),HOST_TOOLCHAIN_WRAPPER_DEFINES)
$(HOST_TOOLCHAIN_WRAPPER_DIR)/.stamp_configured: $(HOST_TOOLCHAIN_WRAPPER_RECORD)
