#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tests/nipa_nested.py LOG: the nested test results that netdev's CI
(NIPA) reads from the output of one kselftest program run by
run_kselftest.sh, one "RESULT NAME" line each (RESULT: pass, fail or
skip).  Exits 1 when a nested result line does not parse.

Written from _parse_nested_tests() in contest/remote/vmksft-p.py of
https://github.com/linux-netdev/nipa: the lines after "# TAP version",
without their "# ", are parsed with its result expression; a directive
that starts with "skip" makes a skip; XFAIL stays a pass.  Where NIPA's
code would stop on a line that does not parse, this reports it."""
import re
import sys

RESULT = re.compile(r"(not )?ok (\d+)( -)? ([^#]*[^ ])( +# +)?([^ ].*)?$")


def main():
    nested = False
    unparsed = 0
    with open(sys.argv[1], errors="replace") as log:
        for line in log:
            line = line.rstrip("\r\n")
            if nested:
                if line.startswith("# "):
                    line = line[2:]
                else:
                    nested = False
            elif line.startswith("# TAP version "):
                nested = True
                continue
            if not nested:
                continue
            if line.startswith("ok "):
                result = "pass"
            elif line.startswith("not ok "):
                result = "fail"
            else:
                continue
            m = RESULT.match(line)
            if not m:
                print("unparsed: " + line)
                unparsed += 1
                continue
            if m.group(5) and m.group(6) and m.group(6).lower().startswith("skip"):
                result = "skip"
            print(result, m.group(4))
    sys.exit(1 if unparsed else 0)


if __name__ == "__main__":
    main()
