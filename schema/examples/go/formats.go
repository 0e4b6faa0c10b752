package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
)

// Format is one entry of formats.json, the schema's numeric format vocabulary.
type Format struct {
	Type    string      `json:"type"`
	Minimum json.Number `json:"minimum"`
	Maximum json.Number `json:"maximum"`
	Rust    string      `json:"rust"`
}

// Formats maps a format name (int32, uint64, ...) to its range.
type Formats map[string]Format

// LoadFormats reads formats.json.
func LoadFormats(path string) (Formats, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var file struct {
		Formats Formats `json:"formats"`
	}
	dec := json.NewDecoder(bytesReader(data))
	dec.UseNumber()
	if err := dec.Decode(&file); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return file.Formats, nil
}

// Check reports whether n satisfies the named format: an integer (for integer formats)
// within the inclusive range. Go's int64 holds up to 2^63-1, but the schema bounds
// int64/uint64/uint by 2^53-1 (what JavaScript peers read exactly), so decode into
// json.Number and check here rather than trusting the Go type alone.
func (f Formats) Check(name string, n json.Number) error {
	spec, ok := f[name]
	if !ok {
		return fmt.Errorf("unknown format %q", name)
	}
	v, ok := new(big.Float).SetString(n.String())
	if !ok {
		return fmt.Errorf("%s is not a number", n)
	}
	if spec.Type == "integer" && !v.IsInt() {
		return fmt.Errorf("%s is not an integer (%s)", n, name)
	}
	lo, _ := new(big.Float).SetString(spec.Minimum.String())
	hi, _ := new(big.Float).SetString(spec.Maximum.String())
	if v.Cmp(lo) < 0 || v.Cmp(hi) > 0 {
		return fmt.Errorf("%s is outside %s (%s..%s)", n, name, spec.Minimum, spec.Maximum)
	}
	return nil
}
