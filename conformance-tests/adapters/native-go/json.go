package main

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A small JSON reader for the requests: unlike encoding/json it keeps an integer token apart from a float token (the
// vectors type numbers by their token), keeps object members in order (a $map's keys are ordered), and keeps a lone
// surrogate escape as the bytes it becomes in UTF-8 (WTF-8), so that the SDK meets it as Go code would.

type member struct {
	key   string
	value any
}

type object []member // a JSON object, members in order

type integer struct{ text string } // an integer token
type float struct{ text string }   // any other number token

type reader struct {
	s   string
	pos int
}

func parseJSON(s string) (any, error) {
	r := &reader{s: s}
	v, err := r.value()
	if err != nil {
		return nil, err
	}
	r.space()
	if r.pos != len(r.s) {
		return nil, fmt.Errorf("text after the JSON value at %d", r.pos)
	}
	return v, nil
}

func (r *reader) space() {
	for r.pos < len(r.s) && strings.IndexByte(" \t\r\n", r.s[r.pos]) >= 0 {
		r.pos++
	}
}

func (r *reader) value() (any, error) {
	r.space()
	if r.pos >= len(r.s) {
		return nil, fmt.Errorf("unexpected end")
	}
	switch c := r.s[r.pos]; {
	case c == '{':
		return r.object()
	case c == '[':
		return r.array()
	case c == '"':
		return r.str()
	case strings.HasPrefix(r.s[r.pos:], "null"):
		r.pos += 4
		return nil, nil
	case strings.HasPrefix(r.s[r.pos:], "true"):
		r.pos += 4
		return true, nil
	case strings.HasPrefix(r.s[r.pos:], "false"):
		r.pos += 5
		return false, nil
	default:
		return r.number()
	}
}

func (r *reader) object() (any, error) {
	r.pos++
	out := object{}
	r.space()
	if r.s[r.pos] == '}' {
		r.pos++
		return out, nil
	}
	for {
		r.space()
		k, err := r.str()
		if err != nil {
			return nil, err
		}
		r.space()
		if r.s[r.pos] != ':' {
			return nil, fmt.Errorf("':' expected at %d", r.pos)
		}
		r.pos++
		v, err := r.value()
		if err != nil {
			return nil, err
		}
		out = append(out, member{k, v})
		r.space()
		if r.s[r.pos] == ',' {
			r.pos++
			continue
		}
		if r.s[r.pos] == '}' {
			r.pos++
			return out, nil
		}
		return nil, fmt.Errorf("',' or '}' expected at %d", r.pos)
	}
}

func (r *reader) array() (any, error) {
	r.pos++
	out := []any{}
	r.space()
	if r.s[r.pos] == ']' {
		r.pos++
		return out, nil
	}
	for {
		v, err := r.value()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		r.space()
		if r.s[r.pos] == ',' {
			r.pos++
			continue
		}
		if r.s[r.pos] == ']' {
			r.pos++
			return out, nil
		}
		return nil, fmt.Errorf("',' or ']' expected at %d", r.pos)
	}
}

func (r *reader) str() (string, error) {
	if r.s[r.pos] != '"' {
		return "", fmt.Errorf("string expected at %d", r.pos)
	}
	r.pos++
	var b strings.Builder
	for {
		if r.pos >= len(r.s) {
			return "", fmt.Errorf("unterminated string")
		}
		c := r.s[r.pos]
		switch {
		case c == '"':
			r.pos++
			return b.String(), nil
		case c == '\\':
			e := r.s[r.pos+1]
			r.pos += 2
			switch e {
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				u := r.hex()
				if u >= 0xd800 && u < 0xdc00 && strings.HasPrefix(r.s[r.pos:], `\u`) {
					save := r.pos
					r.pos += 2
					lo := r.hex()
					if lo >= 0xdc00 && lo < 0xe000 {
						b.WriteRune((u-0xd800)<<10 | (lo - 0xdc00) + 0x10000)
						continue
					}
					r.pos = save
				}
				if u >= 0xd800 && u < 0xe000 { // a lone surrogate: its three WTF-8 bytes
					b.WriteByte(byte(0xe0 | u>>12))
					b.WriteByte(byte(0x80 | u>>6&0x3f))
					b.WriteByte(byte(0x80 | u&0x3f))
				} else {
					b.WriteRune(u)
				}
			default:
				b.WriteByte(e)
			}
		default:
			_, size := utf8.DecodeRuneInString(r.s[r.pos:])
			b.WriteString(r.s[r.pos : r.pos+size])
			r.pos += size
		}
	}
}

func (r *reader) hex() rune {
	v, _ := strconv.ParseUint(r.s[r.pos:r.pos+4], 16, 32)
	r.pos += 4
	return rune(v)
}

func (r *reader) number() (any, error) {
	start := r.pos
	for r.pos < len(r.s) && strings.IndexByte("+-0123456789.eE", r.s[r.pos]) >= 0 {
		r.pos++
	}
	text := r.s[start:r.pos]
	if text == "" {
		return nil, fmt.Errorf("value expected at %d", start)
	}
	if strings.ContainsAny(text, ".eE") {
		return float{text}, nil
	}
	return integer{text}, nil
}

// intValue is an integer as a Go program holds it: an int64 when it fits, else a *big.Int.
func intValue(text string) any {
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n
	}
	b, _ := new(big.Int).SetString(text, 10)
	return b
}
