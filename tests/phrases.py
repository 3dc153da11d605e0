"""Distinct generated deadline phrases, the shapes of the corpus with other numbers and actions (deterministic).

Real ledgers are mostly distinct cells, so the benchmark reads phrases it has never seen: every phrase here is
different, and the cell cache is cleared before each timed call anyway.
"""

from __future__ import annotations

import random

CN = "〇一二三四五六七八九十"
ACTIONS = ["", "完成", "前完成", "制定实施方案", "开展督查", "报送工作总结", "建成平台", "完成整改", "出台细则"]


def _dates(rng: random.Random) -> str:
    y, m, d, q, n = rng.randint(2010, 2035), rng.randint(1, 12), rng.randint(1, 28), rng.randint(1, 4), \
        rng.randint(1, 60)
    return rng.choice([
        f"{y}年{m}月底前", f"{y}年{m}月{d}日前", f"{y}年{m}月底", f"{y}年第{q}季度末前", f"{y}年{CN[q]}季度",
        f"{y}年{rng.choice('上下')}半年", f"{y}年{m}月{rng.choice(['上旬', '中旬', '下旬'])}", f"{y}年底前",
        f"{y}年{m}月至{y + 1}年{rng.randint(1, 12)}月", f"{y}年起长期坚持", f"每季度结束后{n}日内",
        f"印发之日起{n}个工作日内", f"每月{d}日前", f"每年{m}月底前", f"{y}年{m}月底前，{y + 1}年底前",
        f"{m}月底前", f"按省部署实施，{y}年底前", f"{y}—{y + rng.randint(1, 5)}年",
    ])


def generate(count: int, seed: int = 11) -> list[str]:
    """``count`` distinct phrases."""
    rng, seen = random.Random(seed), dict[str, None]()
    while len(seen) < count:
        seen.setdefault(_dates(rng) + rng.choice(ACTIONS), None)
    return list(seen)
