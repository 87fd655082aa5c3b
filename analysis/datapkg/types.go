package datapkg

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Default layouts of the temporal types (Table Schema v2, format "default").
const (
	layoutDate     = "2006-01-02"
	layoutTime     = "15:04:05"
	layoutDatetime = time.RFC3339
)

// timeLayout returns the Go layout of a temporal field's format: "" for
// the default (parsed by hand or with the default layout), "any" for
// format "any", or a strptime-style pattern ("%Y-%m-%d") converted.
func timeLayout(typ, format string) (string, error) {
	switch typ {
	case "date", "time", "datetime":
	default:
		return "", nil
	}
	switch format {
	case "", "default":
		switch typ {
		case "date":
			return layoutDate, nil
		case "time":
			return layoutTime, nil
		}
		return layoutDatetime, nil
	case "any":
		return "any", nil
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return "", fmt.Errorf("%w: a lone %% at the end", ErrDescriptor)
		}
		i++
		rep, ok := map[byte]string{
			'Y': "2006", 'y': "06", 'm': "01", 'd': "02", 'b': "Jan", 'B': "January",
			'a': "Mon", 'A': "Monday", 'H': "15", 'I': "03", 'p': "PM", 'M': "04",
			'S': "05", 'f': "000000", 'z': "-0700", 'Z': "MST", '%': "%",
		}[format[i]]
		if !ok {
			return "", fmt.Errorf("%w: directive %%%c, want one of %%Y %%y %%m %%d %%b %%B %%a %%A %%H %%I %%p %%M %%S %%f %%z %%Z", ErrUnsupported, format[i])
		}
		b.WriteString(rep)
	}
	return b.String(), nil
}

var anyDate = []string{layoutDate, "2006/01/02", "02/01/2006", "2 January 2006", "January 2, 2006", "2006-01-02T15:04:05Z07:00"}

// parseTime parses a date, time or datetime with layout ("any" tries several).
func parseTime(layout, s string) (time.Time, bool) {
	if layout == layoutDate {
		if len(s) != 10 || s[4] != '-' || s[7] != '-' {
			return time.Time{}, false
		}
		y, ok1 := digits(s[0:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:10])
		if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
			return time.Time{}, false
		}
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
	}
	if layout == "any" {
		for _, l := range anyDate {
			if t, err := time.Parse(l, s); err == nil {
				return t, true
			}
		}
		return time.Time{}, false
	}
	t, err := time.Parse(layout, s)
	return t, err == nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func parseYearMonth(s string) (y, m int, ok bool) {
	if len(s) != 7 || s[4] != '-' {
		return 0, 0, false
	}
	y, ok1 := digits(s[:4])
	m, ok2 := digits(s[5:])
	return y, m, ok1 && ok2 && m >= 1 && m <= 12
}

func parseInt(s string) (int64, bool) {
	// Fast path for short unsigned decimals, the common case.
	if n := len(s); n > 0 && n <= 18 {
		var v int64
		i := 0
		neg := false
		if s[0] == '-' || s[0] == '+' {
			neg = s[0] == '-'
			i = 1
			if n == 1 {
				return 0, false
			}
		}
		for ; i < n; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int64(c-'0')
		}
		if neg {
			v = -v
		}
		return v, true
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}

func parseNumber(s string) (float64, bool) {
	switch s {
	case "NaN":
		return math.NaN(), true
	case "INF":
		return math.Inf(1), true
	case "-INF":
		return math.Inf(-1), true
	}
	if s == "" || strings.ContainsAny(s, "xX_pPiInN") {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

func parseBool(f *Field, s string) (bool, bool) {
	for _, t := range f.TrueValues {
		if s == t {
			return true, true
		}
	}
	for _, t := range f.FalseValues {
		if s == t {
			return false, true
		}
	}
	return false, false
}

var (
	reDuration = regexp.MustCompile(`^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$`)
)

// checkValue checks that s is a value of type typ and returns its ordinal
// (for the types that have an order) and the name of the type expected.
func checkValue(f *Field, typ, layout, s string) (float64, bool) {
	switch typ {
	case "string", "any":
		return 0, true
	case "integer", "year":
		v, ok := parseInt(s)
		return float64(v), ok
	case "number":
		return parseNumber(s)
	case "boolean":
		_, ok := parseBool(f, s)
		return 0, ok
	case "date", "time", "datetime":
		t, ok := parseTime(layout, s)
		if !ok {
			return 0, false
		}
		switch typ {
		case "date":
			return float64(t.Unix() / 86400), true
		case "time":
			return float64(t.Hour()*3600 + t.Minute()*60 + t.Second()), true
		}
		return float64(t.Unix()) + float64(t.Nanosecond())/1e9, true
	case "yearmonth":
		y, m, ok := parseYearMonth(s)
		return float64(y*12 + m - 1), ok
	case "object", "geojson":
		return 0, strings.HasPrefix(strings.TrimSpace(s), "{") && json.Valid([]byte(s))
	case "array":
		return 0, strings.HasPrefix(strings.TrimSpace(s), "[") && json.Valid([]byte(s))
	case "duration":
		return 0, len(s) > 1 && s[len(s)-1] != 'T' && reDuration.MatchString(s)
	case "geopoint":
		a, b, ok := strings.Cut(s, ",")
		if !ok {
			return 0, false
		}
		lon, ok1 := parseNumber(strings.TrimSpace(a))
		lat, ok2 := parseNumber(strings.TrimSpace(b))
		return 0, ok1 && ok2 && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90
	}
	return 0, true
}

// typeWant describes what a value of a field's type looks like.
func typeWant(typ, format string) string {
	switch typ {
	case "integer":
		return "want an integer"
	case "number":
		return "want a number"
	case "boolean":
		return "want a boolean"
	case "date":
		if format != "" && format != "default" {
			return "want a date in format " + strconv.Quote(format)
		}
		return "want a date YYYY-MM-DD"
	case "time":
		if format != "" && format != "default" {
			return "want a time in format " + strconv.Quote(format)
		}
		return "want a time hh:mm:ss"
	case "datetime":
		if format != "" && format != "default" {
			return "want a datetime in format " + strconv.Quote(format)
		}
		return "want a datetime YYYY-MM-DDThh:mm:ssZ"
	case "year":
		return "want a year"
	case "yearmonth":
		return "want a year and month YYYY-MM"
	case "object", "geojson":
		return "want a JSON object"
	case "array":
		return "want a JSON array"
	case "duration":
		return "want an ISO 8601 duration"
	case "geopoint":
		return "want a point \"LON, LAT\""
	}
	return "want a " + typ
}

// ordinal returns the position of s in the order of f's type, for
// minimum and maximum.
func ordinal(f *Field, s string) (float64, bool) {
	switch f.Type {
	case "integer", "number", "year", "date", "time", "datetime", "yearmonth":
		return checkValue(f, f.Type, f.layout, s)
	}
	return 0, false
}

// enumKey returns the canonical form of an enum value or a cell.
func enumKey(f *Field, s string) (string, bool) {
	switch f.Type {
	case "integer", "year":
		v, ok := parseInt(s)
		return strconv.FormatInt(v, 10), ok
	case "number":
		v, ok := parseNumber(s)
		return strconv.FormatFloat(v, 'g', -1, 64), ok
	case "boolean":
		v, ok := parseBool(f, s)
		if !ok {
			if s == "true" || s == "false" {
				return s, true
			}
		}
		return strconv.FormatBool(v), ok
	case "list":
		return s, true
	}
	_, ok := checkValue(f, f.Type, f.layout, s)
	return s, ok
}

func enumWant(f *Field) string {
	var b strings.Builder
	b.WriteString("want one of ")
	for i, e := range f.Constraints.Enum {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(e))
	}
	return b.String()
}

func runeLen(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.RuneCountInString(s)
		}
	}
	return len(s)
}
