package syntax

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// A training cache keeps, between runs, what takes long to learn and does
// not change when only the parser does: the word clusters, and the tagger
// with the jackknifed tags it gave the training data. Entries are named by
// a hash of everything they were learned from, so a run with a cache
// learns exactly what it would without one.

// cacheVersion names the code that wrote the entries: change it when the
// clustering or the tagger changes.
const cacheVersion = "tagger-3"

// cacheKey hashes the parts into a file name.
func cacheKey(kind string, parts ...any) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", cacheVersion, kind)
	for _, p := range parts {
		switch v := p.(type) {
		case []Sentence:
			for _, s := range v {
				for _, w := range s.Words {
					fmt.Fprintf(h, "%s\t%s\t%s\t%s\n", w.Form, w.Lemma, w.UPOS, w.XPOS)
				}
				h.Write([]byte{0})
			}
		case ClusterInput:
			for _, s := range v {
				for _, w := range s {
					h.Write([]byte(w))
					h.Write([]byte{1})
				}
				h.Write([]byte{0})
			}
		case map[uint64]uint64:
			fmt.Fprintf(h, "%d", len(v))
			var sum uint64
			for k, x := range v {
				sum += fmix(k ^ x*mulA)
			}
			fmt.Fprintf(h, ":%d", sum)
		default:
			fmt.Fprintf(h, "%v\x00", v)
		}
	}
	return kind + "-" + hex.EncodeToString(h.Sum(nil)[:12])
}

func cacheRead(dir, key string) (*decoder, bool) {
	if dir == "" {
		return nil, false
	}
	b, err := os.ReadFile(filepath.Join(dir, key))
	if err != nil {
		return nil, false
	}
	return &decoder{b: b}, true
}

func cacheWrite(dir, key string, write func(e *encoder)) error {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	e := newEncoder(&b)
	write(e)
	if err := e.flush(); err != nil {
		return err
	}
	tmp := filepath.Join(dir, key+".tmp")
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, key))
}

func (e *encoder) tags(t [][]uint8) {
	e.u32(uint32(len(t)))
	for _, s := range t {
		e.u32(uint32(len(s)))
		e.bytes(s)
	}
}

func (d *decoder) tags() [][]uint8 {
	n := int(d.u32())
	if n > len(d.b) {
		d.err = fmt.Errorf("bad cache")
		return nil
	}
	out := make([][]uint8, n)
	for i := range out {
		out[i] = append([]uint8(nil), d.take(int(d.u32()))...)
	}
	return out
}
