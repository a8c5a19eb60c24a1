#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lab/demo.sh [BASE]: the race and the fix side by side.  Builds (or
# reuses) the unpatched and the patched kernel of BASE, runs the selftest's
# own program, tcp_rst_timewait, in each with larger counts (BATCHES
# batches of 20000 connections per family, each batch in a fresh netns
# and well under tcp_fin_timeout), then measures what the fix costs:
# connection rate and a request/response rate, interleaved over ROUNDS
# boots of each kernel.  Prints one table; logs are named as it goes.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

base=${1:-7.3}
batches=${BATCHES:-3}
rounds=${ROUNDS:-5}
conns=20000
check_base "$base"
[ -n "$(series_files "$base")" ] ||
	die "there is no $base series yet: patches/$base/ holds no patches, so there is nothing to compare"
stamp=$(date +%Y%m%d-%H%M%S)
dir=$LAB_BUILD/demo/$base-$stamp
mkdir -p "$dir"
t0=$SECONDS
step=0 steps=$((6 + 2 * rounds))
progress() {
	step=$((step + 1))
	local eta=
	[ -z "${per_boot:-}" ] || eta=", about $(((steps - step + 1) * per_boot))s left"
	printf 'demo [%d/%d] %s (%ss elapsed%s)\n' "$step" "$steps" "$*" $((SECONDS - t0)) "$eta" >&2
}

progress "base tree and series for $base"
"$LAB_DIR/series.sh" "$base" 2>>"$dir/setup.log"
for v in unpatched patched; do
	progress "building the $v kernel (compiler output: $(obj_dir "$base" $v "$LAB_FLAVOUR")/build.log)"
	"$LAB_DIR/kbuild.sh" "$base" $v "$LAB_FLAVOUR" >"$dir/kernel-$v" 2>>"$dir/setup.log" ||
		die "building the $v kernel failed, see $dir/setup.log"
done
progress "building the workload (selftest from the series, lab/workload/tcp_rr.c)"
inst=$("$LAB_DIR/kselftest.sh" "$base" patched tcp_rst_timewait 2>>"$dir/setup.log")
race=$inst/net/tcp_rst_timewait
gcc -O2 -Wall -pthread -o "$dir/tcp_rr" "$LAB_DIR/workload/tcp_rr.c"

# boot VARIANT NAME CMD: run CMD in a guest of VARIANT; results in $dir/NAME
boot() {
	local s=$SECONDS rc=0
	"$LAB_DIR/vm.sh" --run "$dir/$2" --timeout "${4:-600}" "$(cat "$dir/kernel-$1")" -- "$3" \
		>"$dir/$2.console" 2>&1 || rc=$?
	[ $rc -eq 0 ] || { tail -n 15 "$dir/$2.console" >&2
		die "the $1 guest failed (exit $rc): serial log $dir/$2/serial.log"; }
	per_boot=${per_boot:-$((SECONDS - s))}
}

for v in unpatched patched; do
	progress "race workload on the $v kernel: $batches x $conns connections per family (serial log: $dir/race-$v/serial.log)"
	boot $v race-$v "for b in \$(seq $batches); do $race -c rst -n $conns -T 40 >\$LAB_OUT/batch-\$b.log; done; true" \
		$((batches * 100 + 60))
	per_boot=
done
for r in $(seq "$rounds"); do
	for v in unpatched patched; do
		progress "cost round $r/$rounds on the $v kernel"
		boot $v cost-$v-$r "$race -4 -c rst -n 5000 -T 30 >\$LAB_OUT/conn.log; $dir/tcp_rr -4 3 >\$LAB_OUT/rr4.log; $dir/tcp_rr -6 3 >\$LAB_OUT/rr6.log" 240
	done
done

# The table: sums over the batches of each kernel and family.
echo
echo "Base $base ($(dpkg-query -W -f '${Version}' linux-source-$base 2>/dev/null)), $(date -u '+%Y-%m-%d %H:%M UTC'), host: $(nproc) cores; guests: TCG, ${LAB_SMP:-2} vCPUs"
echo
echo "| kernel | family | connections | conn/s | lost RSTs (FIN-WAIT-2 left) | > 1 ms | > 1 s | max latency |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for v in unpatched patched; do
	logs=("$dir"/race-$v/out/batch-*.log)
	for f in ipv4 ipv6; do
		c=$(result_sum connections ${f}_rst "${logs[@]}")
		ms=$(result_sum ms ${f}_rst "${logs[@]}")
		max=0
		for l in "${logs[@]}"; do
			m=$(result "$l" ${f}_rst max_us)
			[ "$m" -le "$max" ] || max=$m
		done
		printf '| %s | %s | %d | %d | %d | %d | %d | %d.%d ms |\n' $v $f "$c" $((c * 1000 / ms)) \
			"$(result_sum lost ${f}_rst "${logs[@]}")" "$(result_sum over_1ms ${f}_rst "${logs[@]}")" \
			"$(result_sum over_1s ${f}_rst "${logs[@]}")" $((max / 1000)) $((max % 1000 / 100))
	done
done
echo
echo "Cost of the fix, $rounds boots of each kernel, interleaved; median and min..max of the $rounds paired ratios:"
echo
echo "| metric | unpatched (median) | patched (median) | patched/unpatched | noise: unpatched spread | verdict |"
echo "|---|---:|---:|---:|---:|---|"
metric() {	# metric NAME FILE VALUE: VALUE FILE prints the figure of one boot
	local u p
	u=$(for r in $(seq "$rounds"); do $3 "$dir/cost-unpatched-$r/out/$2"; done | xargs)
	p=$(for r in $(seq "$rounds"); do $3 "$dir/cost-patched-$r/out/$2"; done | xargs)
	awk -v name="$1" -v u="$u" -v p="$p" 'function med(a, n,   i, j, t) {
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
	BEGIN { n = split(u, U); split(p, P); for (i = 1; i <= n; i++) { U[i] += 0; P[i] += 0 }
		for (i = 1; i <= n; i++) { R[i] = P[i] / U[i]; V[i] = U[i] }
		min = max = R[1]; for (i = 1; i <= n; i++) { if (R[i] < min) min = R[i]; if (R[i] > max) max = R[i] }
		umin = umax = U[1]; for (i = 1; i <= n; i++) { if (U[i] < umin) umin = U[i]; if (U[i] > umax) umax = U[i] }
		mu = med(V, n); for (i = 1; i <= n; i++) V[i] = P[i]; mp = med(V, n); mr = med(R, n)
		noise = (umax - umin) / (2 * mu); d = mr > 1 ? mr - 1 : 1 - mr
		printf "| %s | %.0f | %.0f | %.3f (%.3f..%.3f) | +-%.1f%% | %s |\n", name, mu, mp, mr, min, max,
			100 * noise, (d > noise ? "OUTSIDE the noise band: a finding" : "within noise") }'
}
conn_rate() { echo $(($(result "$1" ipv4_rst connections) * 1000 / $(result "$1" ipv4_rst ms))); }
rr_rate() { awk '{ sub("/s", "", $3); print $3 }' "$1"; }
metric "connections/s (IPv4, 5000)" conn.log conn_rate
metric "TCP_RR transactions/s (IPv4)" rr4.log rr_rate
metric "TCP_RR transactions/s (IPv6)" rr6.log rr_rate
echo
echo "Workload: $race (the selftest of patches/$base/) and $LAB_DIR/workload/tcp_rr.c."
echo "Logs and per-boot results: $dir ($(elapsed $t0))"
