"""Worklist search by name, pinyin and pinyin initials (issue 8)."""

from app.search import matches, name_keys


def test_chinese_name_matches_pinyin_and_initials():
    for typed in ("张伟明", "伟明", "zhangweiming", "zhang wei", "ZWM", "zw", "weiming"):
        assert matches(typed, "张伟明"), typed
    assert not matches("lwm", "张伟明")


def test_surname_readings_are_all_tried():
    assert matches("zxm", "曾小明") and matches("cxm", "曾小明")
    assert matches("shanli", "单丽")


def test_latin_and_dicom_names_and_ids():
    assert matches("zhang wei", "ZHANG^WEI") and matches("wei", "ZHANG^WEI")
    assert matches("demo-0", "张伟明", "DEMO-0001")
    assert not matches("xyz", "ZHANG^WEI", "DEMO-0001")
    assert matches("", "anyone")


def test_keys_are_cached():
    name_keys.cache_clear()
    name_keys("王芳")
    name_keys("王芳")
    assert name_keys.cache_info().hits == 1
