################################################################################
# toolchain: the host's (cross) GCC + musl from source + our wrapper
################################################################################

# Target programs are built by $(KR_TUPLE)-gcc, which is the C wrapper
# (src/wrapper/) calling $(KR_GNU_TRIPLET)-gcc with our sysroot.
KR_TUPLE = $(KR_ARCH)-kitroot-linux-musl
KR_CROSS_COMPILE = $(if $(filter $(KR_GNU_TRIPLET),$(shell gcc -dumpmachine 2>/dev/null)),,$(KR_GNU_TRIPLET)-)
KR_BINUTILS = addr2line ar as ld nm objcopy objdump ranlib readelf size strings strip
KR_GCC_LIBDIR = $(if $(KR_GNU_TRIPLET),$(patsubst %/,%,$(dir $(shell $(KR_GNU_TRIPLET)-gcc -print-libgcc-file-name 2>/dev/null))))

TARGET_CROSS = $(HOST_DIR)/bin/$(KR_TUPLE)-
TARGET_CC = $(TARGET_CROSS)gcc
# __stack_chk_fail stays: kr-elfcheck counts the calls to it to see that
# a stripped static program has stack canaries (about 200 bytes a file).
TARGET_STRIP = $(TARGET_CROSS)strip --strip-all --keep-symbol=__stack_chk_fail \
	--remove-section=.comment --remove-section=.note

# What a target package's configure or make gets.
TARGET_MAKE_ENV = PATH=$(HOST_DIR)/bin:$(PATH)
TARGET_CONFIGURE_OPTS = CC=$(TARGET_CC) AR=$(TARGET_CROSS)ar \
	RANLIB=$(TARGET_CROSS)ranlib STRIP=$(TARGET_CROSS)strip \
	CFLAGS= LDFLAGS=

# Compiler cache shared by every build directory.
ifeq ($(KR_CCACHE),y)
export CCACHE_DIR ?= $(KR_CACHE_DIR)/ccache
export CCACHE_BASEDIR := $(O)
export CCACHE_NOHASHDIR := 1
export CCACHE_COMPILERCHECK := content
# The wrapper maps O to "" in every object, so the map's value (which names
# O) does not change the output: ignoring it lets another O reuse the cache.
export CCACHE_IGNOREOPTIONS := -ffile-prefix-map=*
endif

# The toolchain as one package: target packages depend on it.
TOOLCHAIN_VERSION = $(KR_VERSION)
TOOLCHAIN_ADD_TOOLCHAIN_DEPENDENCY = NO
TOOLCHAIN_DEPENDENCIES = host-toolchain-wrapper musl linux-headers
# What of it is in every program besides musl: GCC's libgcc (the
# licence file is the Debian package's, found by support/sbom/).
TOOLCHAIN_LICENSE = GPL-3.0-or-later WITH GCC-exception-3.1

$(eval $(generic-package))
