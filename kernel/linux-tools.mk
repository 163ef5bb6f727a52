################################################################################
# host-linux-tools: kconfig front-ends and gen_init_cpio from the kernel source
################################################################################

# The tree's own configuration runs on the kernel's kconfig, and the
# initramfs is written by the kernel's gen_init_cpio: both come from the
# pinned kernel tarball, so they need no source of their own.
HOST_LINUX_TOOLS_VERSION = $(LINUX_VERSION)
HOST_LINUX_TOOLS_SOURCE = $(LINUX_SOURCE)
HOST_LINUX_TOOLS_DL_FROM = linux
HOST_LINUX_TOOLS_LICENSE = GPL-2.0-only
HOST_LINUX_TOOLS_LICENSE_FILES = COPYING
# The kernel's patches (kernel/*.patch) are for the kernel build only.
HOST_LINUX_TOOLS_PATCHES =

define HOST_LINUX_TOOLS_EXTRACT_CMDS
	$(Q)tar -xf $(HOST_LINUX_TOOLS_DL_FILE) -C $(@D) --strip-components=1 \
		--no-same-owner $(LINUX_SUBDIR)/COPYING $(LINUX_SUBDIR)/scripts/kconfig \
		$(LINUX_SUBDIR)/scripts/include $(LINUX_SUBDIR)/usr/gen_init_cpio.c
endef

HOST_LINUX_TOOLS_CFLAGS = -O2 -I$(@D)/scripts/kconfig -I$(@D)/scripts/include
HOST_LINUX_TOOLS_KCONFIG_OBJS = confdata expr lexer.lex menu parser.tab preprocess symbol util
HOST_LINUX_TOOLS_MCONF_OBJS = mconf mnconf-common $(addprefix lxdialog/,checklist inputbox menubox textbox util yesno)
HOST_LINUX_TOOLS_NCONF_OBJS = nconf nconf.gui mnconf-common

# ncurses through pkg-config, as the kernel's mconf-cfg.sh does.
define HOST_LINUX_TOOLS_BUILD_CMDS
	$(Q)cd $(@D)/scripts/kconfig && flex -o lexer.lex.c lexer.l && \
		bison -t -l --defines=parser.tab.h -o parser.tab.c parser.y
	$(Q)cd $(@D)/scripts/kconfig && for f in conf $(HOST_LINUX_TOOLS_KCONFIG_OBJS); do \
		gcc $(HOST_LINUX_TOOLS_CFLAGS) -c $$f.c -o $$f.o || exit 1; done
	$(Q)cd $(@D)/scripts/kconfig && for f in $(HOST_LINUX_TOOLS_MCONF_OBJS) nconf nconf.gui; do \
		gcc $(HOST_LINUX_TOOLS_CFLAGS) $$(pkg-config --cflags ncursesw menuw panelw) \
			-c $$f.c -o $$f.o || exit 1; done
	$(Q)cd $(@D)/scripts/kconfig && \
		gcc -o conf conf.o $(addsuffix .o,$(HOST_LINUX_TOOLS_KCONFIG_OBJS)) && \
		gcc -o mconf $(addsuffix .o,$(HOST_LINUX_TOOLS_MCONF_OBJS) $(HOST_LINUX_TOOLS_KCONFIG_OBJS)) \
			$$(pkg-config --libs ncursesw) && \
		gcc -o nconf $(addsuffix .o,$(HOST_LINUX_TOOLS_NCONF_OBJS) $(HOST_LINUX_TOOLS_KCONFIG_OBJS)) \
			$$(pkg-config --libs ncursesw menuw panelw)
	$(Q)gcc -O2 -o $(@D)/usr/gen_init_cpio $(@D)/usr/gen_init_cpio.c
endef

define HOST_LINUX_TOOLS_INSTALL_CMDS
	$(Q)for t in conf mconf nconf; do \
		install -m 0755 $(@D)/scripts/kconfig/$$t $(HOST_DIR)/bin/kconfig-$$t || exit 1; done
	$(Q)install -m 0755 $(@D)/usr/gen_init_cpio $(HOST_DIR)/bin/gen_init_cpio
endef

$(eval $(host-generic-package))
