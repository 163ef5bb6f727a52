# kitroot: a Buildroot-style tree that builds small, hardened Linux
# systems from pinned, hash-verified sources.
#
#   make <name>_defconfig   start from a saved configuration
#   make menuconfig         change it
#   make                    build everything it selects
#   make run                boot the result in QEMU
#   make help               everything else

KR_VERSION := 2026.11

# Paths make cannot carry (a space, a quote, ...) are refused before
# anything is read or written: make would split them into two paths.
kr-plain-path = $(if $(findstring ',$(1)),,$(shell printf '%s\n' '$(1)' | grep -x '[A-Za-z0-9._/+,=@~-]*'))
ifneq ($(words $(MAKEFILE_LIST)),1)
$(error kitroot's checkout is at '$(CURDIR)' or '$(MAKEFILE_LIST)': a path make cannot \
	carry (a space or another character outside letters, digits and ._/+,=@~-): \
	move the checkout, or link it, to a plain path)
endif
# Reading the tree only: every file we write goes under O (or the cache).
TOPDIR := $(patsubst %/,%,$(dir $(realpath $(firstword $(MAKEFILE_LIST)))))
ifeq ($(call kr-plain-path,$(TOPDIR)),)
$(error kitroot's checkout is at '$(TOPDIR)': a path make cannot carry (a space, a quote or \
	another character outside letters, digits and ._/+,=@~-): move the checkout, or link \
	it, to a plain path)
endif
O ?= output
ifneq ($(words $(O)),1)
$(error O='$(O)': a path make cannot carry (it holds a space): name an output \
	directory of letters, digits and ._/+,=@~-)
endif
override O := $(abspath $(O))
ifeq ($(call kr-plain-path,$(O)),)
$(error O='$(O)': a path make cannot carry (a quote or another character outside \
	letters, digits and ._/+,=@~-): name another output directory)
endif
# Variables given on our command line (O=, V=) must not reach the
# packages' own makefiles: busybox and the kernel read O= as theirs.
kr_cmdline_vars := $(MAKEOVERRIDES)
MAKEOVERRIDES :=
KR_CONFIG := $(O)/.config

BUILD_DIR := $(O)/build
HOST_DIR := $(O)/host
SYSROOT := $(O)/sysroot
TARGET_DIR := $(O)/target
IMAGES_DIR := $(O)/images
BUILD_TIME_LOG := $(O)/build-time.log

# Shared by every build and every checkout.
KR_CACHE_DIR ?= $(HOME)/.cache/kitroot
KR_DL_DIR ?= $(KR_CACHE_DIR)/dl
export KR_DL_DIR KR_PRIMARY_SITE

SHELL := /bin/bash
.SUFFIXES:
.DELETE_ON_ERROR:

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Outputs must not depend on the builder's locale or time zone.  LANG
# and the other LC_ variables are pinned too, although LC_ALL overrides
# them: ccache hashes them, and another builder's locale would otherwise
# miss the compiler cache every time.
export LC_ALL := C
export LANG := C
unexport LANGUAGE LC_CTYPE LC_MESSAGES
export TZ := UTC

# Goals that work without a configuration (and must not create one).
noconfig_goals := menuconfig nconfig oldconfig olddefconfig savedefconfig update-defconfig \
	list-defconfigs help clean distclean host-deps unit-test test c-program-vars check-package \
	%_defconfig host-linux-tools host-linux-tools-% linux-source

# Goals that only read: they neither need nor create an output directory.
kr_readonly_goals := help list-defconfigs check-package c-program-vars unit-test test \
	clean distclean host-deps
# Any other goal writes into O: it must be kitroot's (support/build/output-dir.sh).
ifneq ($(filter-out $(kr_readonly_goals),$(or $(MAKECMDGOALS),all)),)
ifneq ($(shell sh $(TOPDIR)/support/build/output-dir.sh claim $(TOPDIR) $(O) >&2; echo $$?),0)
$(error refused O=$(O), for the reason above)
endif
endif

# Configuration goals mixed with others (make O=new NAME_defconfig all):
# each goal runs in a make of its own, in the order given, so the build
# reads the .config the configuration goal wrote (Buildroot does alike).
kr_config_goals := %_defconfig menuconfig nconfig oldconfig olddefconfig savedefconfig \
	update-defconfig
ifneq ($(filter $(kr_config_goals),$(MAKECMDGOALS)),)
ifneq ($(filter-out $(kr_config_goals),$(MAKECMDGOALS)),)
kr_mixed_goals := y
endif
endif

ifeq ($(kr_mixed_goals),y)
.PHONY: kr-each-goal $(MAKECMDGOALS)
$(MAKECMDGOALS): kr-each-goal
	@:
# MAKELEVEL unset: each goal's make picks its parallelism as if typed alone.
kr-each-goal:
	$(Q)$(foreach g,$(MAKECMDGOALS),(unset MAKELEVEL; $(MAKE) -C $(TOPDIR) $(kr_cmdline_vars) O=$(O) $(g)) &&) true
else

ifeq ($(MAKECMDGOALS),)
need_config := y
else ifneq ($(filter-out $(noconfig_goals),$(MAKECMDGOALS)),)
need_config := y
endif

all:

include $(TOPDIR)/support/make/kr-utils.mk $(TOPDIR)/support/make/external.mk
include $(TOPDIR)/pkg/pkg-generic.mk $(TOPDIR)/pkg/pkg-golang.mk $(TOPDIR)/pkg/pkg-container.mk
include $(TOPDIR)/src/c-program.mk
include $(TOPDIR)/support/make/kconfig.mk

# Without a .config the rule in kconfig.mk makes one from the default
# defconfig, and make starts again reading it.
ifeq ($(need_config),y)
-include $(KR_CONFIG)
endif
# KR_NO_CACHE=1 (environment or command line): trust no compiler
# output from an earlier build.  ccache is off whatever the config says,
# and Go starts from an empty build cache of this O; downloads are still
# taken from the cache, as each is checked against its hash on every
# extract.  For a rebuilder who verifies (make verify,
# reproducibility-check); docs/security.md.
ifneq ($(filter-out 0,$(KR_NO_CACHE)),)
override KR_CCACHE :=
# (a toolchain wrapper built earlier in this O may still call ccache)
export CCACHE_DISABLE := 1
endif
# Parallel unless told otherwise (KR_JLEVEL): a -j on the command line
# or in an inherited MAKEFLAGS wins, and a make started by another
# make shares its jobs.  (GNU make 4.3 shows no -j in $(MAKEFLAGS)
# while it reads the makefiles, hence the environment's.)  Two goals
# or more (make clean all) run one after the other, as written.
ifeq ($(MAKELEVEL)$(filter -j%,$(shell echo "$$MAKEFLAGS"))$(word 2,$(MAKECMDGOALS)),0)
KR_JOBS := $(if $(filter-out 0,$(KR_JLEVEL)),$(KR_JLEVEL),$(shell echo $$(( $$(nproc) + 1 ))))
MAKEFLAGS += -j$(KR_JOBS)
endif
# Kconfig writes strings quoted; the rest of the tree wants them bare.
$(foreach v,$(filter KR_%,$(.VARIABLES)),\
	$(if $(filter "%,$(value $(v))),$(eval $(v) := $(call qstrip,$(value $(v))))))

# The one date every output carries (docs/reproducibility.md): the
# environment's or command line's unless empty, else the config's, else
# the date of the kitroot commit.  Recorded in O, so a new date rebuilds
# what holds it.  Exported only here: `make test` must not hand an empty
# one to the builds it starts.
ifeq ($(need_config),y)
ifeq ($(SOURCE_DATE_EPOCH),)
SOURCE_DATE_EPOCH := $(or $(KR_SOURCE_DATE_EPOCH),$(shell sh $(TOPDIR)/support/build/source-date-epoch.sh $(TOPDIR)))
endif
ifneq ($(shell case '$(SOURCE_DATE_EPOCH)' in (''|*[!0-9]*) echo bad;; esac),)
$(error SOURCE_DATE_EPOCH must be a number of seconds since 1970, not '$(SOURCE_DATE_EPOCH)')
endif
SOURCE_DATE_EPOCH_RECORD := $(O)/.source-date-epoch
ifneq ($(file <$(SOURCE_DATE_EPOCH_RECORD)),$(SOURCE_DATE_EPOCH))
$(shell mkdir -p $(O))
$(file >$(SOURCE_DATE_EPOCH_RECORD),$(SOURCE_DATE_EPOCH))
endif
export SOURCE_DATE_EPOCH
endif

# One architecture per output directory: objects, sysroot and target
# tree of two would mix.
KR_ARCH_RECORD := $(BUILD_DIR)/.kitroot-arch
ifeq ($(need_config),y)
ifneq ($(KR_ARCH),)
ifeq ($(wildcard $(KR_ARCH_RECORD)),)
$(shell mkdir -p $(BUILD_DIR))
$(file >$(KR_ARCH_RECORD),$(KR_ARCH))
else ifneq ($(file <$(KR_ARCH_RECORD)),$(KR_ARCH))
$(error $(O) holds a build for $(file <$(KR_ARCH_RECORD)), but .config is for $(KR_ARCH): \
	use another output directory (make O=DIR ...) or run make clean first)
endif
endif
endif

# board.mk first: the kernel's fragments are in the board's directory.
include $(TOPDIR)/board/board.mk
include $(TOPDIR)/toolchain/toolchain.mk $(TOPDIR)/toolchain/toolchain-wrapper.mk
include $(TOPDIR)/kernel/linux.mk $(TOPDIR)/kernel/linux-tools.mk
include $(TOPDIR)/support/make/users.mk
include $(sort $(wildcard $(TOPDIR)/pkg/*/*.mk))
include $(foreach d,$(KR_EXTERNAL_DIRS),$(d)/external.mk)
include $(TOPDIR)/support/make/image.mk $(TOPDIR)/support/make/efi-image.mk $(TOPDIR)/support/make/s390-image.mk \
	$(TOPDIR)/support/make/rpi-image.mk $(TOPDIR)/support/make/sbom.mk
$(kr-link-dependencies)

.PHONY: all
all: host-deps world

.PHONY: host-deps
host-deps:
	$(Q)sh $(TOPDIR)/support/build/host-deps.sh $(KR_ARCH)

# Everything the configuration needs, so the build can then run offline:
# the packages it selects and every package they depend on (the Go
# toolchain, the host tools: kr-with-dependencies).  The system test
# builds offline after it.
KR_SOURCE_PACKAGES = $(call kr-with-dependencies,host-linux-tools linux $(ROOTFS_PACKAGES))
.PHONY: source source-list
source: $(foreach p,$(KR_SOURCE_PACKAGES),$(p)-source)
# The download cache's files that `make source` fetches, a path a line
# (utils/download-size.sh adds them up).
source-list:
	@printf '%s\n' $(sort $(foreach p,$(call UPPERCASE,$(KR_SOURCE_PACKAGES)),$($(p)_DL_FILE) \
		$($(p)_DEBIAN_PATCHES_FILE) $(if $($(p)_DEBS),$(shell grep '^[a-z]' $($(p)_DEBS) | \
		while read -r p v a; do echo $(KR_DEBS_DIR)/$${p}_$$(printf '%s' "$$v" | sed 's/:/%3a/')_$$a.deb; done))))

# Two builds with everything varied that must not matter, compared
# byte for byte; and a rebuild checked against published checksums.
# docs/reproducibility.md.
.PHONY: reproducibility-check verify
reproducibility-check: $(KR_CONFIG)
	$(Q)sh $(TOPDIR)/support/build/host-deps.sh $(KR_ARCH) reproducibility
	$(Q)KR_NO_CACHE=$(KR_NO_CACHE) KR_EXTERNAL='$(kr-external-list)' sh $(TOPDIR)/support/report/reproducibility-check.sh $(TOPDIR) $(KR_CONFIG) $(REFERENCE)
verify: $(KR_CONFIG)
	$(Q)if [ -z "$(SUMS)" ]; then echo "usage: make verify SUMS=path/to/SHA256SUMS" >&2; exit 1; fi
	$(Q)KR_NO_CACHE=$(KR_NO_CACHE) KR_EXTERNAL='$(kr-external-list)' sh $(TOPDIR)/support/report/verify.sh $(TOPDIR) $(KR_CONFIG) $(abspath $(SUMS))

# What the build and one boot establish about the system's security:
# images/security-report.txt and .json (docs/security.md).  The report
# is written even when a check fails; make then fails too.
SECURITY_PROBE_DIR = $(BUILD_DIR)/security-probe
.PHONY: security-report
security-report: all
	$(Q)rm -rf $(SECURITY_PROBE_DIR)
	$(Q)status=0; sh $(TOPDIR)/support/qemu/boot-probe.sh $(O) $(SECURITY_PROBE_DIR) > /dev/null || status=$$?; \
		[ $$status -le 1 ] && sh $(TOPDIR)/support/report/security-report.sh $(O) $(SECURITY_PROBE_DIR) && \
		exit $$status

.PHONY: clean distclean
clean:
	$(Q)sh $(TOPDIR)/support/build/output-dir.sh clean $(TOPDIR) $(O) \
		$(BUILD_DIR) $(HOST_DIR) $(SYSROOT) $(TARGET_DIR) $(IMAGES_DIR) $(BUILD_TIME_LOG) \
		$(LEGAL_INFO_DIR) $(CVE_CHECK_DIR)
distclean:
	$(Q)sh $(TOPDIR)/support/build/output-dir.sh distclean $(TOPDIR) $(O)

# The package files against docs/adding-a-package.md (utils/check-package),
# and those of the external trees in use.
.PHONY: test unit-test check-package
check-package:
	$(Q)sh $(TOPDIR)/utils/check-package
	$(Q)$(foreach d,$(KR_EXTERNAL_DIRS),$(if $(wildcard $(d)/pkg/*/),\
		sh $(TOPDIR)/utils/check-package $(wildcard $(d)/pkg/*/) &&)) true
test:
	$(Q)sh $(TOPDIR)/test/run.sh
unit-test:
	$(Q)sh $(TOPDIR)/test/run.sh --unit

.PHONY: help
help:
	@echo 'kitroot $(KR_VERSION)'
	@echo
	@echo 'Configuration:'
	@echo '  <name>_defconfig       - start from configs/<name>_defconfig'
	@echo '  list-defconfigs        - list the saved configurations'
	@echo '  menuconfig / nconfig   - change the configuration'
	@echo '  oldconfig              - ask about new symbols only'
	@echo '  olddefconfig           - take defaults for new symbols'
	@echo '  savedefconfig          - write the minimal config to $$(O)/defconfig (DEFCONFIG=path)'
	@echo '  update-defconfig       - write it back to the defconfig O was configured from'
	@echo
	@echo 'Build:'
	@echo '  all (default)          - build everything the configuration selects'
	@echo '  source                 - download every source it needs (then build offline)'
	@echo '  source-list            - the download cache files it uses, one per line'
	@echo '  run                    - boot the last build in QEMU (serial console)'
	@echo '  run-efi [EFI_BOOT=disk|qcow2|iso|uki] - boot the UEFI images under OVMF (x86_64)'
	@echo '  run-iso                - IPL images/kitroot.iso from a CD under s390-ccw firmware (s390x)'
	@echo '  efi-images             - (re)make the UKI and the disk, qcow2 and ISO images'
	@echo '  s390-images            - (re)make the IBM Z load files and ISO (s390x)'
	@echo '  rpi-images             - (re)make the Raspberry Pi SD card image (aarch64)'
	@echo '  clean / distclean      - remove the build / the whole output directory (only one'
	@echo '                           kitroot made: docs/configuration.md)'
	@echo
	@echo 'Per package (NAME as in pkg/NAME, linux, musl, ...):'
	@echo '  NAME NAME-source NAME-rebuild NAME-reconfigure NAME-dirclean'
	@echo '  linux-menuconfig linux-savedefconfig linux-update-config busybox-menuconfig'
	@echo '  linux-check            - configure the kernel and run its checks, without building'
	@echo
	@echo 'Reproducibility (docs/reproducibility.md):'
	@echo '  reproducibility-check  - build this config twice, varied, and compare the images'
	@echo '                           (REFERENCE=DIR: compare against that finished build)'
	@echo '  verify SUMS=FILE       - rebuild and compare with a published SHA256SUMS'
	@echo '                           (KR_NO_CACHE=1, for both: no ccache, no shared Go cache)'
	@echo
	@echo 'Security (docs/security.md):'
	@echo '  security-report        - boot the build, check it, write images/security-report.txt/.json'
	@echo
	@echo 'Licences, SBOMs and CVEs (docs/sbom.md; images/sbom.spdx.json and sbom.cdx.json come with every build):'
	@echo '  legal-info             - licences, exact sources and patches, manifests in $$(O)/legal-info'
	@echo '  show-info / pkg-stats  - one JSON line per package: version, licence, CPE, purl, patches'
	@echo '  cve-check FEED=FILE    - match the images against an OSV or NVD 2.0 JSON feed (offline)'
	@echo
	@echo 'Tests:'
	@echo '  test                   - unit tests, then build, boot and check the x86_64 containerd system and the minimal aarch64 and s390x ones'
	@echo '  unit-test              - unit tests only (ASan/UBSan)'
	@echo '  check-package          - check the package files (docs/adding-a-package.md)'
	@echo
	@echo 'Variables: O=DIR (default output/), V=1 (show commands),'
	@echo '  KR_EXTERNAL=DIR[:DIR...] (external trees, remembered in O; docs/external-tree.md),'
	@echo '  KR_DL_DIR (download cache, default ~/.cache/kitroot/dl),'
	@echo '  KR_PRIMARY_SITE (mirror tried before upstream), SOURCE_DATE_EPOCH.'

endif # kr_mixed_goals
