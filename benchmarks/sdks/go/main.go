// Command emitmix writes the payload mix of the `sdks` benchmark section (SdkEmissionSection, and emit_mix.py) to
// standard output, either through this project's Go SDK or as Kestra's Go library writes lines: encoding/json
// marshalling of the same payloads, printed as ::...:: lines with fmt.Printf. Per round, five lines: outputs with
// six keys, a counter, a timer and a gauge with tags, one INFO log message.
//
// Usage: emitmix sdk|json ROUNDS > file; prints lines per second of the loop (wall clock, and CPU time of the
// process) to standard error.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"syscall"
	"time"

	"kestrasdk.dev/kestra"
)

const linesPerRound = 5

func main() {
	if len(os.Args) != 3 || (os.Args[1] != "sdk" && os.Args[1] != "json") {
		fmt.Fprintln(os.Stderr, "usage: emitmix sdk|json ROUNDS")
		os.Exit(2)
	}
	rounds, err := strconv.Atoi(os.Args[2])
	if err != nil || rounds < 1 {
		fmt.Fprintf(os.Stderr, "emitmix: ROUNDS must be a positive integer, not %q\n", os.Args[2])
		os.Exit(2)
	}
	round := sdkRound
	if os.Args[1] == "json" {
		round = jsonRound
	}
	start, cpu := time.Now(), cpuSeconds()
	for i := 0; i < rounds; i++ {
		if err := round(i); err != nil {
			fmt.Fprintln(os.Stderr, "emitmix:", err)
			os.Exit(1)
		}
	}
	elapsed, used := time.Since(start).Seconds(), cpuSeconds()-cpu
	fmt.Fprintf(os.Stderr, "lines_per_second=%g cpu_lines_per_second=%g\n", float64(linesPerRound*rounds)/elapsed,
		float64(linesPerRound*rounds)/used)
}

// cpuSeconds is the CPU time of the process so far, user and system.
func cpuSeconds() float64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return math.NaN()
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano()).Seconds()
}

func outputs(i int) map[string]any {
	return map[string]any{"rows": i, "ratio": float64(i) / 8, "file": "orders.csv", "ok": true,
		"parts": []any{"a", "b"}, "missing": nil}
}

var logger = kestra.Kestra{Logger: &kestra.KestraLogger{}}

func sdkRound(i int) error {
	if err := kestra.Outputs(outputs(i)); err != nil {
		return err
	}
	if err := kestra.Counter("rows", i, map[string]string{"file": "orders.csv"}); err != nil {
		return err
	}
	if err := kestra.Timer("load", float64(i)/1000, map[string]string{"file": "orders.csv", "stage": "load"}); err != nil {
		return err
	}
	if err := kestra.Gauge("queue", i%17, map[string]string{"host": "worker-1"}); err != nil {
		return err
	}
	return logger.Logger.Info("loaded orders.csv")
}

// The shapes Kestra's Go library marshals: a metric's fields in this order, tags omitted when empty.
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

func printJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Printf("::%s::\n", b)
	return err
}

func metric(typ, name string, value any, tags map[string]string) error {
	return printJSON(map[string]any{"metrics": []jsonMetric{{Type: typ, Name: name, Value: value, Tags: tags}}})
}

func jsonRound(i int) error {
	if err := printJSON(map[string]any{"outputs": outputs(i)}); err != nil {
		return err
	}
	if err := metric("counter", "rows", i, map[string]string{"file": "orders.csv"}); err != nil {
		return err
	}
	if err := metric("timer", "load", float64(i)/1000, map[string]string{"file": "orders.csv", "stage": "load"}); err != nil {
		return err
	}
	if err := metric("gauge", "queue", float64(i%17), map[string]string{"host": "worker-1"}); err != nil {
		return err
	}
	return printJSON(map[string]any{"logs": []jsonLog{{Level: "INFO", Message: "loaded orders.csv"}}})
}
