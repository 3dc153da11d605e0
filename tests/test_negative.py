"""Numbers that are not deadlines must never produce a date."""

from __future__ import annotations

import pytest

from deadline_cn import Unresolved, normalise

NEGATIVES = ["12345热线", "不低于4%", "第十四个五年规划", "26个领域", "10个重点事项", "1位政府领导",
             "粤办发〔2016〕22号", "《关于印发2016年政务公开工作要点的通知》", "第 6 版",
             "培育全市医疗机构微信公众号超过25 个", "三率一数", "一门式一网式", "统一部署", "湛府办„2021‟15 号"]
@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_deadline(text: str) -> None:
    result = normalise(text, ref="2017-01-09")
    assert isinstance(result, Unresolved), result.describe()
    assert result.reason

