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

# The defconfig O was configured from, for update-defconfig and the
# description savedefconfig keeps.
KR_DEFCONFIG_RECORD := $(O)/.kr-defconfig

# Every entry point starts from the same configuration: a front-end run
# in an O without .config starts from the default defconfig, as `make`
# does.  A symbol set twice (a line appended to .config by a script)
# takes the later value with a warning, rather than kconfig's
# "override" error; unknown symbols stay errors.
KCONFIG_SETTLE = $(Q)if [ ! -f $(KR_CONFIG) ]; then \
		echo ">>> no $(KR_CONFIG): starting from configs/$(KR_DEFAULT_DEFCONFIG)"; \
		$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf --defconfig=$(TOPDIR)/configs/$(KR_DEFAULT_DEFCONFIG) Config.in && \
		echo $(TOPDIR)/configs/$(KR_DEFAULT_DEFCONFIG) > $(KR_DEFCONFIG_RECORD); \
	else sh $(TOPDIR)/support/build/config-last-wins.sh $(KR_CONFIG); fi

.PHONY: menuconfig nconfig oldconfig olddefconfig savedefconfig update-defconfig list-defconfigs
menuconfig nconfig oldconfig olddefconfig savedefconfig update-defconfig: host-linux-tools $(KR_EXTERNAL_KCONFIG)
menuconfig:
	$(KCONFIG_SETTLE)
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-mconf Config.in
nconfig:
	$(KCONFIG_SETTLE)
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-nconf Config.in
oldconfig:
	$(KCONFIG_SETTLE)
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf --oldconfig Config.in
olddefconfig:
	$(KCONFIG_SETTLE)
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf --olddefconfig Config.in

# savedefconfig writes $(O)/defconfig, or DEFCONFIG=path;
# update-defconfig writes back the defconfig O was configured from.
# Both keep that defconfig's leading comment (its description, which
# list-defconfigs shows) and refuse to run without a .config.
kr-savedefconfig = $(Q)sh $(TOPDIR)/support/build/savedefconfig.sh $(KR_CONFIG) $(1) \
	"$(if $(wildcard $(KR_DEFCONFIG_RECORD)),$(file <$(KR_DEFCONFIG_RECORD)))" \
	'$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf --savedefconfig=%s Config.in'
savedefconfig:
	$(call kr-savedefconfig,$(abspath $(or $(DEFCONFIG),$(O)/defconfig)))
update-defconfig:
	$(Q)if [ ! -f $(KR_DEFCONFIG_RECORD) ]; then \
		echo "kitroot: $(O) was not configured from a defconfig (make NAME_defconfig), so there is none to update;" >&2; \
		echo "  write one with make savedefconfig DEFCONFIG=path/to/NAME_defconfig" >&2; exit 1; fi
	$(call kr-savedefconfig,$(file <$(KR_DEFCONFIG_RECORD)))

%_defconfig: host-linux-tools $(KR_EXTERNAL_KCONFIG)
	$(Q)if [ -z "$(call kr-defconfig-path,$@)" ]; then \
		echo "kitroot: no configuration named '$@' in configs/$(if $(KR_EXTERNAL_NAMES), or an external tree's configs/)." >&2; \
		echo "Available:" >&2; \
		for d in $(defconfigs); do echo "  $$d" >&2; done; \
		exit 1; fi
	$(Q)mkdir -p $(O)
	$(Q)$(KCONFIG_RUN) $(HOST_DIR)/bin/kconfig-conf --defconfig=$(call kr-defconfig-path,$@) Config.in
	$(Q)echo $(call kr-defconfig-path,$@) > $(KR_DEFCONFIG_RECORD)
	@echo "configured $(O) from $(patsubst $(TOPDIR)/%,%,$(call kr-defconfig-path,$@))"

list-defconfigs:
	@for d in $(notdir $(wildcard $(TOPDIR)/configs/*_defconfig)); do \
		printf '  %-32s - %s\n' "$$d" "$$(sed -n 's/^# *//p;q' $(TOPDIR)/configs/$$d)"; done
	$(Q)$(foreach n,$(KR_EXTERNAL_NAMES),echo; echo 'External configurations of $(n) ($(KR_EXTERNAL_$(n)_PATH)):'; \
		for f in $(KR_EXTERNAL_$(n)_PATH)/configs/*_defconfig; do [ -f "$$f" ] || continue; \
		printf '  %-32s - %s\n' "$${f##*/}" "$$(sed -n 's/^# *//p;q' "$$f")"; done;)

# `make` with no configuration starts from the default one; a
# configuration older than a Config.in is settled (olddefconfig) before
# anything is built from it.  make re-reads .config afterwards.  A
# symbol the tree no longer has (renamed or removed since O was
# configured) is a warning there, and dropped: the error is for
# defconfigs and the front-ends.
KCONFIG_FILES := $(wildcard $(TOPDIR)/Config.in $(TOPDIR)/*/Config.in $(TOPDIR)/*/*/Config.in \
	$(TOPDIR)/arch/Config.in.* $(TOPDIR)/pkg/*/Config.in $(TOPDIR)/board/*/*/Config.in \
	$(foreach d,$(KR_EXTERNAL_DIRS),$(d)/Config.in $(d)/pkg/*/Config.in)) $(KR_EXTERNAL_KCONFIG)
$(KR_CONFIG): $(KCONFIG_FILES) | host-linux-tools
	$(KCONFIG_SETTLE)
	$(Q)$(KCONFIG_RUN) env -u KCONFIG_WERROR $(HOST_DIR)/bin/kconfig-conf --olddefconfig Config.in
