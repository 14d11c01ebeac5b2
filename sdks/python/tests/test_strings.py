"""Strings (wire-format.md 4.3, 6.4) and keys (4.2)."""
from conftest import refused
from kestra import _messages


def test_every_escape_of_4_3():
    v = "q\" b\\ s/ \b\f\n\r\t \u0000\u0001\u001f \u007f \u0080 \u0085 \u00e9 \u20ac \u2028\u2029 \ufeff \U0001F600"
    assert _messages.outputs({"v": v}) == (
        '::{"outputs":{"v":"q\\" b\\\\ s/ \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f \\u007f \\u0080 \\u0085 \\u00e9 \\u20ac '
        '\\u2028\\u2029 \\ufeff \\ud83d\\ude00"}}::')


def test_keys_sort_by_utf16_code_units():
    keys = ["", "1", "B", "Z", "_", "a", "aa", "\u00e9", "\U0001F600", "\ue000", "\uffff"]
    values = {k: ord(k[0]) if k else 0 for k in reversed(keys)}
    assert _messages.outputs(values) == (
        '::{"outputs":{"":0,"1":49,"B":66,"Z":90,"_":95,"a":97,"aa":97,"\\u00e9":233,"\\ud83d\\ude00":128512,'
        '"\\ue000":57344,"\\uffff":65535}}::')


def test_a_lone_surrogate_is_refused_with_its_utf16_index():
    refused(lambda: _messages.outputs({"s": "ab\ud800"}), "VALUE",
            "outputs.s: lone surrogate U+D800 at index 2 is not Unicode text (Kestra would read '?')")
    # the emoji before it counts two UTF-16 units
    refused(lambda: _messages.outputs({"s": "\U0001F600\udc00"}), "VALUE",
            "outputs.s: lone surrogate U+DC00 at index 2 is not Unicode text (Kestra would read '?')")


def test_a_key_is_checked_like_a_value():
    refused(lambda: _messages.outputs({"k\ud800": 1}), "VALUE",
            'outputs["k\\ud800"]: lone surrogate U+D800 at index 1 is not Unicode text (Kestra would read \'?\')')


def test_strings_longer_than_20000000_utf16_units_are_refused():
    assert len(_messages.outputs({"s": "a" * 20_000_000})) == 20_000_000 + len('::{"outputs":{"s":""}}::')
    refused(lambda: _messages.outputs({"s": "a" * 20_000_001}), "VALUE",
            "outputs.s: string of 20000001 characters is longer than the 20000000 Kestra reads")
    # 10,000,001 emoji are 20,000,002 UTF-16 units
    refused(lambda: _messages.outputs({"s": "\U0001F600" * 10_000_001}), "VALUE",
            "outputs.s: string of 20000002 characters is longer than the 20000000 Kestra reads")


def test_a_str_subclass_is_written_as_its_text():
    class Name(str):
        def __str__(self):
            return "not this"

    assert _messages.outputs({"n": Name("orders")}) == '::{"outputs":{"n":"orders"}}::'
