"""Where ``import deadline_cn`` spends its time: ``-X importtime``'s self time per module, the minimum over many
fresh interpreters (the minimum is the figure least disturbed by other work on a shared machine), with cached
.pyc, optionally next to an earlier commit.

    python benchmarks/importtime.py                     # this checkout, 25 starts
    python benchmarks/importtime.py --against 3e737b8   # and that commit's package, interleaved

Modules loaded by ``site`` before the import (on some installs importlib.resources, tempfile, shutil) cost the
package nothing here; tests/test_import.py lists what the import itself pulls in.
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def self_times(path: Path, cache: Path) -> dict[str, int]:
    """One start: µs of self time per module imported after site, and the package's cumulative µs."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(cache), PYTHONPATH=str(path))
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", "import deadline_cn"], env=env, check=True,
                         capture_output=True, text=True).stderr
    out: dict[str, int] = {}
    after_site = False
    for line in err.splitlines():
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) != 3 or not parts[0].isdigit():
            continue
        if parts[2] == "site":
            after_site = True
        elif after_site:
            out[parts[2]] = int(parts[0])
            if parts[2] == "deadline_cn":
                out["(import deadline_cn, cumulative)"] = int(parts[1])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="an earlier commit whose deadline_cn/ is timed alongside")
    parser.add_argument("--starts", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this checkout": ROOT}
        if args.against:
            old = Path(tmp) / "against"
            old.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against, "deadline_cn"], check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
            trees = {args.against: old, **trees}
        best: dict[str, dict[str, int]] = {name: collections.defaultdict(lambda: 10**12) for name in trees}
        cache = Path(tmp) / "pyc"
        for path in trees.values():
            self_times(path, cache)  # write the .pyc first
        for _ in range(args.starts):  # interleaved: drift in the machine's load hits all alike
            for name, path in trees.items():
                for module, us in self_times(path, cache).items():
                    best[name][module] = min(best[name][module], us)
    names = list(trees)
    modules = sorted({m for b in best.values() for m in b}, key=lambda m: -max(b.get(m, 0) for b in best.values()))
    print(f"min over {args.starts} starts, ms of self time (-X importtime), cached .pyc")
    print(f"{'module':40}" + "".join(f"{n:>16}" for n in names))
    for module in modules[:25]:
        print(f"{module:40}" + "".join(f"{best[n].get(module, 0) / 1e3:16.2f}" for n in names))
    total = {n: sum(v for m, v in best[n].items() if not m.startswith("(")) for n in names}
    print(f"{'sum of self times':40}" + "".join(f"{total[n] / 1e3:16.1f}" for n in names))


if __name__ == "__main__":
    main()
