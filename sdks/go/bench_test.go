package kestra

import (
	"encoding/json"
	"fmt"
	"io"
	"testing"
)

// The payload mix of the `sdks` benchmark section (benchmarks/sdks), each call on its own, written to io.Discard so
// that the encoding is measured without the write: go test -run '^$' -bench . -benchmem
//
// The *JSON benchmarks encode the same payloads as Kestra's Go library does (encoding/json, printed with
// fmt.Fprintf), the peer these calls are compared with.

func mixOutputs(i int) map[string]any {
	return map[string]any{"rows": i, "ratio": float64(i) / 8, "file": "orders.csv", "ok": true,
		"parts": []any{"a", "b"}, "missing": nil}
}

func discard() *Emitter { return NewEmitter(io.Discard, io.Discard) }

func BenchmarkOutputs(b *testing.B) {
	e := discard()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := e.Outputs(mixOutputs(i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCounter(b *testing.B) {
	e := discard()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := e.Metric(CounterType, "rows", i, map[string]string{"file": "orders.csv"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTimer(b *testing.B) {
	e := discard()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := e.Metric(TimerType, "load", float64(i)/1000, map[string]string{"file": "orders.csv", "stage": "load"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGauge(b *testing.B) {
	e := discard()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := e.Metric(GaugeType, "queue", i%17, map[string]string{"host": "worker-1"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLog(b *testing.B) {
	e := discard()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := e.Log(INFO, "loaded orders.csv"); err != nil {
			b.Fatal(err)
		}
	}
}

type jsonMetric struct {
	Type  string            `json:"type"`
	Name  string            `json:"name"`
	Value any               `json:"value"`
	Tags  map[string]string `json:"tags,omitempty"`
}

type jsonLog struct {
	Level   string `json:"level"`
	Message string `json:"message"`
}

func printJSON(b *testing.B, v any) {
	out, err := json.Marshal(v)
	if err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(io.Discard, "::%s::\n", out)
}

func BenchmarkOutputsJSON(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		printJSON(b, map[string]any{"outputs": mixOutputs(i)})
	}
}

func BenchmarkCounterJSON(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		printJSON(b, map[string]any{"metrics": []jsonMetric{{"counter", "rows", i, map[string]string{"file": "orders.csv"}}}})
	}
}

func BenchmarkTimerJSON(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		printJSON(b, map[string]any{"metrics": []jsonMetric{{"timer", "load", float64(i) / 1000,
			map[string]string{"file": "orders.csv", "stage": "load"}}}})
	}
}

func BenchmarkGaugeJSON(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		printJSON(b, map[string]any{"metrics": []jsonMetric{{"gauge", "queue", float64(i % 17), map[string]string{"host": "worker-1"}}}})
	}
}

func BenchmarkLogJSON(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		printJSON(b, map[string]any{"logs": []jsonLog{{"INFO", "loaded orders.csv"}}})
	}
}
