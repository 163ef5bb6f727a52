# Configuration with the kernel's own kconfig front-ends, built from the
# pinned kernel tarball by host-linux-tools (kernel/linux-tools.mk).
# Symbols carry the KR_ prefix in Config.in and are written to .config as
# named (CONFIG_ is empty), so .config is also a makefile fragment.

KR_DEFAULT_DEFCONFIG := qemu_x86_64_defconfig

# conf/mconf run in $(O) (the tree may be read-only) and find Config.in
# and the files it sources through srctree.  Unknown symbols in a
# defconfig are warnings naming file:line, and KCONFIG_WERROR makes them
# errors.
KCONFIG_ENV = KCONFIG_CONFIG=$(KR_CONFIG) CONFIG_= srctree=$(TOPDIR) \
	KR_VERSION=$(KR_VERSION) KCONFIG_WARN_UNKNOWN_SYMBOLS=1 KCONFIG_WERROR=1 \
	KR_EXTERNAL_KCONFIG=$(KR_EXTERNAL_KCONFIG)
KCONFIG_RUN = cd $(O) && $(KCONFIG_ENV)

defconfigs := $(sort $(notdir $(wildcard $(TOPDIR)/configs/*_defconfig \
	$(KR_EXTERNAL_DIRS:%=%/configs/*_defconfig))))

.PHONY: menuconfig nconfig oldconfig olddefconfig savedefconfig list-defconfigs
menuconfig nconfig oldconfig olddefconfig savedefconfig: host-linux-tools $(KR_EXTERNAL_KCONFIG)
menuconfig:
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-mconf Config.in
nconfig:
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-nconf Config.in
oldconfig:
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf --oldconfig Config.in
olddefconfig:
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf --olddefconfig Config.in
# DEFCONFIG=path writes elsewhere, e.g. back to configs/NAME_defconfig.
savedefconfig:
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf \
		--savedefconfig=$(abspath $(or $(DEFCONFIG),$(O)/defconfig)) Config.in
	@echo "wrote $(abspath $(or $(DEFCONFIG),$(O)/defconfig))"

%_defconfig: host-linux-tools $(KR_EXTERNAL_KCONFIG)
	$(Q)if [ -z "$(call kr-defconfig-path,$@)" ]; then \
		echo "kitroot: no configuration named '$@' in configs/$(if $(KR_EXTERNAL_NAMES), or an external tree's configs/)." >&2; \
		echo "Available:" >&2; \
		for d in $(defconfigs); do echo "  $$d" >&2; done; \
		exit 1; fi
	$(Q)mkdir -p $(O)
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf --defconfig=$(call kr-defconfig-path,$@) Config.in
	@echo "configured $(O) from $(patsubst $(TOPDIR)/%,%,$(call kr-defconfig-path,$@))"

list-defconfigs:
	@for d in $(notdir $(wildcard $(TOPDIR)/configs/*_defconfig)); do \
		printf '  %-32s - %s\n' "$$d" "$$(sed -n 's/^# *//p;q' $(TOPDIR)/configs/$$d)"; done
	$(Q)$(foreach n,$(KR_EXTERNAL_NAMES),echo; echo 'External configurations of $(n) ($(KR_EXTERNAL_$(n)_PATH)):'; \
		for f in $(KR_EXTERNAL_$(n)_PATH)/configs/*_defconfig; do [ -f "$$f" ] || continue; \
		printf '  %-32s - %s\n' "$${f##*/}" "$$(sed -n 's/^# *//p;q' "$$f")"; done;)

# `make` with no configuration starts from the default one; a
# configuration older than a Config.in is settled (olddefconfig) before
# anything is built from it.  make re-reads .config afterwards.
KCONFIG_FILES := $(wildcard $(TOPDIR)/Config.in $(TOPDIR)/*/Config.in \
	$(TOPDIR)/pkg/*/Config.in $(TOPDIR)/board/*/*/Config.in \
	$(foreach d,$(KR_EXTERNAL_DIRS),$(d)/Config.in $(d)/pkg/*/Config.in)) $(KR_EXTERNAL_KCONFIG)
$(KR_CONFIG): $(KCONFIG_FILES) | host-linux-tools
	$(Q)if [ -f $@ ]; then \
		$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf --olddefconfig Config.in; \
	else \
		$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf \
			--defconfig=$(TOPDIR)/configs/$(KR_DEFAULT_DEFCONFIG) Config.in; \
	fi
