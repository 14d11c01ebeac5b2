package kestra

import (
	"bytes"
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"time"
)

// capture runs body with the package's Emitter writing into buffers.
func capture(t *testing.T, body func()) (string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	previous := SetDefault(NewEmitter(&out, &errOut))
	defer SetDefault(previous)
	body()
	return out.String(), errOut.String()
}

func refused(t *testing.T, err error, kind Kind, message string) {
	t.Helper()
	var w *WireError
	if !errors.As(err, &w) {
		t.Fatalf("expected a %s error %q, got %v", kind, message, err)
	}
	if w.Kind != kind || w.Error() != message {
		t.Fatalf("expected %s %q, got %s %q", kind, message, w.Kind, w.Error())
	}
}

// must is the line of a call that must succeed (a panic fails the test).
func must(text string, err error) string {
	if err != nil {
		panic("unexpected error " + err.Error())
	}
	return text
}

func TestTheWorkedExampleOfAppendixA(t *testing.T) {
	out, errOut := capture(t, func() {
		_ = Outputs(map[string]any{"file": "orders.csv", "rows": 42, "ratio": 0.25,
			"loaded_at": time.Date(2024, 1, 31, 9, 5, 7, 250000000, time.UTC), "regions": []string{"eu", "us"},
			"R\u00e9sum\u00e9": "ok \u2028 done"})
		_ = Counter("rows", 42, map[string]string{"file": "orders.csv"})
		_ = Timer("load", 2.12, nil)
		_ = Gauge("queue_depth", 1.5, map[string]any{"env": "prod"})
		_ = (&KestraLogger{}).Info("loaded 42 rows")
		_ = Log(INFO, "done")
		_ = Assets(map[string]any{"inputs": []any{map[string]any{"id": "raw_orders", "type": "TABLE"}},
			"outputs": []any{map[string]any{"id": "orders", "type": "TABLE", "metadata": map[string]any{"rows": 42}}}})
		refused(t, Outputs(map[string]any{"rows": 43, "ratio": math.NaN()}), ValueError, "outputs.ratio: NaN is not valid JSON")
		_ = Outputs(map[string]int{"rows": 43})
	})
	want := `::{"outputs":{"R\u00e9sum\u00e9":"ok \u2028 done","file":"orders.csv","loaded_at":"2024-01-31T09:05:07.25Z","ratio":0.25,"regions":["eu","us"],"rows":42}}::
::{"metrics":[{"name":"rows","tags":{"file":"orders.csv"},"type":"counter","value":42}]}::
::{"metrics":[{"name":"load","tags":{},"type":"timer","value":2.12}]}::
::{"metrics":[{"name":"queue_depth","tags":{"env":"prod"},"type":"gauge","value":1.5}]}::
::{"logs":[{"level":"INFO","message":"loaded 42 rows"}]}::
::{"logs":[{"level":"INFO","message":"done"}]}::
::{"assets":{"inputs":[{"id":"raw_orders","type":"TABLE"}],"outputs":[{"id":"orders","metadata":{"rows":42},"type":"TABLE"}]}}::
::{"outputs":{"rows":43}}::
`
	if out != want || errOut != "" {
		t.Fatalf("got\n%s\nstderr %q", out, errOut)
	}
}

func TestFloatsOfSection5(t *testing.T) {
	tenth := 0.1 // a variable: Go adds constants exactly, and 0.1 + 0.2 would be 0.3
	cases := []struct {
		v    any
		text string
	}{
		{1.0, "1.0"}, {100.0, "100.0"}, {0.1, "0.1"}, {tenth + 0.2, "0.30000000000000004"}, {1.0 / 3, "0.3333333333333333"},
		{3.65, "3.65"}, {-1.5, "-1.5"}, {1e-6, "0.000001"}, {1.5e-6, "0.0000015"}, {1e-7, "1e-7"}, {-1e-7, "-1e-7"},
		{1e16, "10000000000000000.0"}, {9007199254740992.0, "9007199254740992.0"}, {1e20, "100000000000000000000.0"},
		{1e21, "1e+21"}, {1.5e21, "1.5e+21"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
		{2.2250738585072014e-308, "2.2250738585072014e-308"}, {5e-324, "5e-324"}, {0.0, "0.0"}, {math.Copysign(0, -1), "-0.0"},
		{float32(0.1), "0.1"}, {float32(1e10), "10000000000.0"}, {float32(16777216), "16777216.0"},
		{float32(3.4028235e38), "3.4028235e+38"}, {float32(1.4e-45), "1e-45"},
	}
	for _, c := range cases {
		got := must(outputsLine(map[string]any{"x": c.v}))
		if want := `::{"outputs":{"x":` + c.text + `}}::`; got != want {
			t.Errorf("%v: got %s, want %s", c.v, got, want)
		}
	}
	refused(t, Outputs(map[string]any{"x": math.Inf(1)}), ValueError, "outputs.x: Infinity is not valid JSON")
	refused(t, Outputs(map[string]any{"x": float32(math.Inf(-1))}), ValueError, "outputs.x: -Infinity is not valid JSON")
}

func TestIntegersOfEveryTypeAreExact(t *testing.T) {
	big70, _ := new(big.Int).SetString("1180591620717411303424", 10)
	got := must(outputsLine(map[string]any{"i": []any{int8(-8), uint8(255), int64(math.MaxInt64), uint64(math.MaxUint64), big70}}))
	if want := `::{"outputs":{"i":[-8,255,9223372036854775807,18446744073709551615,1180591620717411303424]}}::`; got != want {
		t.Fatal(got)
	}
	nines := new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(1000), nil), big.NewInt(1))
	if got := must(outputsLine(map[string]any{"n": nines})); got != `::{"outputs":{"n":`+strings.Repeat("9", 1000)+`}}::` {
		t.Fatal("1000 nines")
	}
	refused(t, Outputs(map[string]any{"n": new(big.Int).Neg(new(big.Int).Add(nines, big.NewInt(1)))}), ValueError,
		"outputs.n: number written with 1001 digits is longer than the 1000 digits Kestra reads")
}

func TestStringsAndKeys(t *testing.T) {
	v := "q\" b\\ s/ \b\f\n\r\t \u0000\u0001\u001f \u007f \u0080 \u0085 \u00e9 \u20ac \u2028\u2029 \ufeff \U0001F600"
	want := `::{"outputs":{"v":"q\" b\\ s/ \b\f\n\r\t \u0000\u0001\u001f \u007f \u0080 \u0085 \u00e9 \u20ac \u2028\u2029 \ufeff \ud83d\ude00"}}::`
	if got := must(outputsLine(map[string]any{"v": v})); got != want {
		t.Fatal(got)
	}
	keys := map[string]any{"": 0, "1": 49, "B": 66, "Z": 90, "_": 95, "a": 97, "aa": 97, "\u00e9": 233, "\U0001F600": 128512,
		"\ue000": 57344, "\uffff": 65535}
	want = `::{"outputs":{"":0,"1":49,"B":66,"Z":90,"_":95,"a":97,"aa":97,"\u00e9":233,"\ud83d\ude00":128512,"\ue000":57344,"\uffff":65535}}::`
	if got := must(outputsLine(keys)); got != want {
		t.Fatal(got)
	}
	refused(t, Outputs(map[string]any{"s": "ab\xed\xa0\x80"}), ValueError,
		"outputs.s: lone surrogate U+D800 at byte 2 is not Unicode text (Kestra would read '?')")
	refused(t, Outputs(map[string]any{"k\xed\xb0\x80": 1}), ValueError,
		`outputs["k\udc00"]: lone surrogate U+DC00 at byte 1 is not Unicode text (Kestra would read '?')`)
	refused(t, Outputs(map[string]any{"s": "a\xffb"}), ValueError,
		"outputs.s: invalid UTF-8 at byte 1 is not Unicode text (Kestra would read '?')")
	refused(t, Outputs(map[string]any{"s": strings.Repeat("a", 20000001)}), ValueError,
		"outputs.s: string of 20000001 characters is longer than the 20000000 Kestra reads")
	refused(t, Outputs(map[string]any{"s": strings.Repeat("\U0001F600", 10000001)}), ValueError,
		"outputs.s: string of 20000002 characters is longer than the 20000000 Kestra reads")
}

type point struct{ X, Y int }

func TestValuesPathsAndOrder(t *testing.T) {
	shared := []any{1}
	got := must(outputsLine(map[string]any{"a": shared, "b": shared, "arr": [2]string{"x", "y"}, "p": &shared, "nil": nil,
		"m": map[string]float64{"z": 1, "y": 2}}))
	if want := `::{"outputs":{"a":[1],"arr":["x","y"],"b":[1],"m":{"y":2.0,"z":1.0},"nil":null,"p":[1]}}::`; got != want {
		t.Fatal(got)
	}
	refused(t, Outputs(map[string]any{"rows": []any{0, 1, 2, map[string]any{"ratio": math.NaN()}}}), ValueError,
		"outputs.rows[3].ratio: NaN is not valid JSON")
	refused(t, Outputs(map[string]any{"key with space": math.NaN()}), ValueError, `outputs["key with space"]: NaN is not valid JSON`)
	refused(t, Outputs(map[string]any{"caf\u00e9": []any{map[string]any{"a-b_c1": math.NaN()}}}), ValueError,
		`outputs["caf\u00e9"][0].a-b_c1: NaN is not valid JSON`)
	refused(t, Outputs(map[string]any{"b": point{}, "a": math.NaN()}), ValueError, "outputs.a: NaN is not valid JSON")
	refused(t, Outputs(map[string]any{"p": point{1, 2}}), TypeError,
		"outputs.p: unsupported type kestra.point (supported: nil, bool, integers, floats, *big.Int, string, slices, arrays, maps with string keys, time.Time)")
	refused(t, Outputs(map[string]any{"m": map[int]string{1: "x"}}), TypeError, "outputs.m: map key 1 is a int, not a string")
	refused(t, Outputs(map[string]any{"d": time.Second}), TypeError,
		"outputs.d: time.Duration is not an output value; use a number of seconds or a string (a timer takes a time.Duration)")
	refused(t, Outputs(nil), TypeError, "outputs: outputs must be a map, not nil")
	refused(t, Outputs([]int{1}), TypeError, "outputs: outputs must be a map, not []int")
	cycle := map[string]any{}
	cycle["self"] = cycle
	refused(t, Outputs(map[string]any{"a": cycle}), ValueError, "outputs.a.self: cycle: this value contains itself (it is also at outputs.a)")
	var nest any = []any{}
	for i := 0; i < 997; i++ {
		nest = []any{nest}
	}
	if got := must(outputsLine(map[string]any{"a": nest})); got != `::{"outputs":{"a":`+strings.Repeat("[", 998)+strings.Repeat("]", 998)+`}}::` {
		t.Fatal("998 lists")
	}
	refused(t, Outputs(map[string]any{"a": []any{nest}}), ValueError,
		"outputs.a"+strings.Repeat("[0]", 998)+": nested deeper than 1000 levels, the most Kestra's JSON reader accepts")
}

func TestTimes(t *testing.T) {
	cases := map[string]time.Time{
		"2024-01-31T09:05:00Z":           time.Date(2024, 1, 31, 9, 5, 0, 0, time.UTC),
		"2024-01-31T09:05:07.1234Z":      time.Date(2024, 1, 31, 9, 5, 7, 123400000, time.UTC),
		"2024-01-31T09:05:07.000000001Z": time.Date(2024, 1, 31, 9, 5, 7, 1, time.UTC),
		"2024-01-31T09:05:00.5+05:30":    time.Date(2024, 1, 31, 9, 5, 0, 500000000, time.FixedZone("", 5*3600+1800)),
		"2024-01-31T09:05:00-08:00":      time.Date(2024, 1, 31, 9, 5, 0, 0, time.FixedZone("", -8*3600)),
		"2024-01-31T09:05:00+01:02:03":   time.Date(2024, 1, 31, 9, 5, 0, 0, time.FixedZone("", 3723)),
		"0000-01-01T00:00:00Z":           time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	for text, v := range cases {
		if got := must(outputsLine(map[string]any{"t": v})); got != `::{"outputs":{"t":"`+text+`"}}::` {
			t.Errorf("got %s, want %s", got, text)
		}
	}
	refused(t, Outputs(map[string]any{"t": time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}), ValueError,
		"outputs.t: year 10000 is outside 0000-9999, which ISO-8601 text here covers")
	refused(t, Outputs(map[string]any{"t": time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)}), ValueError,
		"outputs.t: year -1 is outside 0000-9999, which ISO-8601 text here covers")
}

func TestMetrics(t *testing.T) {
	got := must(metricLine(CounterType, "rows", 1, map[string]any{"flag": true, "n": 7, "ratio": 100.0, "state": "NEW"}))
	if want := `::{"metrics":[{"name":"rows","tags":{"flag":true,"n":7,"ratio":100.0,"state":"NEW"},"type":"counter","value":1}]}::`; got != want {
		t.Fatal(got)
	}
	timers := map[string]any{"1.5": 1500 * time.Millisecond, "90.0": 90 * time.Second, "1e-9": time.Nanosecond,
		"0.123456789": 123456789 * time.Nanosecond, "0.0": time.Duration(0), "946080000.0": 30 * 365 * 24 * time.Hour,
		"-0.0": math.Copysign(0, -1), "9223372036854775807": int64(math.MaxInt64)}
	for text, v := range timers {
		if got := must(metricLine(TimerType, "load", v, nil)); got != `::{"metrics":[{"name":"load","tags":{},"type":"timer","value":`+text+`}]}::` {
			t.Errorf("%v: %s", v, got)
		}
	}
	beyond := new(big.Int).Lsh(big.NewInt(1), 1024)
	for _, c := range []struct {
		typ     MetricType
		name    string
		value   any
		tags    any
		kind    Kind
		message string
	}{
		{"", "c", 1, nil, TypeError, "type: metric type is required (counter, gauge or timer)"},
		{"histogram", "c", 1, nil, ValueError, `type: metric type must be counter, gauge or timer, not "histogram"`},
		{CounterType, "", 1, nil, ValueError, "name: metric name must not be empty"},
		{CounterType, "c", nil, nil, TypeError, "value: a metric value is required, not nil"},
		{CounterType, "c", "12", nil, TypeError, "value: a metric value must be a number, not string"},
		{GaugeType, "c", time.Second, nil, TypeError, "value: a time.Duration is only a timer's value; a gauge takes a number"},
		{GaugeType, "c", math.Inf(-1), nil, ValueError, "value: -Infinity is not valid JSON"},
		{CounterType, "c", beyond, nil, ValueError, "value: integer 179769313486... is beyond the range of a 64-bit float; Kestra holds metric values as doubles and would record Infinity"},
		{TimerType, "t", -1, nil, ValueError, "value: a timer cannot be negative (-1 seconds)"},
		{TimerType, "t", -1.5, nil, ValueError, "value: a timer cannot be negative (-1.5 seconds)"},
		{TimerType, "t", -time.Second, nil, ValueError, "value: a timer cannot be negative (-1s)"},
		{TimerType, "t", uint64(math.MaxInt64) + 1, nil, ValueError, "value: a timer of 9223372036854775808 seconds does not fit the Duration Kestra stores (at most 9223372036854775807 seconds)"},
		{TimerType, "t", 1e19, nil, ValueError, "value: a timer of 10000000000000000000.0 seconds does not fit the Duration Kestra stores (at most 9223372036854775807 seconds)"},
		{CounterType, "c", 1, map[string]any{"env": nil}, TypeError, "tags.env: a tag value must be a string, number or boolean, not nil"},
		{CounterType, "c", 1, map[string]any{"env": []int{1}}, TypeError, "tags.env: a tag value must be a string, number or boolean, not []int (tags are flat)"},
		{CounterType, "c", 1, map[string]any{"my tag": time.Now().Location()}, TypeError, `tags["my tag"]: a tag value must be a string, number or boolean, not *time.Location`},
		{CounterType, "c", 1, map[int]string{1: "a"}, TypeError, "tags: map key 1 is a int, not a string"},
		{CounterType, "c", 1, []string{"a"}, TypeError, "tags: tags must be a map, not []string"},
	} {
		_, err := metricLine(c.typ, c.name, c.value, c.tags)
		refused(t, err, c.kind, c.message)
	}
}

func TestTimerFuncMeasuresAndChecksFirst(t *testing.T) {
	out, _ := capture(t, func() {
		boom := errors.New("boom")
		if err := TimerFunc("sleep", func() error { time.Sleep(20 * time.Millisecond); return boom }, map[string]string{"s": "a"}); err != boom {
			t.Errorf("got %v", err)
		}
		ran := false
		refused(t, TimerFunc("", func() error { ran = true; return nil }, nil), ValueError, "name: metric name must not be empty")
		if ran {
			t.Error("the body ran")
		}
	})
	prefix := `::{"metrics":[{"name":"sleep","tags":{"s":"a"},"type":"timer","value":`
	if !strings.HasPrefix(out, prefix) || !strings.HasSuffix(out, "}]}::\n") || strings.Count(out, "\n") != 1 {
		t.Fatal(out)
	}
	// time.Sleep waits at least its duration on the monotonic clock TimerFunc reads
	if v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(out, prefix), "}]}::\n"), 64); err != nil || v < 0.02 || v > 60 {
		t.Fatal(out)
	}
}

func TestLogsAndTheLogger(t *testing.T) {
	out, errOut := capture(t, func() {
		logger := (&Kestra{Logger: &KestraLogger{}}).Logger
		_ = logger.Trace("t")
		_ = logger.Warn("w")
		_ = logger.Error("e")
		_ = Log(INFO, "hi", "there")
		refused(t, Log(INFO), ValueError, "messages: at least one message is required")
		refused(t, Default().LogMessages(INFO, nil), TypeError, "messages: at least one message is required")
		refused(t, Log(""), TypeError, "level: log level is required (TRACE, DEBUG, INFO, WARN or ERROR)")
		refused(t, Log("warn", "x"), ValueError, `level: log level must be TRACE, DEBUG, INFO, WARN or ERROR, not "warn"`)
		refused(t, Log(INFO, "a", "\xed\xbf\xbf"), ValueError, "messages[1]: lone surrogate U+DFFF at byte 0 is not Unicode text (Kestra would read '?')")
		_ = Default().LogMessages(WARN, []*string{nil})
	})
	if want := "::{\"logs\":[{\"level\":\"TRACE\",\"message\":\"t\"}]}::\n::{\"logs\":[{\"level\":\"INFO\",\"message\":\"hi\"},{\"level\":\"INFO\",\"message\":\"there\"}]}::\n"; out != want {
		t.Fatal(out)
	}
	if want := "::{\"logs\":[{\"level\":\"WARN\",\"message\":\"w\"}]}::\n::{\"logs\":[{\"level\":\"ERROR\",\"message\":\"e\"}]}::\n::{\"logs\":[{\"level\":\"WARN\",\"message\":\"null\"}]}::\n"; errOut != want {
		t.Fatal(errOut)
	}
}

func TestMetricsOfKestrasGoLibraryWriteOneLineEachOrNothing(t *testing.T) {
	out, _ := capture(t, func() {
		if err := Metrics([]KestraMetric{NewCounter("c", 1, nil), NewTimer("t", 1500*time.Millisecond, map[string]string{"a": "b"}),
			NewGauge("g", 2.5, nil)}); err != nil {
			t.Fatal(err)
		}
		refused(t, Metrics([]KestraMetric{NewCounter("ok", 1, nil), NewGauge("g", math.NaN(), nil)}), ValueError,
			"value: NaN is not valid JSON (metrics[1])")
	})
	want := `::{"metrics":[{"name":"c","tags":{},"type":"counter","value":1}]}::
::{"metrics":[{"name":"t","tags":{"a":"b"},"type":"timer","value":1.5}]}::
::{"metrics":[{"name":"g","tags":{},"type":"gauge","value":2.5}]}::
`
	if out != want {
		t.Fatal(out)
	}
}

func TestAssets(t *testing.T) {
	got := must(assetsLine(map[string]any{"inputs": []any{map[string]any{"id": "raw", "type": "TABLE"}},
		"outputs": []map[string]any{{"type": "T", "created": time.Unix(0, 0).UTC(), "updated": "2024-01-31T10:05+01:00"}}}))
	if want := `::{"assets":{"inputs":[{"id":"raw","type":"TABLE"}],"outputs":[{"created":"1970-01-01T00:00:00Z","type":"T","updated":"2024-01-31T10:05+01:00"}]}}::`; got != want {
		t.Fatal(got)
	}
	needsType := "an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one"
	for _, c := range []struct {
		v       any
		kind    Kind
		message string
	}{
		{nil, TypeError, "assets: assets must be a map, not nil"},
		{map[string]any{"id": "x"}, ValueError, `assets: key id is not read by Kestra; an assets payload has "inputs" and "outputs" lists`},
		{map[string]any{"inputs": map[string]any{}}, TypeError, "assets.inputs: must be a list of asset maps, not map[string]interface {}"},
		{map[string]any{"outputs": []any{nil}}, TypeError, "assets.outputs[0]: an asset must be a map, not nil"},
		{map[string]any{"outputs": []any{map[string]any{"type": "T", "created": "yesterday"}}}, ValueError, `assets.outputs[0].created: must be an instant (a time.Time, or ISO-8601 text with an offset), not "yesterday"`},
		{map[string]any{"outputs": []any{map[string]any{"type": "T", "deleted": "no"}}}, TypeError, "assets.outputs[0].deleted: must be a boolean, not string"},
		{map[string]any{"inputs": []any{map[string]any{"id": 5}}}, TypeError, "assets.inputs[0].id: must be a string, not int"},
		{map[string]any{"outputs": []any{map[string]any{"type": "T", "metadata": []int{}}}}, TypeError, "assets.outputs[0].metadata: must be a map, not []int"},
		{map[string]any{"outputs": []any{map[string]any{"id": "t"}}}, ValueError, "assets.outputs[0].type: " + needsType},
		{map[string]any{"inputs": []any{map[string]any{"x": math.NaN()}}}, ValueError, "assets.inputs[0].x: NaN is not valid JSON"},
	} {
		_, err := assetsLine(c.v)
		refused(t, err, c.kind, c.message)
	}
}

func TestALineLongerThan16KiBWarnsOnce(t *testing.T) {
	var out, warn bytes.Buffer
	e := &Emitter{Out: &out, Warn: &warn}
	_ = e.Outputs(map[string]any{"s": strings.Repeat("x", 16384-len(`::{"outputs":{"s":""}}::`))})
	if warn.Len() != 0 {
		t.Fatal("warned at 16384 bytes")
	}
	_ = e.Outputs(map[string]any{"s": strings.Repeat("x", 16400)})
	_ = e.Outputs(map[string]any{"s": strings.Repeat("x", 16400)})
	if want := "kestra-sdk: warning: a protocol line of 16424 bytes was written; Docker's log driver splits lines longer than 16 KiB and a split line is lost to Kestra (see docs/wire-format.md, 'Line length'): prefer output files for large data\n"; warn.String() != want {
		t.Fatal(warn.String())
	}
}
