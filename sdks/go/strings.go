package kestra

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

const maxUTF16Units = 20000000

const hexDigits = "0123456789abcdef"

// quote writes the canonical JSON text of s (wire-format.md 4.3): ASCII only, lower-case \uXXXX escapes for 0x7F
// and every code unit above it (a character above U+FFFF as its surrogate pair). s must be valid UTF-8.
func quote(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i, r := range s {
		if r == utf8.RuneError {
			if sur, ok := wtf8Surrogate(s, i); ok { // only in a path naming a refused key: the surrogate's escape
				unit(b, sur)
				continue
			} else if isWTF8Tail(s, i) {
				continue
			}
		}
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r >= 0x20 && r < 0x7f:
			b.WriteByte(byte(r))
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r > 0xffff:
			hi, lo := utf16.EncodeRune(r)
			unit(b, hi)
			unit(b, lo)
		default:
			unit(b, r)
		}
	}
	b.WriteByte('"')
}

func unit(b *strings.Builder, u rune) {
	b.WriteString(`\u`)
	b.WriteByte(hexDigits[u>>12&0xf])
	b.WriteByte(hexDigits[u>>8&0xf])
	b.WriteByte(hexDigits[u>>4&0xf])
	b.WriteByte(hexDigits[u&0xf])
}

// wtf8Surrogate reads the three bytes a UTF-16 surrogate becomes in UTF-8 (WTF-8) at s[i:].
func wtf8Surrogate(s string, i int) (rune, bool) {
	if i < 0 || i+2 >= len(s) || s[i] != 0xed || s[i+1] < 0xa0 || s[i+1] > 0xbf || s[i+2]&0xc0 != 0x80 {
		return 0, false
	}
	return rune(s[i]&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f), true
}

// isWTF8Tail tells whether s[i] is the second or third byte of a WTF-8 surrogate.
func isWTF8Tail(s string, i int) bool {
	_, a := wtf8Surrogate(s, i-1)
	_, b := wtf8Surrogate(s, i-2)
	return a || b
}

// checkString refuses text Kestra cannot read as written: invalid UTF-8 (such as an encoded lone surrogate), and
// more than 20,000,000 UTF-16 code units (a character above U+FFFF counts 2, as Jackson counts).
func checkString(path, s string) error {
	if len(s) > maxUTF16Units/2 { // shorter text cannot reach the limit
		n := 0
		for _, r := range s {
			n++
			if r > 0xffff {
				n++
			}
		}
		if n > maxUTF16Units {
			return valueErr(path, "string of "+strconv.Itoa(n)+" characters is longer than the 20000000 Kestra reads")
		}
	}
	if !utf8.ValidString(s) {
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				if sur, ok := wtf8Surrogate(s, i); ok {
					return valueErr(path, "lone surrogate U+"+strings.ToUpper(strconv.FormatInt(int64(sur), 16))+
						" at byte "+strconv.Itoa(i)+" is not Unicode text (Kestra would read '?')")
				}
				return valueErr(path, "invalid UTF-8 at byte "+strconv.Itoa(i)+" is not Unicode text (Kestra would read '?')")
			}
			i += size
		}
	}
	return nil
}

// lessUTF16 orders keys by their UTF-16 code units (wire-format.md 4.2): code point order, except that a character
// above U+FFFF (a surrogate pair, D800..DBFF first) sorts before one in U+E000..U+FFFF.
func lessUTF16(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			return utf16Key(ra) < utf16Key(rb)
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b != ""
}

// utf16Key is the first UTF-16 code unit of r, extended so that the whole rune compares as its units do.
func utf16Key(r rune) int64 {
	if r > 0xffff {
		hi, lo := utf16.EncodeRune(r)
		return int64(hi)<<16 | int64(lo)
	}
	return int64(r) << 16
}
