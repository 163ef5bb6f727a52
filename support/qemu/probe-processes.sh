# The processes an auditor looks at, as one guest shell command (for
# console_run): PID 1, its children, and each service's process (a child
# of a containerd shim, whose comm is cut to "containerd-shim"); per
# process "PID|COMM|UID CAPEFF NONEWPRIVS SECCOMP |NAMESPACES|ROOT",
# NAMESPACES saying host-X or own-X against init's (unknown-X when the
# probing shell may not read them: a getty container's shell has no
# CAP_SYS_PTRACE), ROOT the options' first word of its / (ro, rw).  Sourced by boot-probe.sh and the
# system test.
probe_processes='for d in /proc/[0-9]*; do p=${d#/proc/}; pp=$(awk "/^PPid:/ { print \$2 }" $d/status 2>/dev/null); [ "$p" = 1 ] || [ "$pp" = 1 ] || [ "$(cat /proc/$pp/comm 2>/dev/null)" = containerd-shim ] || continue; s=$(awk "/^(Uid|CapEff|NoNewPrivs|Seccomp):/ { printf \"%s \", \$2 }" $d/status); ns=""; for n in pid net mnt ipc uts; do a=$(readlink $d/ns/$n); b=$(readlink /proc/1/ns/$n); if [ -z "$a" ] || [ -z "$b" ]; then ns="$ns unknown-$n"; elif [ "$a" = "$b" ]; then ns="$ns host-$n"; else ns="$ns own-$n"; fi; done; r=$(awk "\$2 == \"/\" { o = \$4 } END { sub(/,.*/, \"\", o); print o }" $d/mounts 2>/dev/null); echo "$p|$(cat $d/comm)|$s|$ns|$r"; done'
