"""Worklist search keys: a patient's name also matches by its pinyin and pinyin initials.

A clinic doctor types ``zwm`` or ``zhangwei`` for 张伟明, as in every Chinese HIS.  The
keys of a name are computed once and cached, so filtering tens of thousands of rows
per keystroke stays cheap.  Surnames are read with every reading pypinyin knows for
the first character (曾 zeng/ceng, 单 shan/dan), since a surname's reading differs
from the common word's.
"""

from __future__ import annotations

import re
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u9fff]")
_SPACES = re.compile(r"[\s^,·.]+")


def compact(text: str) -> str:
    """Case- and separator-free form: 'Zhang^Wei' -> 'zhangwei'."""
    return _SPACES.sub("", text.casefold())


@lru_cache(maxsize=200_000)
def name_keys(name: str) -> tuple[str, ...]:
    keys = {compact(name)}
    if _HAN.search(name):
        from pypinyin import Style, lazy_pinyin, pinyin

        chars = [c for c in name if not _SPACES.fullmatch(c)]
        if not chars:
            return tuple(keys)
        rest = lazy_pinyin(chars[1:], errors="default")
        for surname in pinyin(chars[0], heteronym=True, style=Style.NORMAL)[0]:
            syllables = [surname, *rest]
            keys.add(compact("".join(syllables)))
            keys.add(compact("".join(s[:1] for s in syllables)))
    return tuple(keys)


@lru_cache(maxsize=200_000)
def row_key(name: str, *others: str) -> str:
    """Every searchable form of a row in one string (one substring test per row)."""
    return "\n".join(name_keys(name) + tuple(compact(o) for o in others))


def matcher(needle: str):
    """``accept(name, *ids)`` for the typed text: the name as written, in pinyin or its
    initials, or any of the IDs as written."""
    n = compact(needle).replace("\n", "")
    if not n:
        return lambda name, *others: True
    return lambda name, *others: n in row_key(name, *others)


def matches(needle: str, name: str, *others: str) -> bool:
    return matcher(needle)(name, *others)
