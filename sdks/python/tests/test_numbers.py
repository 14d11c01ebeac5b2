"""Numbers (wire-format.md section 5): the tables of 5.4, 5.5 and 5.7, through outputs lines."""
import decimal

import pytest

from conftest import refused
from kestra import _messages


def value_text(v):
    line = _messages.outputs({"x": v})
    assert line.startswith('::{"outputs":{"x":') and line.endswith("}}::")
    return line[len('::{"outputs":{"x":'):-len("}}::")]


@pytest.mark.parametrize("value, text", [
    (1.0, "1.0"), (100.0, "100.0"), (0.1, "0.1"), (0.1 + 0.2, "0.30000000000000004"), (1 / 3, "0.3333333333333333"),
    (3.65, "3.65"), (123.456, "123.456"), (-1.5, "-1.5"), (1e-6, "0.000001"), (1.5e-6, "0.0000015"),
    (1.234e-6, "0.000001234"), (1e-7, "1e-7"), (-1e-7, "-1e-7"), (1e16, "10000000000000000.0"),
    (9007199254740992.0, "9007199254740992.0"), (9007199254740994.0, "9007199254740994.0"),
    (1e20, "100000000000000000000.0"), (123456789012345680000.0, "123456789012345680000.0"), (1e21, "1e+21"),
    (1.5e21, "1.5e+21"), (1e23, "1e+23"), (1.7976931348623157e308, "1.7976931348623157e+308"),
    (2.2250738585072014e-308, "2.2250738585072014e-308"), (9.5e-322, "9.5e-322"), (5e-324, "5e-324"),
    (0.0, "0.0"), (-0.0, "-0.0"),
])
def test_floats_are_shortest_digits_in_ecmascript_layout(value, text):
    assert value_text(value) == text


@pytest.mark.parametrize("value, message", [
    (float("nan"), "outputs.x: NaN is not valid JSON"),
    (float("inf"), "outputs.x: Infinity is not valid JSON"),
    (float("-inf"), "outputs.x: -Infinity is not valid JSON"),
])
def test_non_finite_floats_are_refused(value, message):
    refused(lambda: _messages.outputs({"x": value}), "VALUE", message)


def test_integers_are_exact_and_have_no_negative_zero():
    assert _messages.outputs({"ints": [0, -7, 9223372036854775807, 18446744073709551616, -0]}) == \
        '::{"outputs":{"ints":[0,-7,9223372036854775807,18446744073709551616,0]}}::'


def test_an_integer_of_1000_digits_is_written_and_1001_refused():
    assert value_text(10 ** 1000 - 1) == "9" * 1000
    refused(lambda: _messages.outputs({"a": 10 ** 1000}), "VALUE",
            "outputs.a: number written with 1001 digits is longer than the 1000 digits Kestra reads")
    refused(lambda: _messages.outputs({"a": -10 ** 1000}), "VALUE",
            "outputs.a: number written with 1001 digits is longer than the 1000 digits Kestra reads")


def test_a_huge_integer_is_refused_without_converting_it_to_text():
    # CPython refuses to convert ints of more than 4300 digits to text; the count does not need it
    refused(lambda: _messages.outputs({"a": 10 ** 5000}), "VALUE",
            "outputs.a: number written with 5001 digits is longer than the 1000 digits Kestra reads")


def test_booleans_are_not_numbers():
    assert _messages.outputs({"t": True, "f": False}) == '::{"outputs":{"f":false,"t":true}}::'


@pytest.mark.parametrize("text, written", [
    ("1.50", "1.5"), ("100", "100.0"), ("1E+2", "100.0"), ("0.000001", "0.000001"), ("0.0000001", "1e-7"),
    ("-0.00", "0.0"), ("0E+5", "0.0"), ("0.1000000000000000055511151231257827", "0.1000000000000000055511151231257827"),
    ("12345678901234567890.123", "12345678901234567890.123"),
    ("1234567890123456789012345", "1.234567890123456789012345e+24"), ("4e-324", "4e-324"), ("-2.5", "-2.5"),
])
def test_decimals_keep_their_own_digits(text, written):
    assert value_text(decimal.Decimal(text)) == written


@pytest.mark.parametrize("text, message", [
    ("NaN", "outputs.x: Decimal('NaN') is not valid JSON"),
    ("sNaN", "outputs.x: Decimal('sNaN') is not valid JSON"),
    ("-Infinity", "outputs.x: Decimal('-Infinity') is not valid JSON"),
    ("1E+400", "outputs.x: decimal 1E+400 is beyond the range of a 64-bit float; Kestra would read Infinity"),
    ("1.7976931348623159E+308",
     "outputs.x: decimal 1.7976931348623159E+308 is beyond the range of a 64-bit float; Kestra would read Infinity"),
    ("1E-400", "outputs.x: decimal 1E-400 is too small for a 64-bit float; Kestra would read 0"),
    ("2E-324", "outputs.x: decimal 2E-324 is too small for a 64-bit float; Kestra would read 0"),
])
def test_decimals_kestra_cannot_read_are_refused(text, message):
    refused(lambda: _messages.outputs({"x": decimal.Decimal(text)}), "VALUE", message)


def test_decimal_digit_limits():
    d = decimal.Decimal
    assert value_text(d("1." + "9" * 999)) == "1." + "9" * 999
    assert value_text(d("0.0" + "9" * 998)) == "0.0" + "9" * 998
    long_text = "outputs.x: number written with 1001 digits is longer than the 1000 digits Kestra reads"
    refused(lambda: _messages.outputs({"x": d("0.0" + "9" * 999)}), "VALUE", long_text)
    refused(lambda: _messages.outputs({"x": d("0." + "9" * 1000)}), "VALUE", long_text)
    assert value_text(d("9." + "9" * 997 + "E+99")) == "9." + "9" * 997 + "e+99"
    refused(lambda: _messages.outputs({"x": d("9." + "9" * 998 + "E+99")}), "VALUE", long_text)
    refused(lambda: _messages.outputs({"x": d("1" * 1001)}), "VALUE",
            "outputs.x: decimal of 1001 digits is longer than the 1000 digits Kestra reads")
