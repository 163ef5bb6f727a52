################################################################################
# linux: the kernel, 6.12 LTS, configured from kernel/configs/ fragments
################################################################################

LINUX_VERSION = 6.12.57
# Debian's DFSG repack of the release (same tree as kernel.org's tarball
# minus a few non-free files); its hash is the one we can verify here.
LINUX_SOURCE = linux_$(LINUX_VERSION).orig.tar.xz
LINUX_SITE = https://cdn.kernel.org/pub/linux/kernel/v6.x
LINUX_DEBIAN = linux=$(LINUX_VERSION)-1~bpo12+1
LINUX_SUBDIR = linux-$(LINUX_VERSION)
LINUX_LICENSE = GPL-2.0-only WITH Linux-syscall-note
LINUX_LICENSE_FILES = COPYING
LINUX_CPE_ID_VENDOR = linux
LINUX_CPE_ID_PRODUCT = linux_kernel
LINUX_CPE_ID_PART = o
LINUX_ADD_TOOLCHAIN_DEPENDENCY = NO
LINUX_DEPENDENCIES = host-linux-tools

# The kernel uses no libc: it is built by the host's (cross) GCC directly.
# Objects go to kbuild/, keeping the source tree clean for other users.
LINUX_BUILDDIR = $(LINUX_DIR)/kbuild
LINUX_MAKE = $(MAKE) -C $(LINUX_DIR) O=$(LINUX_BUILDDIR) $(LINUX_KBUILD_ARGS)
LINUX_KBUILD_ARGS = ARCH=$(KR_LINUX_ARCH) \
	$(if $(KR_CROSS_COMPILE),CROSS_COMPILE=$(KR_CROSS_COMPILE)) \
	$(if $(KR_CCACHE),CC="ccache $(KR_CROSS_COMPILE)gcc" HOSTCC="ccache gcc") \
	KBUILD_BUILD_TIMESTAMP="@$(SOURCE_DATE_EPOCH)" \
	KBUILD_BUILD_USER=kitroot KBUILD_BUILD_HOST=kitroot \
	KBUILD_BUILD_VERSION=1 \
	$(LINUX_NO_HOST_PROBES) $(LINUX_PLUGIN_FLAGS)

# The GCC plugins are built with debug information, which named the
# output directory; every kernel object is compiled with a plugin, and
# ccache hashes the plugin, so no other output directory ever reused a
# kernel object.  Mapped, the plugins are the same in every O.
LINUX_PLUGIN_FLAGS = HOSTCXXFLAGS="-ffile-prefix-map=$(LINUX_DIR)/="

# Kconfig records the version of the host's rustc, bindgen and pahole in
# .config (CONFIG_RUSTC_VERSION...), so a build machine with Rust gave
# another linux.config than one without.  kitroot builds no Rust and no
# BTF: `false` makes each probe answer 0 on every machine.
LINUX_NO_HOST_PROBES = RUSTC=false HOSTRUSTC=false BINDGEN=false PAHOLE=false

# Arch base, the arch's shared hardware, common, hardening, the chosen
# fragments, then the board's: later wins.
LINUX_FRAGMENTS = $(TOPDIR)/kernel/configs/$(KR_ARCH).config \
	$(addprefix $(TOPDIR)/kernel/configs/,$(KR_ARCH_LINUX_FRAGMENTS)) \
	$(TOPDIR)/kernel/configs/common.config \
	$(if $(KR_LINUX_HARDENING),$(addprefix $(TOPDIR)/kernel/configs/,\
		hardening.config hardening-$(KR_ARCH).config)) \
	$(if $(KR_LINUX_MODULES),$(TOPDIR)/kernel/configs/modules.config) \
	$(foreach f,$(KR_LINUX_FRAGMENTS),$(if $(filter /%,$(f)),$(f),$(TOPDIR)/kernel/configs/$(f))) \
	$(addprefix $(BOARD_PATH)/,$(KR_BOARD_LINUX_FRAGMENTS))

# Everything a fragment does not name is off (allnoconfig), then
# olddefconfig settles dependencies; support/build/check-kconfig.sh fails the
# build if Kconfig dropped anything a fragment asked for.
define LINUX_CONFIGURE_CMDS
	$(Q)mkdir -p $(LINUX_BUILDDIR)
	$(Q)for f in $(LINUX_FRAGMENTS); do [ -f "$$f" ] || { \
		echo "linux: no kernel config fragment $$f (KR_LINUX_FRAGMENTS names files in kernel/configs/," \
			"KR_BOARD_LINUX_FRAGMENTS files in KR_BOARD_DIR)" >&2; exit 1; }; done
	$(Q)cat $(LINUX_FRAGMENTS) > $(LINUX_BUILDDIR)/kitroot-fragments.config
	$(Q)$(LINUX_MAKE) -s KCONFIG_ALLCONFIG=$(LINUX_BUILDDIR)/kitroot-fragments.config allnoconfig
	$(Q)$(LINUX_MAKE) -s olddefconfig
	$(if $(KR_LINUX_HARDENING),$(LINUX_CONFIGURE_DEFAULTS))
endef

# What Linux's own defaults give over the same fragments (alldefconfig),
# minus the fragments' "is not set" for security settings: the baseline
# check-hardening.sh holds the kernel to, so that neither allnoconfig
# nor a fragment drops a protection Linux turns on, unless
# deviations.txt says why.  Other "is not set" lines stay, so a feature
# taken out on purpose (COMPAT, MODULES) is out of the baseline too.
LINUX_DEFAULTS_DIR = $(LINUX_DIR)/kbuild-defaults
LINUX_SECURITY_SYMBOLS = $(TOPDIR)/kernel/hardening/security-symbols.txt
define LINUX_CONFIGURE_DEFAULTS
	$(Q)mkdir -p $(LINUX_DEFAULTS_DIR)
	$(Q)awk 'FILENAME == ARGV[1] { if (!/^[ \t]*(#|$$)/) pattern[++n] = $$1; next } \
		/^# CONFIG_[A-Za-z0-9_]+ is not set/ { s = substr($$2, 8); for (i = 1; i <= n; i++) if (s ~ pattern[i]) next } \
		{ print }' $(LINUX_SECURITY_SYMBOLS) $(LINUX_BUILDDIR)/kitroot-fragments.config \
		> $(LINUX_DEFAULTS_DIR)/kitroot-fragments.config
	$(Q)$(MAKE) -C $(LINUX_DIR) O=$(LINUX_DEFAULTS_DIR) $(LINUX_KBUILD_ARGS) -s \
		KCONFIG_ALLCONFIG=$(LINUX_DEFAULTS_DIR)/kitroot-fragments.config alldefconfig
endef

# Every KSPP recommendation is met or has its reason in deviations.txt;
# the per-symbol status is kept for make security-report.
LINUX_HARDENING_STATUS = $(LINUX_BUILDDIR)/hardening-status.tsv
define LINUX_CHECK_HARDENING
	$(Q)sh $(TOPDIR)/support/build/check-hardening.sh -d $(LINUX_DEFAULTS_DIR)/.config \
		-s $(LINUX_SECURITY_SYMBOLS) -k $(LINUX_DIR) $(LINUX_BUILDDIR)/.config $(KR_ARCH) \
		$(TOPDIR)/kernel/hardening/kspp.txt $(TOPDIR)/kernel/hardening/deviations.txt \
		$(LINUX_HARDENING_STATUS)
endef

# Device trees for boards whose firmware does not hand one over (the
# Raspberry Pi's reads it from the SD card): compiled from the same
# source, each installed as images/NAME.dtb.
LINUX_DTBS = $(KR_LINUX_DTBS)

define LINUX_BUILD_CMDS
	$(Q)$(LINUX_MAKE) $(KR_LINUX_IMAGE) $(addsuffix .dtb,$(LINUX_DTBS))
	$(if $(KR_LINUX_MODULES),$(LINUX_BUILD_MODULES))
endef

# The modules are signed as they are installed (MODULE_SIG_ALL); then
# the private key goes, so nothing else can ever be signed for this
# kernel.  A rebuild of the kernel makes a new key and signs again.
define LINUX_BUILD_MODULES
	$(Q)$(LINUX_MAKE) modules
	$(Q)rm -rf $(LINUX_BUILDDIR)/modules-install
	$(Q)$(LINUX_MAKE) INSTALL_MOD_PATH=$(LINUX_BUILDDIR)/modules-install \
		INSTALL_MOD_STRIP=1 modules_install
	$(Q)rm -f $(LINUX_BUILDDIR)/certs/signing_key.pem
endef

define LINUX_INSTALL_CMDS
	$(if $(KR_LINUX_MODULES),$(Q)rm -rf $(TARGET_DIR)/lib/modules && mkdir -p $(TARGET_DIR)/lib && \
		cp -a $(LINUX_BUILDDIR)/modules-install/lib/modules $(TARGET_DIR)/lib/)
	$(Q)mkdir -p $(IMAGES_DIR)
	$(Q)cp $(LINUX_BUILDDIR)/arch/$(KR_LINUX_ARCH)/boot/$(KR_LINUX_IMAGE) $(IMAGES_DIR)/
	$(Q)for d in $(LINUX_DTBS); do cp $(LINUX_BUILDDIR)/arch/$(KR_LINUX_ARCH)/boot/dts/$$d.dtb $(IMAGES_DIR)/ || exit 1; done
	$(Q)cp $(LINUX_BUILDDIR)/.config $(IMAGES_DIR)/linux.config
endef

$(eval $(generic-package))

# A changed fragment reconfigures the kernel, and so does a changed
# list of fragments (one added or taken out in menuconfig): the list is
# kept in a file rewritten only when it differs.
LINUX_FRAGMENTS_LIST = $(BUILD_DIR)/linux-fragments.list
$(call kr-record,$(LINUX_FRAGMENTS_LIST),LINUX_FRAGMENTS)
$(LINUX_DIR)/.stamp_configured: $(LINUX_FRAGMENTS) $(LINUX_FRAGMENTS_LIST)

# The checks judge the configuration the kernel is built from, whatever
# made it: the configure step, linux-menuconfig, linux-update-config or
# a hand edit of kbuild/.config.  A .config (or a KSPP list) newer than
# the last check reruns them before the next build, and the build stops
# until they pass.
$(LINUX_DIR)/.stamp_checked: $(LINUX_DIR)/.stamp_configured $(wildcard $(LINUX_BUILDDIR)/.config) \
		$(TOPDIR)/support/build/check-kconfig.sh $(TOPDIR)/support/build/check-hardening.sh \
		$(wildcard $(TOPDIR)/kernel/hardening/*.txt)
	@$(call MESSAGE,linux,$(LINUX_VERSION),Checking the configuration)
	$(Q)rm -f $(LINUX_HARDENING_STATUS)
	$(Q)sh $(TOPDIR)/support/build/check-kconfig.sh $(LINUX_BUILDDIR)/.config $(LINUX_FRAGMENTS)
	$(if $(KR_LINUX_HARDENING),$(LINUX_CHECK_HARDENING))
	$(Q)touch $@
$(LINUX_DIR)/.stamp_built: $(LINUX_DIR)/.stamp_checked

# Configure and check, without building: what a fragment or a
# linux-menuconfig session gives, judged in a minute.
.PHONY: linux-check
linux-check: $(LINUX_DIR)/.stamp_checked

# Interactive kernel configuration; the result is kept in the build until
# linux-update-config writes it back as the arch's base file.  That file
# is applied on top of allnoconfig, so it takes the whole .config (a
# savedefconfig, relative to Kconfig's defaults, would lose symbols).
.PHONY: linux-menuconfig linux-savedefconfig linux-update-config
linux-menuconfig: $(LINUX_DIR)/.stamp_configured
	$(LINUX_MAKE) menuconfig
	rm -f $(LINUX_DIR)/.stamp_built $(LINUX_DIR)/.stamp_installed

linux-savedefconfig: $(LINUX_DIR)/.stamp_configured
	$(LINUX_MAKE) savedefconfig
	@echo "wrote $(LINUX_BUILDDIR)/defconfig"

linux-update-config: $(LINUX_DIR)/.stamp_configured
	cp $(LINUX_BUILDDIR)/.config $(TOPDIR)/kernel/configs/$(KR_ARCH).config
	@echo "wrote kernel/configs/$(KR_ARCH).config; fragments still apply on top"

# A device tree added or taken out rebuilds (the Image is not relinked).
LINUX_DTBS_LIST = $(BUILD_DIR)/linux-dtbs.list
$(call kr-record,$(LINUX_DTBS_LIST),LINUX_DTBS)
$(LINUX_DIR)/.stamp_built: $(LINUX_DTBS_LIST)

# The kernel's version string holds the date (KBUILD_BUILD_TIMESTAMP).
$(LINUX_DIR)/.stamp_built: $(SOURCE_DATE_EPOCH_RECORD)
