# The 6.1 series: checkpatch --strict clean, no new W=1 or sparse warning.
. "$(dirname "$0")/lib.sh"
lab/lint.sh 6.1
