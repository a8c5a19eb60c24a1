# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# Shared helpers of the lab scripts: paths, messages, bases, trees.
# Sourced, never run.

# A function that dies inside $(...) ends that subshell: with this, the
# assignment x=$(f) then fails and ends the script too (set -e).  Results
# are always read into a variable first, never straight into an argument.
shopt -s inherit_errexit

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_REPO=$(dirname "$LAB_DIR")
: "${LAB_BUILD:=$LAB_REPO/build}"
: "${LAB_FLAVOUR:=tiny}"
: "${LAB_TOOLS:=$LAB_BUILD/tools}"
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
# Two trees of one base (unpatched, patched) share the compiler cache:
# paths are made relative to this directory and the cwd is not hashed.
export CCACHE_BASEDIR=$LAB_BUILD/src CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
# Fixed build identity, so that a rebuild of the same source hits ccache.
export KBUILD_BUILD_USER=lab KBUILD_BUILD_HOST=lab
export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026'

# Exit codes of every job: 0 as expected; 1 the kernel or the series failed
# what was checked (check_failed, or a verdict); 2 the lab could not run
# (die: bad input, a missing tool or file, a failed build or boot); 124 a
# guest that timed out.
die() { printf 'lab: error: %s\n' "$*" >&2; exit 2; }
check_failed() { printf 'lab: FAIL: %s\n' "$*" >&2; exit 1; }
# exit_as RC MESSAGE: for a guest or step that ended with RC: 124 (timeout)
# and 1 (a panic, a failed check, a series that does not apply) stay, else 2.
exit_as() {
	local rc=$1
	shift
	printf 'lab: error: %s\n' "$*" >&2
	case $rc in 1 | 124) exit "$rc" ;; *) exit 2 ;; esac
}
say() { printf 'lab: %s\n' "$*" >&2; }

# check_base BASE: BASE names a Debian linux-source package, the host's or a
# newer suite's (lab/host/fetch-source.sh); with LAB_TREE, only the series.
check_base() {
	local base=$1
	[[ $base =~ ^[0-9]+\.[0-9]+$ ]] ||
		die "bad base '$base': expected MAJOR.MINOR, e.g. 7.3, 6.12 or 6.1"
	if [ -n "${LAB_TREE:-}" ]; then
		local top=''
		top=$(git -C "$LAB_TREE" rev-parse --show-toplevel 2>/dev/null) || true
		if [ -z "$top" ] || [ "$top" != "$(cd "$LAB_TREE" && pwd -P)" ] ||
			! git -C "$LAB_TREE" rev-parse -q --verify 'HEAD^{commit}' >/dev/null 2>&1; then
			die "LAB_TREE=$LAB_TREE is not the top of a git tree with a commit checked out"
		fi
		[ -d "$(series_dir "$base")" ] || die "there is no $base series to put on LAB_TREE: $(series_dir "$base") does not exist"
		return 0
	fi
	[ -f "/usr/src/linux-source-$base.tar.xz" ] && return 0
	[ -f "$LAB_BUILD/apt/src/$base/version" ] && return 0
	apt-cache show "linux-source-$base" >/dev/null 2>&1 && return 0
	# A fresh machine may not have read the package lists yet.
	[ "$(id -u)" -ne 0 ] || apt-get update -q >/dev/null 2>&1 || true
	apt-cache show "linux-source-$base" >/dev/null 2>&1 && return 0
	"$LAB_DIR/host/fetch-source.sh" "$base" >/dev/null
}

# debian_mirror: the host's Debian mirror, read from its own apt sources.
debian_mirror() {
	local uri
	# shellcheck disable=SC2016 # apt's format, not the shell's
	uri=$(apt-get indextargets --format '$(REPO_URI)' 'Created-By: Packages' 2>/dev/null |
		grep -v -- '-security' | grep -m1 '/debian/$' || true)
	[ -n "$uri" ] || die "cannot find the host's Debian mirror in its apt sources"
	echo "$uri"
}

# newer_apt deb|deb-src [SUITE...]: sets apt_newer to the apt-get/apt-cache
# options of the packages or sources of Debian's SUITEs (default
# LAB_APT_SUITES, or trixie-backports sid trixie), read into a private
# sources list, lists and cache under build/apt/[deb-src/] (updated when
# older than a day): the host's apt setup is never changed.
newer_apt() {
	local kind=$1 d=$LAB_BUILD/apt s uri suites=${LAB_APT_SUITES:-trixie-backports sid trixie}
	shift
	[ "$kind" = deb ] || d+=/$kind
	[ $# -eq 0 ] || suites=$*
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
	apt_newer=(-q -o "Dir::Etc::SourceList=$d/sources.list" -o Dir::Etc::SourceParts=/dev/null
		-o "Dir::State::Lists=$d/lists" -o "Dir::Cache=$d/cache" -o APT::Sandbox::User=root)
	uri=$(debian_mirror)
	for s in $suites; do
		echo "$kind [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${uri%/} $s main"
	done >"$d/sources.list.new"
	if cmp -s "$d/sources.list.new" "$d/sources.list" &&
		[ -n "$(find "$d/lists" -maxdepth 1 \( -name '*_Packages*' -o -name '*_Sources*' \) -mtime -1 -print -quit)" ]; then
		rm -f "$d/sources.list.new"
		return 0
	fi
	mv "$d/sources.list.new" "$d/sources.list"
	say "reading Debian's $suites (private apt lists in $d)"
	apt-get "${apt_newer[@]}" update >"$d/update.log" 2>&1 ||
		die "apt-get update of the private lists failed, see $d/update.log"
}

# known_bases: the linux-source versions apt knows, after newer_apt deb.
known_bases() {
	{ apt-cache pkgnames linux-source-; apt-cache "${apt_newer[@]}" pkgnames linux-source-; } 2>/dev/null |
		sed -n 's/^linux-source-\([0-9]*\.[0-9]*\)$/\1/p' | sort -uV | xargs
}

# tree_dir BASE VARIANT: the tree of the base or of the series:
# build/src/BASE[-patched], or with LAB_TREE=DIR build/src/tree-NAME-HASH/
# BASE[-patched], NAME being DIR's, HASH 8 digits of the md5 of its path.
tree_dir() {
	local root=$LAB_BUILD/src real
	if [ -n "${LAB_TREE:-}" ]; then
		real=$(cd "$LAB_TREE" && pwd -P) || die "no LAB_TREE directory $LAB_TREE"
		root+=/tree-$(basename "$real")-$(printf %s "$real" | md5sum | cut -c1-8)
	fi
	case $2 in
	unpatched) echo "$root/$1" ;;
	patched) echo "$root/$1-patched" ;;
	*) die "bad variant '$2'" ;;
	esac
}

# obj_dir BASE VARIANT FLAVOUR: build output, a direct child of the source
# tree so that Kbuild uses srctree=.. and both trees share ccache entries.
obj_dir() { echo "$(tree_dir "$1" "$2")/.o-$3"; }

flavour_config() {
	local f=$LAB_DIR/config/$1.config
	[ -f "$f" ] || die "unknown flavour '$1' (have: $(find "$LAB_DIR/config" -name '*.config' ! -name base.config -printf '%f\n' | sed 's/\.config$//' | sort | xargs))"
	echo "$f"
}

series_dir() { echo "${LAB_PATCHES:-$LAB_REPO/patches}/$1"; }

# The tree the newest base's series is posted to.  net-next, not net: the
# race predates git, 9603d47bad46 mitigated its symptom in 2020, and the
# upstream fixes of the same lookup races (b8ec80b13021, 1532ed0d0753)
# went to net-next too (the 7.3 cover letter says more).
# shellcheck disable=SC2034 # used by the scripts that source this file
UPSTREAM_TREE=net-next

# newest_base: the base posted upstream; the older ones are stable backports.
newest_base() {
	find "$(series_dir .)/" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*.[0-9]*' -printf '%f\n' |
		sort -V | tail -n 1
}

# series_files BASE: the patches of a series, cover letter excluded.
series_files() {
	local d
	d=$(series_dir "$1")
	[ -d "$d" ] || return 0
	find "$d" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]-*.patch' ! -name '0000-*' | sort
}

# need_space DIR GB: fail early instead of half-way through a build.
need_space() {
	local avail
	mkdir -p "$1"
	avail=$(df -Pk "$1" | awk 'NR == 2 { print int($4 / 1048576) }')
	[ "$avail" -ge "$2" ] || die "not enough space in $1: ${avail} GiB free, ${2} GiB needed"
}

# lock_base BASE: until it exits, this job alone changes, builds or boots
# from BASE's trees (source, series and scratch worktrees, their builds);
# another waits.  Held once per job: the scripts it runs see
# LAB_LOCK_<base> and go on.
lock_base() {
	local var=LAB_LOCK_${1//./_}
	[ -z "${!var:-}" ] || return 0
	mkdir -p "$LAB_BUILD/src"
	exec {lab_lock_fd}>"$LAB_BUILD/src/.lock-$1"
	if ! flock -n "$lab_lock_fd"; then
		say "waiting for another lab job that is changing or building the $1 trees"
		flock -w "${LAB_LOCK_WAIT:-3600}" "$lab_lock_fd" ||
			die "the $1 trees stayed locked for ${LAB_LOCK_WAIT:-3600}s (lsof $LAB_BUILD/src/.lock-$1)"
	fi
	export "$var=$$"
}

# take_base BASE: check_base, then lock_base: what a job does first.
take_base() { check_base "$1" && lock_base "$1"; }

# positive NAME VALUE [NAME VALUE...]: each VALUE a whole number above 0, or die naming its NAME
positive() {
	while [ $# -ge 2 ]; do [[ $2 =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive whole number, not '$2'"; shift 2; done
}

# need_value OPTION ARGC: an option that takes a value has one
need_value() { [ "$2" -ge 2 ] || die "option $1 needs a value"; }

# make_var DIR VAR...: the file names that the Makefile of DIR gives VARs
make_var() {
	# shellcheck disable=SC2016 # a make expression
	printf 'lab-print-var:\n\t@echo $(notdir %s)\n' "$(printf '$(%s) ' "${@:2}")" |
		make -s --no-print-directory -C "$1" -f Makefile -f - lab-print-var
}

# run_dir NAME: a new directory for one run of a job, build/runs/NAME-<time>,
# made and printed; every job keeps its results, logs and consoles there.
run_dir() {
	local d
	d=$LAB_BUILD/runs/$1-$(date +%Y%m%d-%H%M%S)
	[ ! -e "$d" ] || d=$d-$$
	mkdir -p "$d" || die "cannot make $d"
	echo "$d"
}

elapsed() { echo "$((SECONDS - ${1:-0}))s"; }	# elapsed T0: "Ns" since $SECONDS was T0

# kernel_of BASE VARIANT [FLAVOUR]: the one way to a kernel: base tree,
# series (VARIANT patched), build (incremental); prints its bzImage.  Each
# step's failure is returned: a caller's "|| die" turns set -e off here.
kernel_of() {
	"$LAB_DIR/host/base-tree.sh" "$1" || return
	case $2 in
	unpatched) ;;
	patched) "$LAB_DIR/host/apply-series.sh" "$1" || return ;;
	*) die "bad variant '$2' (unpatched or patched)" ;;
	esac
	"$LAB_DIR/host/build-kernel.sh" "$1" "$2" "${3:-$LAB_FLAVOUR}"
}

# guest_run [--timeout S] [--smp N] [--mem MB] [--accel tcg|icount|kvm]
#           [--run DIR] BZIMAGE -- CMD...: boot BZIMAGE with virtme-ng (vng,
# lab/host/fetch-tools.sh), the host root read-only and /tmp, /var/tmp
# writable over it, and run CMD (one shell command line) from DIR/out,
# which is $LAB_OUT there and writable.  icount: one TCG thread whose clock
# counts instructions (1 ns each), so that a rate is a repeatable count.
# LAB_APPEND adds kernel arguments, LAB_QEMU_ARGS qemu's.  The console goes
# to stdout and DIR/serial.log.  Returns CMD's status; 124 when the guest
# timed out; 1 on a kernel panic; 2 when the guest gave no status.
guest_run() (
	timeout=${LAB_TIMEOUT:-600} smp=${LAB_SMP:-2} mem=${LAB_MEM:-1024}
	accel=${LAB_ACCEL:-tcg} run='' kernel=''
	while [ $# -gt 0 ]; do
		case $1 in
		--timeout|--smp|--mem|--accel|--run) need_value "$1" $#
			printf -v "${1#--}" %s "$2"; shift 2 ;;
		--) shift; break ;;
		-*) die "guest_run: unknown option $1" ;;
		*) [ -z "$kernel" ] || die "guest_run: two kernels given"; kernel=$1; shift ;;
		esac
	done
	[[ -n $kernel && $# -gt 0 ]] || die "usage: lab/lab boot [options] BZIMAGE -- CMD..."
	[ -f "$kernel" ] || die "no kernel image $kernel"
	[[ $timeout =~ ^[0-9]+$ && $smp =~ ^[0-9]+$ && $mem =~ ^[0-9]+$ ]] ||
		die "--timeout, --smp and --mem take whole numbers"
	# qemu's default TCG is multi-threaded; -cpu max as before vng.  A
	# second 9p export of / tagged "root": 6.1 mounts the tag its root=
	# names with /dev/ stripped.
	qemu="-cpu max -fsdev local,id=labroot,path=/,security_model=none,readonly=on,multidevs=remap -device virtio-9p-pci,fsdev=labroot,mount_tag=root"
	vngopts=(--disable-kvm)
	case $accel in
	tcg) ;;
	icount) qemu+=" -icount shift=0,sleep=off,align=off" ;;
	kvm) [ -w /dev/kvm ] || die "--accel kvm: /dev/kvm is not usable here"; vngopts=() qemu=${qemu#-cpu max } ;;
	*) die "--accel takes tcg, icount or kvm" ;;
	esac
	[ -n "$run" ] || run=$(run_dir guest) || exit
	mkdir -p "$run/out" || die "cannot make $run/out"
	run=$(cd "$run" && pwd -P) || die "cannot enter $run"
	# vng hands its arguments to a shell unquoted, and qemu's -fsdev
	# path= ends at a comma: plain paths only.
	[[ $kernel$run =~ ^[A-Za-z0-9._/+@-]+$ ]] || die "'$kernel', '$run': the guest's paths may hold only letters, digits and . _ / + @ -"
	for d in "$(cd "$LAB_DIR" && pwd -P)" "$run"; do
		case $d/ in /run/*|/dev/*|/proc/*|/sys/*)
			die "$d is under /run, /dev, /proc or /sys, which the guest mounts anew and so cannot see: use a checkout and a build directory (LAB_BUILD) elsewhere" ;;
		esac
	done
	command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is not installed (make deps)"
	vng=$("$LAB_DIR/host/fetch-tools.sh")/vng || exit
	out=$run/out log=$run/serial.log
	rm -f "$out/.lab-status" || die "cannot write to $out"
	printf '%s\n' "$*" >"$out/.lab-cmd" || die "cannot write $out/.lab-cmd"
	# vng mounts an empty tmpfs over /var/tmp: off with it, and the host's
	# shows through vng's writable layer over /var.  The result directory,
	# which vng mounts at /tmp/lab-out, goes to its host path.
	init="umount /var/tmp; mount --bind /tmp/lab-out $out && cd $out && echo lab-guest: up after \$(cut -d' ' -f1 /proc/uptime) s, \$(nproc) CPUs &&"
	init+=" LAB_OUT=$out HOME=/tmp setsid bash .lab-cmd </dev/null; rc=\$?; dmesg >dmesg.log 2>&1; echo \$rc >.lab-status; exit \$rc"
	say "booting $kernel ($accel, $smp vCPUs, ${mem} MiB, timeout ${timeout}s); console: $log"
	: >"$log" || die "cannot write $log"
	# qemu opens vng's stdout and stderr by name (/proc/self/fd/N), which
	# truncates a file: they are a pipe, to a sed that this function
	# waits for, so that the console is whole when it returns.
	exec {console}> >(sed -u 's/\r$//' >>"$log")
	sed_pid=$!
	# timeout(1) leads its own process group, which a ^C at the terminal
	# does not reach: that group ends with this function.
	timeout -k 5 "$timeout" "$vng" --run "$kernel" "${vngopts[@]}" --force-9p --verbose \
		--cpus "$smp" --memory "${mem}M" --rwdir "/tmp/lab-out=$out" --cwd / \
		--append "root=root loglevel=5${LAB_APPEND:+ $LAB_APPEND}" --qemu-opts="$qemu ${LAB_QEMU_ARGS:-}" \
		--exec "$init" </dev/null >&"$console" 2>&1 &
	group=$!
	exec {console}>&-
	# shellcheck disable=SC2317 # run by the traps
	end_guest() { kill -TERM -- "-$group" 2>/dev/null || kill -TERM "$group" 2>/dev/null || true; }
	trap end_guest EXIT
	trap 'end_guest; say "interrupted: guest ended"; exit 130' INT TERM HUP
	tail -n +1 -f --pid="$sed_pid" "$log" &
	rc=0
	wait "$group" || rc=$?
	trap - EXIT
	wait "$sed_pid"
	wait
	# The command's own status first: vng passes it on, 124 included.
	if [ ! -f "$out/.lab-status" ]; then
		case $rc in 124|137) exit_as 124 "guest timed out after ${timeout}s and was killed (hung?); console: $log" ;; esac
		# a panic is the kernel's failure (1); anything else, the boot's (2)
		grep 'Kernel panic' "$log" | grep -v 'VFS: Unable to mount root\|Attempted to kill init' >/dev/null &&
			check_failed "guest panicked: $(grep -m1 'Kernel panic' "$log")"
		die "guest ended without a status (vng exit $rc); console: $log"
	fi
	status=$(cat "$out/.lab-status")
	say "guest command exited with status $status ($accel); results in $out"
	exit "$status"
)

# guest_must CONSOLE [guest_run's arguments]: guest_run with its console in
# CONSOLE; a failure shows the console's end and ends the job (exit_as).
guest_must() {
	local console=$1 rc=0
	shift
	guest_run "$@" >"$console" 2>&1 || rc=$?
	[ "$rc" -eq 0 ] || { tail -n 15 "$console" >&2; exit_as "$rc" "the guest failed (exit $rc), see $console"; }
}

# series_selftests BASE [TEST...]: the series applied, its named net selftests
# built (tcp_rst_timewait by default); prints their install directory.
series_selftests() {
	[ $# -gt 1 ] || set -- "$1" tcp_rst_timewait
	check_base "$1" || return
	"$LAB_DIR/host/apply-series.sh" "$1" || return
	"$LAB_DIR/host/build-selftests.sh" "$1" patched "${@:2}"
}

# rfc_loop BASE DIR: lab/workload/rfc_loop.c built into DIR with the uapi
# headers of BASE's patched tree (TCP-AO); prints its path.
rfc_loop() {
	series_selftests "$1" >/dev/null || return
	gcc -O2 -Wall -pthread -isystem "$(tree_dir "$1" patched)/.o-kselftest/hdr/usr/include" \
		-o "$2/rfc_loop" "$LAB_DIR/workload/rfc_loop.c" || die "building lab/workload/rfc_loop.c failed"
	echo "$2/rfc_loop"
}

# Results: one line per case, "# CASE: key=value ..." with whole numbers
# (lab/workload/*.c, lab/guest/stress), or the selftest's line in words,
# "# ipv4.rst: 6267 connections, 3001 ms, 0 lost, 0 over 1 s", read as the
# keys connections, ms, lost and over_1s (docs/lab.md, "Results: one
# format, one reader").  This is the one reader of those lines.
# shellcheck disable=SC2016 # an awk program
RESULT_AWK='function kv(   i, n) {
	delete val
	if ($3 ~ /^[a-z0-9_]+=/) {
		for (i = 3; i <= NF; i++) { n = index($i, "="); val[substr($i, 1, n - 1)] = substr($i, n + 1) }
		return 1
	}
	if (NF == 12 && $4 == "connections," && $6 == "ms," && $8 == "lost," && $10 $11 $12 == "over1s") {
		val["connections"] = $3; val["ms"] = $5; val["lost"] = $7; val["over_1s"] = $9
		return 1
	}
	return 0
}'

# result LOG CASE KEY: the value of KEY for CASE; dies when it is missing.
result() {
	local v
	[ -f "$1" ] || die "no result file $1"
	v=$(awk -v c="$2:" -v k="$3" "$RESULT_AWK"'
		$1 == "#" && $2 == c && kv() && (k in val) { print val[k] }' "$1")
	[[ $v =~ ^(0|[1-9][0-9]*)$ ]] || die "$1: no $3 for $2 in the result lines"
	echo "$v"
}

# result_sum KEY CASE LOG...: KEY of CASE summed over the logs.
result_sum() {
	local f n=0 v
	for f in "${@:3}"; do
		v=$(result "$f" "$2" "$1") || return
		n=$((n + v))
	done
	echo "$n"
}

# result_total LOG KEY: KEY summed over the cases that ran in LOG; dies when
# LOG has no result line at all, or one without KEY.
result_total() {
	local v
	[ -f "$1" ] || die "no result file $1"
	v=$(awk -v k="$2" "$RESULT_AWK"'
		$1 == "#" && $2 ~ /^ipv[46][._][a-z0-9]+:$/ && kv() { lines++; if (k in val) { s += val[k]; keyed++ } }
		END { if (lines && keyed == lines) print s + 0 }' "$1")
	[[ $v =~ ^[0-9]+$ ]] || die "$1: no result line, or one without $2"
	echo "$v"
}

# The tests of tcp_rst_timewait (variant.test), in the order it runs them.
# shellcheck disable=SC2034 # for the scripts that source this
SELFTEST_CASES=(ipv4.rst ipv4.md5 ipv4.ao ipv4.fin ipv6.rst ipv6.md5 ipv6.ao ipv6.fin)

# verdict LOG CASE: pass, fail, xfail or skip, from the test's KTAP line
# (found by its number: 6.1's harness leaves the name out of a SKIP line);
# dies when the test has none, or one with another name.
verdict() {
	local i n='' line
	for i in "${!SELFTEST_CASES[@]}"; do [ "${SELFTEST_CASES[$i]}" != "$2" ] || n=$((i + 1)); done
	[ -n "$n" ] || die "no test $2 in tcp_rst_timewait"
	[ -f "$1" ] || die "no result file $1"
	line=$(grep -E "^(not )?ok $n( |\$)" "$1") || die "$1: no KTAP result for $2"
	[[ $line != *$'\n'* ]] || die "$1: two KTAP results for $2"
	case $line in
	"ok $n tcp_rst_timewait.$2 # SKIP"*|"ok $n # SKIP"*) echo skip ;;
	"ok $n tcp_rst_timewait.$2 # XFAIL"*) echo xfail ;;
	"ok $n tcp_rst_timewait.$2") echo pass ;;
	"not ok $n tcp_rst_timewait.$2"|"not ok $n tcp_rst_timewait.$2 "*) echo fail ;;
	*) die "$1: no KTAP result for $2 (test $n is: $line)" ;;
	esac
}

# case_lost LOG CASE: the segments CASE (ipv4.rst of the selftest, ipv4_rst
# of rfc_loop.c) lost in LOG, or "-" when it was skipped; dies without either.
case_lost() {
	local v
	if [[ $2 == *.* ]]; then
		v=$(verdict "$1" "$2") || return
		[ "$v" != skip ] || { echo -; return; }
	elif grep -q "^# $2: skipped: " "$1" 2>/dev/null; then
		echo -
		return
	fi
	result "$1" "$2" lost
}
