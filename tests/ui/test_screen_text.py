"""What shots2 fixed on the main screens: texts in the user's language (the consult
draft's field labels with the language's own colon)."""

from __future__ import annotations


def test_consult_draft_summary_uses_the_languages_colon(qapp):
    from ui import i18n
    from ui.report.consult_view import draft_summary

    draft = {"template": "imaging", "fields": {"values": {"findings": "右下肺斑片影"}}}
    try:
        i18n.install("zh_CN")
        zh = draft_summary(draft)
    finally:
        i18n.install("en")
    en = draft_summary(draft)
    assert zh.endswith("：右下肺斑片影") and ": " not in zh
    assert en.endswith(": 右下肺斑片影") and "：" not in en
