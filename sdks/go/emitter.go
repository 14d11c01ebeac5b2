package kestra

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// LargeLineBytes is the line length above which an Emitter warns once (Docker splits longer lines).
const LargeLineBytes = 16 * 1024

// Emitter encodes each call into one canonical line and writes it with its LF in one Write under a lock
// (wire-format.md 2.2): outputs, metrics, assets and TRACE to INFO logs to Out, WARN and ERROR logs to Err. A call
// that returns an error has written nothing.
type Emitter struct {
	Out, Err io.Writer // nil: os.Stdout and os.Stderr as they are when each line is written
	Warn     io.Writer // where the once-per-emitter large-line warning goes; nil: os.Stderr

	mu     sync.Mutex
	warned bool
}

// NewEmitter returns an Emitter writing to out and err.
func NewEmitter(out, err io.Writer) *Emitter {
	return &Emitter{Out: out, Err: err}
}

func (e *Emitter) write(line string, toErr bool) error {
	w := e.Out
	if toErr {
		w = e.Err
	}
	if w == nil {
		w = os.Stdout
		if toErr {
			w = os.Stderr
		}
	}
	p := getBuffer()
	b := append(append((*p)[:0], line...), '\n')
	e.mu.Lock()
	defer e.mu.Unlock()
	_, err := w.Write(b)
	putBuffer(p, b)
	if err != nil {
		return err
	}
	if len(line) > LargeLineBytes && !e.warned {
		e.warned = true
		warn := e.Warn
		if warn == nil {
			warn = os.Stderr
		}
		fmt.Fprintf(warn, "kestra-sdk: warning: a protocol line of %d bytes was written; Docker's log driver splits lines "+
			"longer than 16 KiB and a split line is lost to Kestra (see docs/wire-format.md, 'Line length'): prefer output "+
			"files for large data\n", len(line))
	}
	return nil
}

// Outputs writes ::{"outputs":{...}}:: for a map with string keys (map[string]any or any map type).
func (e *Emitter) Outputs(values any) error {
	line, err := outputsLine(values)
	if err != nil {
		return err
	}
	return e.write(line, false)
}

// Assets writes ::{"assets":{...}}:: after checking the structure Kestra needs (inputs and outputs lists of maps,
// string fields, a type on every output asset).
func (e *Emitter) Assets(values any) error {
	line, err := assetsLine(values)
	if err != nil {
		return err
	}
	return e.write(line, false)
}

// Metric writes one metric: value is any integer or float type, a *big.Int, or for a timer a time.Duration; tags is
// nil or a map with string keys and string, number or boolean values.
func (e *Emitter) Metric(typ MetricType, name string, value any, tags any) error {
	line, err := metricLine(typ, name, value, tags)
	if err != nil {
		return err
	}
	return e.write(line, false)
}

// TimerFunc runs body, measures it with a monotonic clock and writes a timer, also when body returns an error or
// panics; the name and tags are checked before body runs. It returns body's error, or the timer's.
func (e *Emitter) TimerFunc(name string, body func() error, tags any) (err error) {
	if err := checkName(name); err != nil {
		return err
	}
	tagText, err := tagsText(tags)
	if err != nil {
		return err
	}
	start := time.Now()
	defer func() {
		werr := e.write(joinMetric(name, tagText, TimerType, exactSeconds(int64(time.Since(start)))), false)
		if err == nil {
			err = werr
		}
	}()
	return body()
}

// Log writes one logs line with an entry per message, all at level. A nil *string message is written "null".
func (e *Emitter) Log(level Level, messages ...string) error {
	ptrs := make([]*string, len(messages))
	for i := range messages {
		ptrs[i] = &messages[i]
	}
	return e.LogMessages(level, ptrs)
}

// LogMessages is Log for a list that may be nil or hold nil messages (nil list: a TYPE error; nil message: "null").
func (e *Emitter) LogMessages(level Level, messages []*string) error {
	line, err := logLine(level, messages)
	if err != nil {
		return err
	}
	return e.write(line, level == WARN || level == ERROR)
}
