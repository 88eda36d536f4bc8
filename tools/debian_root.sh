#!/usr/bin/env bash
# Green Envoy on other Debian releases: a debootstrap root per release under build/roots/, and the project's own
# `make test` run inside it. For the CI matrix trixie (QGIS 3.40 LTR, Python 3.13) and sid (QGIS 3.44,
# Python 3.14); bookworm (QGIS 3.22, the host's own release) works too. Needs root on a Debian host.
#
#   bash tools/debian_root.sh build RELEASE [-- MAKE-ARGS]             make or bring up to date build/roots/RELEASE
#   bash tools/debian_root.sh test RELEASE [--worktree] [-- MAKE-ARGS] `make test` inside it; exits with make's code
#   bash tools/debian_root.sh shell RELEASE                             a login shell inside, the mounts set
#   bash tools/debian_root.sh clean RELEASE [--cache]                   unmount, remove the root (--cache: its .debs)
#
# build   debootstrap --variant=minbase (plus make, ca-certificates, python3) from $DEBIAN_MIRROR
#         (http://deb.debian.org/debian), then the project's Debian packages by running `make debs` inside the
#         root on a copy of the current working tree: the package list has one home, the Makefile. Skipped when
#         the root is complete and its stamp matches the hash of the package list (as the Makefile evaluates it
#         inside the root, MAKE-ARGS included). The .debs stay in build/roots/cache/RELEASE (debootstrap's
#         --cache-dir, bind-mounted on the root's /var/cache/apt/archives), so a rebuild after `clean` downloads
#         nothing. Inside, /usr/sbin/policy-rc.d forbids starting services (exit 101): no systemd needed, and
#         PostgreSQL's packages create their cluster without starting it.
#         The host's own CA certificates (/usr/local/share/ca-certificates: a TLS-inspecting proxy's) are trusted
#         inside too, and apt accepts a mirror's expired Release file (a sid snapshot past its Valid-Until).
# test    builds the root first if it is not complete; empties its /tmp, wipes its /work/green_envoy and puts a
#         clean tree there: `git archive HEAD` by default, --worktree the working tree's files as git sees them
#         (`git ls-files -co --exclude-standard`, uncommitted changes included). Then, with /proc, /sys, /dev,
#         /dev/pts, /dev/shm, /etc/resolv.conf, the apt cache and a pip cache (build/roots/cache/pip, on the
#         root's /root/.cache/pip) bind-mounted:
#           chroot ROOT env -i HOME=/root PATH=... LANG=C.UTF-8 CI=$CI bash -lc 'cd /work/green_envoy && make test'
#         The output is also written to build/roots/RELEASE-test.log.
# shell   the same mounts and a login shell in the root (cd /work/green_envoy if there).
# clean   stops what runs inside, unmounts, then removes the root; refuses while anything is still mounted there.
#
# Whatever way a run ends (failure, Ctrl-C), the PostgreSQL clusters started inside are stopped (pg_ctlcluster),
# any other process whose root is the chroot (Xvfb, ...) is ended, and every mount under the root is undone, so
# `rm -rf build` / `make clean` never reaches through a bind mount into the host's /dev. The chroot shares the
# host's network: PostgreSQL inside has to use a free port (tools/pg_test_server.sh picks it).
# One run per release at a time (flock on build/roots/.RELEASE.lock). Timings are printed at the end.
#
# Environment: DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR (security updates for trixie and bookworm), CI (passed in).
# shellcheck disable=SC2016  # the $... in single quotes are for make, dpkg-query or the shell inside the root
set -euo pipefail

usage() { sed -n '6,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
# What `make debs` needs before it can run; everything else comes from the Makefile's DEBIAN_PACKAGES.
BASE_PACKAGES=make,ca-certificates,python3
ROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
SRC=/work/green_envoy
STAMP_BASE=.debian_root.base          # in the root: the hash of release, mirror and base packages
STAMP_PACKAGES=.debian_root.packages  # in the root: the hash of the evaluated DEBIAN_PACKAGES

T_START=$(date +%s)
TIMINGS=()
log() { printf '[debian_root %s +%ss] %s\n' "${RELEASE:-}" "$(($(date +%s) - T_START))" "$*" >&2; }
die() { log "error: $*"; exit 1; }
# timed NAME COMMAND...: run it and remember how long it took
timed() {
    local name=$1 t0 rc=0
    shift
    t0=$(date +%s)
    "$@" || rc=$?
    TIMINGS+=("$name $(($(date +%s) - t0)) s")
    return "$rc"
}
print_timings() {
    local t
    for t in "${TIMINGS[@]}"; do log "time: $t"; done
    log "time: total $(($(date +%s) - T_START)) s"
}

# ---- arguments

[ $# -ge 2 ] || usage
CMD=$1 RELEASE=$2
shift 2
case $CMD in build | test | shell | clean) ;; *) usage ;; esac
case $RELEASE in bookworm | trixie | sid) ;; *) die "RELEASE must be bookworm, trixie or sid, not '$RELEASE'" ;; esac
WORKTREE=0 CLEAN_CACHE=0
MAKE_ARGS=()
while [ $# -gt 0 ]; do
    case $1 in
        --worktree) [ "$CMD" = test ] || usage; WORKTREE=1 ;;
        --cache) [ "$CMD" = clean ] || usage; CLEAN_CACHE=1 ;;
        --) shift; MAKE_ARGS=("$@"); break ;;
        *) usage ;;
    esac
    shift
done
[ "${#MAKE_ARGS[@]}" -eq 0 ] || [ "$CMD" = build ] || [ "$CMD" = test ] || usage
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, mount)"

ROOTS=$REPO/build/roots
mkdir -p "$ROOTS"
ROOTS=$(cd "$ROOTS" && pwd -P)
ROOT=$ROOTS/$RELEASE
CACHE=$ROOTS/cache/$RELEASE
PIP_CACHE=$ROOTS/cache/pip

exec 9>"$ROOTS/.$RELEASE.lock"
flock -n 9 || die "another debian_root.sh run uses $ROOT"

# ---- mounts and processes inside the root

# Mount points at or under the root, deepest first (also those an earlier, killed run left behind).
mounts_under() {
    awk -v r="$ROOT" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r
}

bind() {  # bind SOURCE TARGET: a file or directory onto the root's TARGET, created if missing
    local source=$1 target=$ROOT$2
    if [ -d "$source" ]; then
        mkdir -p "$target"
    else
        # a symlink here (resolv.conf -> /run/...) would be followed on the host: replace it with a file
        [ -L "$target" ] && rm -f "$target"
        [ -e "$target" ] || : >"$target"
    fi
    mount --bind "$source" "$target"
}

mount_all() {
    umount_all  # what a killed run may have left
    mkdir -p "$CACHE/partial" "$PIP_CACHE"
    bind /proc /proc
    bind /sys /sys
    bind /dev /dev
    bind /dev/pts /dev/pts
    bind /dev/shm /dev/shm
    bind /etc/resolv.conf /etc/resolv.conf
    bind "$CACHE" /var/cache/apt/archives
    bind "$PIP_CACHE" /root/.cache/pip
}

umount_all() {
    local m _
    for _ in 1 2 3; do
        [ -n "$(mounts_under)" ] || return 0
        for m in $(mounts_under); do
            umount "$m" 2>/dev/null || umount -l "$m" || true
        done
    done
    [ -z "$(mounts_under)" ] || { log "still mounted: $(mounts_under | tr '\n' ' ')"; return 1; }
}

# Processes whose root directory is the chroot (or below it).
procs_inside() {
    local p r
    for p in /proc/[0-9]*; do
        r=$(readlink "$p/root" 2>/dev/null) || continue
        if [ "$r" = "$ROOT" ] || [[ $r == "$ROOT"/* ]]; then echo "${p#/proc/}"; fi
    done
}

# PostgreSQL clusters the tests started, stopped the proper way; then whatever else still runs inside.
stop_inside() {
    local ver name _port status _rest pids sig
    if [ -x "$ROOT/usr/bin/pg_lsclusters" ] && [ -e "$ROOT/proc/self" ]; then
        while read -r ver name _port status _rest; do
            case $status in
                online*)
                    log "stopping PostgreSQL $ver/$name inside the root"
                    chroot "$ROOT" pg_ctlcluster "$ver" "$name" stop -m fast || true ;;
            esac
        done < <(chroot "$ROOT" pg_lsclusters -h 2>/dev/null || true)
    fi
    for sig in TERM TERM KILL; do
        pids=$(procs_inside)
        [ -n "$pids" ] || return 0
        log "ending processes left inside the root ($sig): $(echo "$pids" | tr '\n' ' ')"
        # shellcheck disable=SC2086  # one pid per word
        kill -s "$sig" $pids 2>/dev/null || true
        sleep 2
    done
    pids=$(procs_inside)
    [ -z "$pids" ] || log "processes still inside the root: $pids"
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    stop_inside || true
    if umount_all; then log "mounts undone"; else rc=1; fi
    return "$rc"
}

with_mounts() {
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    trap 'exit 129' HUP
    mount_all
}

# Remove the root, only once nothing is mounted in it any more.
remove_root() {
    [ -e "$ROOT" ] || return 0
    stop_inside
    umount_all || die "refusing to remove $ROOT: still mounted there"
    [ -z "$(procs_inside)" ] || die "refusing to remove $ROOT: processes still run inside"
    rm -rf --one-file-system "$ROOT"
}

# A command inside the root, with a clean environment (and without the lock's descriptor: a server started
# inside must not hold the lock).
in_root() {
    chroot "$ROOT" /usr/bin/env -i HOME=/root PATH="$ROOT_PATH" LANG=C.UTF-8 CI="${CI:-}" \
        DEBIAN_FRONTEND=noninteractive "$@" 9>&-
}

# ---- the tree inside the root

copy_tree() {  # copy_tree head|worktree
    local dest=$ROOT$SRC
    [ -z "$(awk -v d="$dest" 'index($5, d) == 1' /proc/self/mountinfo)" ] || die "something is mounted under $dest"
    rm -rf --one-file-system "$dest"
    mkdir -p "$dest"
    if [ "$1" = head ]; then
        log "copying git HEAD ($(git -C "$REPO" rev-parse --short HEAD)) to $SRC"
        git -C "$REPO" archive --format=tar HEAD | tar -C "$dest" -xf -
    else
        log "copying the working tree (tracked and untracked, uncommitted changes included) to $SRC"
        git -C "$REPO" ls-files -z -co --exclude-standard \
            | (cd "$REPO" && while IFS= read -r -d '' f; do
                   if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi  # tracked but deleted: skip
               done) \
            | tar -C "$REPO" --null --no-recursion -T - -cf - | tar -C "$dest" -xf -
    fi
}

# The host's own CA certificates (a company's or a proxy's, /usr/local/share/ca-certificates) trusted inside
# too, or pip cannot reach PyPI through a TLS-inspecting proxy.
sync_local_cas() {
    local host=/usr/local/share/ca-certificates inside=$ROOT/usr/local/share/ca-certificates
    [ -d "$host" ] || return 0
    [ -x "$ROOT/usr/sbin/update-ca-certificates" ] || return 0
    if ! diff -rq "$host" "$inside" >/dev/null 2>&1; then
        log "trusting the host's local CA certificates inside the root"
        rm -rf "$inside"
        cp -a "$host" "$inside"
        in_root update-ca-certificates --fresh >/dev/null 2>&1 || die "update-ca-certificates failed inside the root"
    fi
}

# ---- build

ensure_debootstrap() {
    command -v debootstrap >/dev/null 2>&1 && return 0
    log "installing debootstrap on the host"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq -o DPkg::Lock::Timeout=600 debootstrap \
        || { apt-get update -qq -o DPkg::Lock::Timeout=600 \
             && apt-get install -y -qq -o DPkg::Lock::Timeout=600 debootstrap; }
}

sources_list() {
    echo "deb $MIRROR $RELEASE main"
    if [ "$RELEASE" != sid ]; then
        echo "deb $MIRROR $RELEASE-updates main"
        echo "deb $SECURITY_MIRROR $RELEASE-security main"
    fi
}

configure_root() {
    sources_list >"$ROOT/etc/apt/sources.list"
    # no services start during installs (PostgreSQL's cluster is made, not started); the chroot has no init
    printf '#!/bin/sh\n# debian_root.sh: no services in this chroot\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
    chmod 755 "$ROOT/usr/sbin/policy-rc.d"
    echo 'force-unsafe-io' >"$ROOT/etc/dpkg/dpkg.cfg.d/debian-root-unsafe-io"
    printf '%s\n' 'path-exclude /usr/share/man/*' 'path-exclude /usr/share/doc/*' \
        'path-include /usr/share/doc/*/copyright' >"$ROOT/etc/dpkg/dpkg.cfg.d/debian-root-nodoc"
    cat >"$ROOT/etc/apt/apt.conf.d/90debian-root" <<'EOF'
APT::Install-Recommends "false";
APT::Keep-Downloaded-Packages "true";
Acquire::Retries "3";
// A mirror or snapshot that is not refreshed every day serves sid with an expired Release file (Valid-Until);
// a throw-away test root accepts it rather than failing.
Acquire::Check-Valid-Until "false";
EOF
    echo "$RELEASE" >"$ROOT/etc/debian_chroot"  # the prompt of `shell` says where it is
    mkdir -p "$ROOT$SRC" "$ROOT/root/.cache/pip"
}

# The package list as the Makefile evaluates it inside the root (its PostgreSQL version may come from there).
debian_packages() {
    in_root make -s --no-print-directory -C "$SRC" \
        --eval 'debian-root-print-packages: ; @echo $(DEBIAN_PACKAGES)' debian-root-print-packages "${MAKE_ARGS[@]}"
}

build_root() {
    local base_hash packages packages_hash
    ensure_debootstrap
    base_hash=$(printf '%s\n' "$RELEASE" "$MIRROR" "$BASE_PACKAGES" "$(sources_list)" | sha256sum | cut -c1-16)
    if [ "$(cat "$ROOT/$STAMP_BASE" 2>/dev/null)" != "$base_hash" ]; then
        [ ! -e "$ROOT" ] || log "the root is incomplete or its base changed: making it afresh"
        remove_root
        mkdir -p "$ROOT" "$CACHE"
        log "debootstrap $RELEASE from $MIRROR into $ROOT"
        timed debootstrap debootstrap --variant=minbase --include="$BASE_PACKAGES" --cache-dir="$CACHE" \
            "$RELEASE" "$ROOT" "$MIRROR" >"$ROOTS/$RELEASE-debootstrap.log" 2>&1 \
            || { tail -n 30 "$ROOTS/$RELEASE-debootstrap.log" >&2
                 die "debootstrap failed (full log: $ROOTS/$RELEASE-debootstrap.log)"; }
        echo "$base_hash" >"$ROOT/$STAMP_BASE"
    else
        log "base system up to date"
    fi
    configure_root
    sync_local_cas
    copy_tree worktree
    packages=$(debian_packages) || die "could not evaluate DEBIAN_PACKAGES from the Makefile inside the root"
    # shellcheck disable=SC2086  # one package per word
    packages_hash=$(printf '%s\n' $packages | sort | sha256sum | cut -c1-16)
    if [ "$(cat "$ROOT/$STAMP_PACKAGES" 2>/dev/null)" = "$packages_hash" ]; then
        log "project packages up to date ($(wc -w <<<"$packages") packages)"
    else
        rm -f "$ROOT/$STAMP_PACKAGES"
        with_mounts
        log "apt-get update"
        timed apt-update in_root apt-get update -qq || die "apt-get update failed inside the root"
        log "make debs: $packages"
        timed make-debs in_root make -C "$SRC" --no-print-directory debs "${MAKE_ARGS[@]}" \
            || die "make debs failed inside the root"
        # the list again: with fresh apt lists the Makefile may name other packages (postgresql-NN)
        packages=$(debian_packages)
        # shellcheck disable=SC2086
        printf '%s\n' $packages | sort | sha256sum | cut -c1-16 >"$ROOT/$STAMP_PACKAGES"
        in_root dpkg-query -W -f '${binary:Package} ${Version}\n' qgis python3 python3-numpy 2>/dev/null \
            | sed 's/^/  /' >&2 || true
        cleanup
    fi
    log "root: $(du -sh --one-file-system "$ROOT" | cut -f1), apt cache: $(du -sh "$CACHE" | cut -f1)"
}

cmd_build() {
    build_root
    print_timings
}

# ---- test, shell, clean

cmd_test() {
    local rc=0 t0 log_file=$ROOTS/$RELEASE-test.log
    if [ ! -f "$ROOT/$STAMP_PACKAGES" ]; then
        log "no complete root for $RELEASE yet: building it first"
        build_root
    fi
    sync_local_cas
    stop_inside  # what a killed run may have left running
    umount_all
    find "$ROOT/tmp" -mindepth 1 -xdev -delete  # earlier runs' pytest dirs, X locks
    if [ "$WORKTREE" = 1 ]; then copy_tree worktree; else copy_tree head; fi
    with_mounts
    log "make test ${MAKE_ARGS[*]} (output also in $log_file)"
    t0=$(date +%s)
    set +e
    in_root bash -lc 'cd "$0" && make test "$@"' "$SRC" "${MAKE_ARGS[@]}" 2>&1 | tee "$log_file"
    rc=${PIPESTATUS[0]}
    set -e
    TIMINGS+=("make-test $(($(date +%s) - t0)) s")
    cleanup
    log "make test exited with $rc"
    print_timings
    exit "$rc"
}

cmd_shell() {
    [ -x "$ROOT/bin/bash" ] || die "no root for $RELEASE: run 'bash $0 build $RELEASE' first"
    with_mounts
    log "a shell in $ROOT (exit to leave; the mounts are undone then)"
    set +e
    chroot "$ROOT" /usr/bin/env -i HOME=/root PATH="$ROOT_PATH" LANG=C.UTF-8 CI="${CI:-}" TERM="${TERM:-dumb}" \
        bash -c 'cd "$0" 2>/dev/null || cd; exec bash -l' "$SRC" 9>&-
    local rc=$?
    set -e
    cleanup
    exit "$rc"
}

cmd_clean() {
    remove_root
    if [ "$CLEAN_CACHE" = 1 ]; then rm -rf "$CACHE"; fi
    log "removed $ROOT$([ "$CLEAN_CACHE" = 1 ] && echo " and $CACHE")"
}

"cmd_$CMD"
