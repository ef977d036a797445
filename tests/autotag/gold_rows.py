"""The corpus rows of the gold set: four per section, drawn with a fixed seed.

    python tests/autotag/gold_rows.py    # prints the rows gold.toml must hold
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from make_seeds import read_corpus  # noqa: E402

SEED = 12
PER_SECTION = 4


def gold_rows() -> list[int]:
    by_section: dict[str, list[int]] = defaultdict(list)
    for index, (section, _) in enumerate(read_corpus()):
        by_section[section].append(index)
    rng = random.Random(SEED)
    return [row for section in sorted(by_section) for row in sorted(rng.sample(by_section[section], PER_SECTION))]


if __name__ == "__main__":
    print(gold_rows())
