package model

import "testing"

func TestPageAt(t *testing.T) {
	starts := []int{0, 100, 100, 250}
	for off, want := range map[int]int{-5: 1, 0: 1, 99: 1, 100: 3, 249: 3, 250: 4, 10_000: 4} {
		if got := PageAt(starts, off); got != want {
			t.Errorf("PageAt(%d) = %d, want %d", off, got, want)
		}
	}
	if got := PageAt(nil, 5); got != 0 {
		t.Errorf("no pages: %d, want 0", got)
	}
}

func TestEvidenceWithPages(t *testing.T) {
	starts := []int{0, 100, 200}
	e := Evidence{Doc: "d", Start: 90, End: 100}.WithPages(starts)
	if e.Page != 1 || e.PageEnd != 0 {
		t.Errorf("span ending at a page start: pages %d–%d, want 1 only", e.Page, e.PageEnd)
	}
	e = Evidence{Doc: "d", Start: 90, End: 201}.WithPages(starts)
	if e.Page != 1 || e.PageEnd != 3 {
		t.Errorf("span over two breaks: pages %d–%d, want 1–3", e.Page, e.PageEnd)
	}
	e = Evidence{Doc: "d", Start: 150, End: 160}.WithPages(nil)
	if e.Page != 0 || e.PageEnd != 0 {
		t.Errorf("no pages: %d–%d", e.Page, e.PageEnd)
	}
}

func TestOCRAt(t *testing.T) {
	d := &Document{Pages: []int{0, 100, 200}, OCRPages: []int{2}}
	for _, tc := range []struct {
		start, end int
		want       bool
	}{{0, 50, false}, {90, 110, true}, {150, 150, true}, {200, 250, false}, {50, 250, true}} {
		if got := d.OCRAt(tc.start, tc.end); got != tc.want {
			t.Errorf("OCRAt(%d, %d) = %v, want %v", tc.start, tc.end, got, tc.want)
		}
	}
	if (&Document{}).OCRAt(0, 10) {
		t.Error("a document without OCR pages has OCR text")
	}
}
