# Every patch of the default base is checkpatch --strict clean, and adds
# no W=1 or sparse warning in the files it touches.
. "$(dirname "$0")/lib.sh"
lab/lint.sh "$BASE"
