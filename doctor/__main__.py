"""`python3 -m doctor TARGET`: exit 1 with one message if a tool TARGET needs is missing."""

import os
import sys

from doctor import NEEDS, find_chromium, problems, report, stale_locks


def main(argv):
    target = argv[1] if len(argv) > 1 else "all"
    if target not in NEEDS:
        sys.stderr.write("doctor: unknown target %r (one of %s)\n" % (target, ", ".join(sorted(NEEDS))))
        return 2
    found = problems(NEEDS[target])
    stale = stale_locks(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    name = "doctor" if target == "all" else target
    if found:
        sys.stderr.write(report(name, found) + "\n")
    for line in stale:
        sys.stderr.write("make %s: %s\n" % (name, line))
    if found or stale:
        return 1
    if target == "all":
        print("make doctor: every tool is in place (Python %d.%d.%d, Chromium at %s)" % (
            sys.version_info[:3] + (find_chromium(),)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
