# The accounts of the login containers, getty's and sshd's
# (support/build/users.sh, docs/customising.md): root's password hash
# and the users tables.  Their install step is redone when a setting or
# a table changes: the record holds the tables' names and a checksum of
# the tables and of the hash's line in .config (read there, not through
# make, which would take the hash's $ signs for variables).
USERS_RECORD = $(BUILD_DIR)/.users
USERS_SETTINGS = $(KR_USERS_TABLES) $(if $(need_config),$(shell { grep '^KR_ROOT_PASSWORD_HASH=' $(KR_CONFIG); \
	cat /dev/null $(KR_USERS_TABLES); } 2>/dev/null | sha256sum))
# (cat /dev/null first: with no table, cat would read make's stdin, a terminal)
$(call kr-record,$(USERS_RECORD),USERS_SETTINGS)
USERS_DEPENDENCIES = $(USERS_RECORD) $(wildcard $(KR_USERS_TABLES)) $(TOPDIR)/support/build/users.sh

# $(call users-write,ROOTFS,OPTIONS): OPTIONS -p (root without a
# password) or -r (root's hash from .config), -k KEYS (sshd).
users-write = sh $(TOPDIR)/support/build/users.sh $(1) $(2) $(KR_USERS_TABLES)
