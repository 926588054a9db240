package ingest

import (
	"reflect"
	"strings"
	"testing"
)

// page builds a layoutPage of 1000 units high from blocks of lines; each
// line is 10 units high, placed at the given top.
type at struct {
	top  float64
	text string
}

func page(blocks ...[]at) layoutPage {
	p := layoutPage{width: 600, height: 1000}
	for _, b := range blocks {
		var ls []layoutLine
		for _, l := range b {
			ls = append(ls, layoutLine{text: l.text, top: l.top, bottom: l.top + 10, left: 50, right: 500})
		}
		p.blocks = append(p.blocks, ls)
	}
	return p
}

func TestAssembleFurniture(t *testing.T) {
	v := testVocab(t)
	header := at{20, "Harrowgate Town Council — Minutes, 4 March 2025"}
	pages := []layoutPage{
		page([]at{header}, []at{{100, "The meeting opened at seven."}}, []at{{960, "- 1 -"}}),
		page([]at{header}, []at{{100, "The chair welcomed the public."}}, []at{{960, "- 2 -"}}),
		page([]at{{20, "Harrowgate Town Council — Minutes, 4 March 2025"}}, []at{{100, "The meeting closed at nine."}}, []at{{960, "Page 3 of 3"}}),
	}
	text, starts := assemble(pages, v)
	want := "The meeting opened at seven.\n\nThe chair welcomed the public.\n\nThe meeting closed at nine."
	if text != want {
		t.Errorf("text = %q, want %q", text, want)
	}
	if !reflect.DeepEqual(starts, []int{0, 30, 62}) {
		t.Errorf("starts = %v", starts)
	}
}

func TestAssembleKeeps(t *testing.T) {
	v := testVocab(t)
	// A line at the top of one page of three is not a running header; a
	// year in the middle of a page is not a page number; a speaker label
	// that opens two pages of two is no running header.
	pages := []layoutPage{
		page([]at{{20, "Ferry contract approved"}}, []at{{500, "2025"}}, []at{{960, "CHAIR BRANNOCK: Thank you."}}),
		page([]at{{100, "Residents were pleased."}}, []at{{960, "CHAIR BRANNOCK: Thank you."}}),
	}
	text, _ := assemble(pages, v)
	for _, kept := range []string{"Ferry contract approved", "2025", "CHAIR BRANNOCK: Thank you.\n\nResidents", "pleased.\n\nCHAIR BRANNOCK: Thank you."} {
		if !strings.Contains(text, kept) {
			t.Errorf("lost %q: %q", kept, text)
		}
	}
}

func TestAssembleJoins(t *testing.T) {
	v := testVocab(t)
	tests := []struct {
		name  string
		pages []layoutPage
		want  string
	}{
		{"hyphen in a block", []layoutPage{page([]at{{100, "the ferry con-"}, {112, "tract was signed"}})}, "the ferry contract\nwas signed"},
		{"hyphen, word alone on the line", []layoutPage{page([]at{{100, "the ferry con-"}, {112, "tract"}, {124, "was signed"}})}, "the ferry contract\nwas signed"},
		{"capital after the hyphen", []layoutPage{page([]at{{100, "the Harrow-"}, {112, "Gate ferry"}})}, "the Harrow-\nGate ferry"},
		{"dash after a space", []layoutPage{page([]at{{100, "the ferry -"}, {112, "and the bus"}})}, "the ferry -\nand the bus"},
		{"soft hyphen", []layoutPage{page([]at{{100, "the ferry con\u00ad"}, {112, "tract was signed"}})}, "the ferry contract\nwas signed"},
		{"sentence over a page break", []layoutPage{page([]at{{100, "The ferry will"}}), page([]at{{100, "run hourly."}})}, "The ferry will\nrun hourly."},
		{"hyphen over a page break", []layoutPage{page([]at{{100, "The ferry con-"}}), page([]at{{100, "tract is signed."}})}, "The ferry contract\nis signed."},
		{"paragraphs over a page break", []layoutPage{page([]at{{100, "The ferry is late."}}), page([]at{{100, "Residents complained."}})}, "The ferry is late.\n\nResidents complained."},
		{"gap in a block", []layoutPage{page([]at{{100, "Ferry notice"}, {140, "The ferry is late."}})}, "Ferry notice\n\nThe ferry is late."},
		{"ligatures and controls", []layoutPage{page([]at{{100, "The ﬁnal  oﬀer\x07 stands"}})}, "The final offer stands"},
	}
	for _, tc := range tests {
		got, _ := assemble(tc.pages, v)
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestAssembleBlankPages(t *testing.T) {
	v := testVocab(t)
	pages := []layoutPage{
		page(),
		page([]at{{100, "First words."}}),
		page(),
		page([]at{{100, "Last words."}}),
		page(),
	}
	text, starts := assemble(pages, v)
	if text != "First words.\n\nLast words." {
		t.Fatalf("text = %q", text)
	}
	// Blank pages start where the next page does; the offsets still map
	// to the page that holds them.
	if !reflect.DeepEqual(starts, []int{0, 0, 14, 14, 25}) {
		t.Errorf("starts = %v", starts)
	}
	for off, want := range map[int]int{0: 2, 5: 2, 14: 4, 24: 4} {
		if got := pageAtTest(starts, off); got != want {
			t.Errorf("page of %d = %d, want %d", off, got, want)
		}
	}
}

func pageAtTest(starts []int, off int) int {
	p := 0
	for i, s := range starts {
		if s <= off {
			p = i + 1
		}
	}
	return p
}

func TestPageNumberPattern(t *testing.T) {
	for _, s := range []string{"3", "- 3 -", "(12)", "Page 3", "page 3 of 12", "p. 4", "3/12", "— 7 —"} {
		if !rxPageNumber.MatchString(s) {
			t.Errorf("%q is not read as a page number", s)
		}
	}
	for _, s := range []string{"3 March", "Item 3", "Section 3.2", "12 votes to 3", "Page three"} {
		if rxPageNumber.MatchString(s) {
			t.Errorf("%q is read as a page number", s)
		}
	}
}

func TestReadTSV(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t\n" +
		"2\t1\t1\t0\t0\t0\t10\t10\t500\t40\t-1\t\n" +
		"3\t1\t1\t1\t0\t0\t10\t10\t500\t40\t-1\t\n" +
		"4\t1\t1\t1\t1\t0\t10\t10\t500\t20\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t95\tThe\n" +
		"5\t1\t1\t1\t1\t2\t70\t10\t50\t20\t95\tferry\n" +
		"4\t1\t1\t1\t2\t0\t10\t30\t500\t20\t-1\t\n" +
		"5\t1\t1\t1\t2\t1\t10\t30\t50\t20\t95\tsails.\n" +
		"2\t1\t2\t0\t0\t0\t10\t100\t500\t20\t-1\t\n" +
		"3\t1\t2\t1\t0\t0\t10\t100\t500\t20\t-1\t\n" +
		"4\t1\t2\t1\t1\t0\t10\t100\t500\t20\t-1\t\n" +
		"5\t1\t2\t1\t1\t1\t10\t100\t50\t20\t-1\t \n"
	p := readTSV([]byte(tsv))
	if p.width != 1000 || p.height != 2000 || len(p.blocks) != 1 || len(p.blocks[0]) != 2 ||
		p.blocks[0][0].text != "The ferry" || p.blocks[0][1].text != "sails." || p.blocks[0][1].top != 30 {
		t.Errorf("page = %+v", p)
	}
}

func TestPageEmpty(t *testing.T) {
	for _, tc := range []struct {
		p    layoutPage
		want bool
	}{
		{page(), true},
		{page([]at{{960, "- 3 -"}}), true},
		{page([]at{{960, "Page 3 of 9"}}), true},
		{page([]at{{100, "Annex"}}), false},
		{page([]at{{100, "HTC-000123"}}), false},
	} {
		if got := tc.p.empty(); got != tc.want {
			t.Errorf("%+v: empty = %v, want %v", tc.p.blocks, got, tc.want)
		}
	}
}
