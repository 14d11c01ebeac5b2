// Conformance adapter for this project's native Go SDK, sdks/go (docs/conformance.md): one request per line on
// stdin, the calls made with the SDK as a Go program would make them, one status line per case. WARN and ERROR
// lines, which the SDK writes to standard error, go to standard output, where the harness reads a case.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"kestrasdk.dev/kestra"
)

const status = "#kestra-conformance "

// unsupported is a typed value Go cannot express.
type unsupported struct{ reason string }

func (u unsupported) Error() string { return u.reason }

// opaque is a value of a type no SDK writes ($unsupported).
type opaque struct{ what string }

func decode(v any) any {
	switch x := v.(type) {
	case integer:
		return intValue(x.text)
	case float:
		f, _ := strconv.ParseFloat(x.text, 64)
		return f
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = decode(e)
		}
		return out
	case object:
		if len(x) == 1 && strings.HasPrefix(x[0].key, "$") {
			return decodeTag(x[0].key, x[0].value)
		}
		out := make(map[string]any, len(x))
		for _, m := range x {
			out[m.key] = decode(m.value)
		}
		return out
	}
	return v // nil, bool, string
}

var offset = regexp.MustCompile(`(Z|[+-]\d\d:\d\d(:\d\d)?)$`)

func decodeTag(tag string, p any) any {
	switch tag {
	case "$int":
		return intValue(p.(string))
	case "$float":
		f, _ := strconv.ParseFloat(strings.TrimPrefix(p.(string), "+"), 64)
		return f
	case "$float32":
		f, _ := strconv.ParseFloat(p.(string), 32)
		return float32(f)
	case "$decimal":
		panic(unsupported{"Go's standard library has no decimal type"})
	case "$datetime", "$instant":
		text := p.(string)
		if !offset.MatchString(text) {
			panic(unsupported{"a Go time.Time always has a location: Go has no date-time without an offset"})
		}
		t, err := parseTime(text)
		if err != nil {
			panic(unsupported{"a Go time.Time cannot be made from " + text})
		}
		if tag == "$instant" {
			t = t.UTC()
		}
		return t
	case "$date":
		panic(unsupported{"Go has no date type without a time"})
	case "$time":
		panic(unsupported{"Go has no time-of-day type"})
	case "$duration":
		d, ok := parseDuration(p.(string))
		if !ok {
			panic(unsupported{"a Go time.Duration cannot hold " + p.(string)})
		}
		return d
	case "$map":
		pairs := p.([]any)
		keys := make([]any, len(pairs))
		values := make([]any, len(pairs))
		allStrings := true
		for i, pair := range pairs {
			kv := pair.([]any)
			keys[i], values[i] = decode(kv[0]), decode(kv[1])
			if _, ok := keys[i].(string); !ok {
				allStrings = false
			}
		}
		if allStrings {
			out := make(map[string]any, len(keys))
			for i, k := range keys {
				out[k.(string)] = values[i]
			}
			return out
		}
		out := make(map[any]any, len(keys))
		for i, k := range keys {
			if _, isMap := k.(map[string]any); isMap {
				panic(unsupported{"a Go map key cannot be a map"})
			}
			out[k] = values[i]
		}
		return out
	case "$set":
		panic(unsupported{"Go has no set type"})
	case "$repeat":
		args := p.([]any)
		n, _ := strconv.Atoi(args[1].(integer).text)
		return strings.Repeat(args[0].(string), n)
	case "$nest":
		spec := p.(object)
		var depth int
		var leaf any
		for _, m := range spec {
			if m.key == "depth" {
				depth, _ = strconv.Atoi(m.value.(integer).text)
			} else {
				leaf = decode(m.value)
			}
		}
		for i := 0; i < depth; i++ {
			leaf = []any{leaf}
		}
		return leaf
	case "$cycle":
		m := map[string]any{}
		m["self"] = m
		return m
	case "$unsupported":
		return opaque{fmt.Sprint(p)}
	}
	panic(fmt.Errorf("unknown typed value %s", tag))
}

func parseTime(text string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05.999999999Z07:00:00", "2006-01-02T15:04:05.999999999Z07:00",
		"2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, text); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("not a date-time")
}

var isoDuration = regexp.MustCompile(`^([-+]?)P(?:([-+]?\d+)D)?(?:T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?)(\d+)(?:[.,](\d{1,9}))?S)?)?$`)

func parseDuration(text string) (time.Duration, bool) {
	m := isoDuration.FindStringSubmatch(text)
	if m == nil {
		return 0, false
	}
	num := func(s string) int64 { n, _ := strconv.ParseInt(s, 10, 64); return n }
	frac := (m[7] + "000000000")[:9]
	secs := num(m[6])*int64(time.Second) + num(frac)
	if m[5] == "-" {
		secs = -secs
	}
	total := num(m[2])*24*int64(time.Hour) + num(m[3])*int64(time.Hour) + num(m[4])*int64(time.Minute) + secs
	if num(m[2]) > 106751 || num(m[6]) > 9223372036 {
		return 0, false // beyond the ±292 years a time.Duration holds
	}
	if m[1] == "-" {
		total = -total
	}
	return time.Duration(total), true
}

func arg(a object, key string) (any, bool) {
	for _, m := range a {
		if m.key == key {
			return m.value, true
		}
	}
	return nil, false
}

func make_(call object) error {
	verbV, _ := arg(call, "verb")
	argsV, _ := arg(call, "args")
	verb, a := verbV.(string), argsV.(object)
	switch verb {
	case "outputs", "assets":
		values, _ := arg(a, "values")
		if verb == "outputs" {
			return kestra.Outputs(decode(values))
		}
		return kestra.Assets(decode(values))
	case "counter", "gauge", "timer":
		nameV, _ := arg(a, "name")
		name, ok := nameV.(string)
		if !ok {
			panic(unsupported{"a metric name is a Go string, which cannot be nil"})
		}
		value, _ := arg(a, "value")
		tagsV, _ := arg(a, "tags")
		var tags any
		if tagsV != nil {
			tags = decode(tagsV)
		}
		switch verb {
		case "counter":
			return kestra.Counter(name, decode(value), tags)
		case "gauge":
			return kestra.Gauge(name, decode(value), tags)
		}
		return kestra.Timer(name, decode(value), tags)
	case "log":
		levelV, _ := arg(a, "level")
		level, _ := levelV.(string) // null: the empty Level, which is missing
		messagesV, _ := arg(a, "messages")
		var messages []*string
		if list, ok := messagesV.([]any); ok {
			messages = make([]*string, len(list))
			for i, m := range list {
				if s, ok := m.(string); ok {
					messages[i] = &s
				}
			}
		}
		return kestra.Default().LogMessages(kestra.Level(level), messages)
	}
	return fmt.Errorf("unknown verb %s", verb)
}

func handle(line string) (result map[string]any) {
	request, err := parseJSON(line)
	if err != nil {
		panic(err)
	}
	req := request.(object)
	idV, _ := arg(req, "case")
	result = map[string]any{"case": idV}
	defer func() {
		if p := recover(); p != nil {
			if u, ok := p.(unsupported); ok {
				result["status"], result["reason"] = "unsupported", u.reason
				return
			}
			result["status"], result["kind"], result["message"] = "error", "OTHER", fmt.Sprint(p)
		}
	}()
	callsV, _ := arg(req, "calls")
	for _, c := range callsV.([]any) {
		if err := make_(c.(object)); err != nil {
			var werr *kestra.WireError
			kind := "OTHER"
			if errors.As(err, &werr) {
				kind = string(werr.Kind)
			}
			result["status"], result["kind"], result["message"] = "error", kind, err.Error()
			return result
		}
	}
	result["status"] = "ok"
	return result
}

func main() {
	kestra.SetDefault(kestra.NewEmitter(os.Stdout, os.Stdout))
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<30)
	for in.Scan() {
		line := in.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		text, _ := json.Marshal(handle(line))
		os.Stdout.WriteString(status + string(text) + "\n")
	}
}
