// Package kestra writes Kestra's script protocol lines in the canonical wire format 1.0 (docs/wire-format.md of
// kestra-sdk): one line per call, keys sorted, ASCII only, floats that stay floats; a value Kestra would lose or
// misread is refused with a *WireError naming its path ("outputs.rows[3].ratio: NaN is not valid JSON"), and nothing
// is written for that call.
//
// It has the verbs of Kestra's own Go library (Outputs, Metrics with NewCounter, NewTimer, NewGauge, and the logger's
// Trace to Error), which here also return the error, and what this project's Java SDK offers: Counter, Gauge, Timer,
// TimerFunc, Assets, Log, and an Emitter to write elsewhere.
package kestra

import (
	"sync"
)

// WireFormatVersion is the version of the wire format this package writes.
const WireFormatVersion = "1.0"

var (
	defaultMu      sync.RWMutex
	defaultEmitter = &Emitter{}
)

// Default is the Emitter the package-level functions use (standard output and standard error).
func Default() *Emitter {
	defaultMu.RLock()
	defer defaultMu.RUnlock()
	return defaultEmitter
}

// SetDefault replaces the Emitter the package-level functions use and returns the previous one.
func SetDefault(e *Emitter) *Emitter {
	defaultMu.Lock()
	defer defaultMu.Unlock()
	previous := defaultEmitter
	defaultEmitter = e
	return previous
}

// Outputs writes ::{"outputs":{...}}::.
func Outputs(outputs any) error { return Default().Outputs(outputs) }

// Assets writes ::{"assets":{...}}::.
func Assets(assets any) error { return Default().Assets(assets) }

// Counter writes a counter metric; tags may be nil.
func Counter(name string, value any, tags any) error {
	return Default().Metric(CounterType, name, value, tags)
}

// Gauge writes a gauge metric; tags may be nil.
func Gauge(name string, value any, tags any) error {
	return Default().Metric(GaugeType, name, value, tags)
}

// Timer writes a timer metric of value: seconds as a number, or a time.Duration.
func Timer(name string, value any, tags any) error {
	return Default().Metric(TimerType, name, value, tags)
}

// TimerFunc runs body and writes how long it took (see Emitter.TimerFunc).
func TimerFunc(name string, body func() error, tags any) error {
	return Default().TimerFunc(name, body, tags)
}

// Log writes one logs line with an entry per message.
func Log(level Level, messages ...string) error { return Default().Log(level, messages...) }

// --- Kestra's Go library (kestra-io/libs, go/kestra), with the same names

// Kestra holds a Logger, as in Kestra's Go library.
type Kestra struct {
	Logger *KestraLogger
}

// KestraLogger writes logs lines; WARN and ERROR go to standard error.
type KestraLogger struct{}

// Trace writes a TRACE log line.
func (k *KestraLogger) Trace(message string) error { return Log(TRACE, message) }

// Debug writes a DEBUG log line.
func (k *KestraLogger) Debug(message string) error { return Log(DEBUG, message) }

// Info writes an INFO log line.
func (k *KestraLogger) Info(message string) error { return Log(INFO, message) }

// Warn writes a WARN log line (standard error).
func (k *KestraLogger) Warn(message string) error { return Log(WARN, message) }

// Error writes an ERROR log line (standard error).
func (k *KestraLogger) Error(message string) error { return Log(ERROR, message) }

// KestraMetric is one metric for Metrics.
type KestraMetric struct {
	Type  string
	Name  string
	Value any
	Tags  map[string]string
}

// NewCounter returns a counter for Metrics.
func NewCounter(name string, value any, tags map[string]string) KestraMetric {
	return KestraMetric{Type: "counter", Name: name, Value: value, Tags: tags}
}

// NewTimer returns a timer for Metrics: value is a time.Duration or a number of seconds.
func NewTimer(name string, value any, tags map[string]string) KestraMetric {
	return KestraMetric{Type: "timer", Name: name, Value: value, Tags: tags}
}

// NewGauge returns a gauge for Metrics.
func NewGauge(name string, value any, tags map[string]string) KestraMetric {
	return KestraMetric{Type: "gauge", Name: name, Value: value, Tags: tags}
}

// Metrics writes each metric on its own line (a line carries one metric, wire-format.md 3.2). Every metric is
// checked first: if one is refused, nothing is written and the error says which ("value: NaN is not valid JSON
// (metrics[1])").
func Metrics(metrics []KestraMetric) error {
	lines := make([]string, len(metrics))
	for i, m := range metrics {
		var tags any
		if m.Tags != nil {
			tags = m.Tags
		}
		line, err := metricLine(MetricType(m.Type), m.Name, m.Value, tags)
		if err != nil {
			werr := err.(*WireError)
			return &WireError{Kind: werr.Kind, Path: werr.Path, Problem: werr.Problem + " (metrics[" + itoa(i) + "])"}
		}
		lines[i] = line
	}
	e := Default()
	for _, line := range lines {
		if err := e.write(line, false); err != nil {
			return err
		}
	}
	return nil
}
