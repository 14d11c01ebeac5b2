package kestra

import (
	"math"
	"strings"
	"testing"
)

// The encoder's fast path (fast.go) writes exactly what the full walk writes, and leaves to it every value it does
// not write itself (wire-format.md 7.6: the full walk names the first bad value).

func fullWalk(t *testing.T, v any) string {
	t.Helper()
	var w writer
	if err := w.value("outputs", v, 2); err != nil {
		t.Fatalf("the full walk refused %#v: %v", v, err)
	}
	return w.b.String()
}

func TestTheFastPathWritesWhatTheFullWalkWrites(t *testing.T) {
	nested := []any{1}
	for i := 0; i < 90; i++ {
		nested = []any{nested}
	}
	values := []any{
		nil, true, false, 0, -1, 42, math.MaxInt64, int64(math.MinInt64), "", "orders.csv", `quote " and \ backslash`,
		"tab\tnew\nline\x00\x1f\b\f\r", "del\x7f", "caf\u00e9 \u2028 \U0001F600 \ufffd", 0.0, math.Copysign(0, -1), 0.25,
		-1.5, 100.0, 1.0 / 3, 1e-6, 9.999999e-7, 1e-7, 5e-324, 1e15, 1e16, 123456789012345680.0, 9.999999999999999e20,
		1e21, 1e22, -2.5e-8, math.MaxFloat64, []any{}, []any(nil), map[string]any{}, map[string]any(nil),
		[]any{1, "a", nil}, map[string]any{"b": 1, "a": []any{true, map[string]any{"z": nil, "y": -0.5}}},
		map[string]any{"": 0, "a b": 1, "\x7f": 2, "A": 3, "_": 4, "a": 5},
		map[string]any{"\uffff": 1, "\U0001F600": 2, "\u00e9": 3, "z": 4}, map[string]string{"b": "x", "a": "\u00e9"},
		map[string]string(nil), nested,
	}
	for _, v := range values {
		fast, ok := appendValue(nil, v, 2)
		if !ok {
			t.Errorf("the fast path left %#v to the full walk", v)
			continue
		}
		if want := fullWalk(t, v); string(fast) != want {
			t.Errorf("%#v: fast %s, full walk %s", v, fast, want)
		}
	}
}

func TestValuesTheFastPathLeavesToTheFullWalk(t *testing.T) {
	deep := []any{1}
	for i := 0; i < 100; i++ {
		deep = []any{deep}
	}
	loop := map[string]any{}
	loop["self"] = loop
	long := strings.Repeat("a", maxUTF16Units/2+1)
	for _, v := range []any{math.NaN(), math.Inf(1), math.Inf(-1), "bad \xff", "\xed\xa0\x80", float32(0.1), int8(1),
		uint(1), []string{"a"}, map[string]int{"a": 1}, map[string]any{"bad \xff": 1}, map[string]string{"a": "\xff"},
		deep, loop, long, &[]any{}} {
		if _, ok := appendValue(nil, v, 2); ok {
			t.Errorf("the fast path wrote %T", v)
		}
	}
	if got := must(outputsLine(map[string]any{"a": deep})); got != `::{"outputs":{"a":`+strings.Repeat("[", 101)+"1"+strings.Repeat("]", 101)+`}}::` {
		t.Errorf("deep: %s", got)
	}
	_, err := outputsLine(loop)
	refused(t, err, ValueError, "outputs.self: cycle: this value contains itself (it is also at outputs)")
	_, err = outputsLine(map[string]any{"b": math.NaN(), "a": []any{1, "ok", "bad \xff"}})
	refused(t, err, ValueError, "outputs.a[2]: invalid UTF-8 at byte 4 is not Unicode text (Kestra would read '?')")
}

func TestMetricLinesOnTheFastPathAreThoseOfTheFullChecks(t *testing.T) {
	cases := []struct {
		typ   MetricType
		name  string
		value any
		tags  any
	}{
		{CounterType, "rows", 42, map[string]string{"file": "orders.csv"}},
		{CounterType, "rows", int64(0), nil},
		{CounterType, "rows", -3, map[string]string(nil)},
		{GaugeType, "queue", -2.5, map[string]any{"host": "w1", "n": 3, "ok": true, "r": 0.5, "i": int64(-1)}},
		{GaugeType, "big", 1e300, map[string]any{}},
		{TimerType, "load", 0.001, map[string]string{"stage": "load", "file": "orders.csv"}},
		{TimerType, "load", 0, nil},
		{TimerType, "load", math.Copysign(0, -1), nil},
		{TimerType, "load", math.MaxInt64, nil},
		{CounterType, "caf\u00e9", 1, map[string]string{"t": "\u00e9"}},
	}
	for _, c := range cases {
		fast, ok := fastMetricLine(c.typ, c.name, c.value, c.tags)
		if !ok {
			t.Errorf("%+v: left to the full checks", c)
			continue
		}
		tagText, err := tagsText(c.tags)
		if err != nil {
			t.Fatal(err)
		}
		valueText, err := metricValue(c.typ, c.value)
		if err != nil {
			t.Fatal(err)
		}
		if want := joinMetric(c.name, tagText, c.typ, valueText); fast != want {
			t.Errorf("%+v: fast %s, full checks %s", c, fast, want)
		}
	}
}

func TestMetricsTheFastPathLeavesToTheFullChecks(t *testing.T) {
	cases := []struct {
		typ   MetricType
		name  string
		value any
		tags  any
	}{
		{TimerType, "load", -1, nil}, {TimerType, "load", -0.5, nil}, {TimerType, "load", 1e19, nil},
		{TimerType, "load", int64(-1), nil}, {CounterType, "", 1, nil}, {CounterType, "bad \xff", 1, nil},
		{CounterType, "rows", true, nil}, {CounterType, "rows", 1, map[string]any{"t": nil}},
		{CounterType, "rows", 1, map[string]any{"t": []any{1}}}, {CounterType, "rows", math.NaN(), nil},
		{CounterType, "rows", uint8(1), nil}, {CounterType, "rows", 1, map[string]int{"a": 1}},
	}
	for _, c := range cases {
		if line, ok := fastMetricLine(c.typ, c.name, c.value, c.tags); ok {
			t.Errorf("%+v: the fast path wrote %s", c, line)
		}
	}
	_, err := metricLine(TimerType, "load", -1, map[string]string{"a": "b"})
	refused(t, err, ValueError, "value: a timer cannot be negative (-1 seconds)")
	if got := must(metricLine(CounterType, "rows", uint8(7), map[string]int{"a": 1})); got !=
		`::{"metrics":[{"name":"rows","tags":{"a":1},"type":"counter","value":7}]}::` {
		t.Errorf("the full checks wrote %s", got)
	}
}

func TestALongLineReturnsItsBufferToNoPool(t *testing.T) {
	long := strings.Repeat("a", pooledMax)
	line := must(outputsLine(map[string]any{"a": long}))
	if len(line) != pooledMax+len(`::{"outputs":{"a":""}}::`) {
		t.Fatalf("line of %d bytes", len(line))
	}
	p := getBuffer()
	if cap(*p) > pooledMax {
		t.Errorf("a buffer of %d bytes was kept", cap(*p))
	}
}
