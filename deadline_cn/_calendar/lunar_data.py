"""Lunar (农历) year table for 1900–2100: data only, decoded by :mod:`deadline_cn.calendar`.

Attribution and licence
-----------------------
``YEAR_CODES`` is copied from JioNLP (https://github.com/dongrixinyu/JioNLP), file
``jionlp/gadget/lunar_solar_date.py``, ``LunarSolarDate.CHINESE_YEAR_CODE`` (JioNLP 1.5.31),
by dongrixinyu, licensed under the Apache License, Version 2.0
(https://www.apache.org/licenses/LICENSE-2.0). Unless required by applicable law or agreed to in
writing, that work is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND.
Changes made here: the list was reformatted as a tuple with year comments; the values are unchanged.
``EPOCH`` is the first date of JioNLP's ``CHINESE_NEW_YEAR`` list; the rest of that list is not copied
because chaining the month lengths below from ``EPOCH`` reproduces it exactly.

Encoding of one year code (one int per lunar year, starting with ``FIRST_YEAR``):

* bits 0–3: number of the leap month (闰月), 0 when the year has none;
* bits 4–15: month sizes, bit 15 for month 1 down to bit 4 for month 12 (1 = 30 days, 0 = 29 days);
* bit 16: size of the leap month (1 = 30 days, 0 = 29 days), meaningful only when bits 0–3 are non-zero.
"""

from __future__ import annotations

from typing import Final

FIRST_YEAR: Final = 1900
LAST_YEAR: Final = 2100

# 正月初一 of FIRST_YEAR as (year, month, day) in the Gregorian calendar.
EPOCH: Final = (1900, 1, 31)

# fmt: off
YEAR_CODES: Final[tuple[int, ...]] = (
    19416, 19168, 42352, 21717, 53856, 55632, 91476, 22176, 39632, 21970,  # 1900–1909
    19168, 42422, 42192, 53840, 119381, 46400, 54944, 44450, 38320, 84343,  # 1910–1919
    18800, 42160, 46261, 27216, 27968, 109396, 11104, 38256, 21234, 18800,  # 1920–1929
    25958, 54432, 59984, 92821, 23248, 11104, 100067, 37600, 116951, 51536,  # 1930–1939
    54432, 120998, 46416, 22176, 107956, 9680, 37584, 53938, 43344, 46423,  # 1940–1949
    27808, 46416, 86869, 19872, 42416, 83315, 21168, 43432, 59728, 27296,  # 1950–1959
    44710, 43856, 19296, 43748, 42352, 21088, 62051, 55632, 23383, 22176,  # 1960–1969
    38608, 19925, 19152, 42192, 54484, 53840, 54616, 46400, 46752, 103846,  # 1970–1979
    38320, 18864, 43380, 42160, 45690, 27216, 27968, 44870, 43872, 38256,  # 1980–1989
    19189, 18800, 25776, 29859, 59984, 27480, 23232, 43872, 38613, 37600,  # 1990–1999
    51552, 55636, 54432, 55888, 30034, 22176, 43959, 9680, 37584, 51893,  # 2000–2009
    43344, 46240, 47780, 44368, 21977, 19360, 42416, 86390, 21168, 43312,  # 2010–2019
    31060, 27296, 44368, 23378, 19296, 42726, 42208, 53856, 60005, 54576,  # 2020–2029
    23200, 30371, 38608, 19195, 19152, 42192, 118966, 53840, 54560, 56645,  # 2030–2039
    46496, 22224, 21938, 18864, 42359, 42160, 43600, 111189, 27936, 44448,  # 2040–2049
    84835, 37744, 18936, 18800, 25776, 92326, 59984, 27296, 108228, 43744,  # 2050–2059
    37600, 53987, 51552, 54615, 54432, 55888, 23893, 22176, 42704, 21972,  # 2060–2069
    21200, 43448, 43344, 46240, 46758, 44368, 21920, 43940, 42416, 21168,  # 2070–2079
    45683, 26928, 29495, 27296, 44368, 84821, 19296, 42352, 21732, 53600,  # 2080–2089
    59752, 54560, 55968, 92838, 22224, 19168, 43476, 41680, 53584, 62034,  # 2090–2099
    54560,  # 2100
)
# fmt: on
