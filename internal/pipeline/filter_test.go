package pipeline_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/devcorpora"
	"github.com/dossier-project/dossier/internal/events"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/text"
)

// checkFilter checks the filter of batch event coding on texts: a text
// that PrepareToCode leaves unanalysed (no document) must be one in which
// Code, after the whole analysis (Prepare), finds no event; any other
// must be coded as Prepare's analysis is, with the same mentions, and be
// analysed as Prepare analyses it once the sentences whose parse it
// deferred are parsed. The texts must hold at least minCoded with events,
// some that are left unanalysed and some sentences left unparsed, among
// them some that the filter's words let through and their tags did not
// (events.Filter.Confirm), for the test to say anything.
func checkFilter(t *testing.T, p *pipeline.Pipeline, texts []string, minCoded int) {
	t.Helper()
	date := time.Date(2013, 6, 4, 0, 0, 0, 0, time.UTC)
	ta, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	filter := p.Coder().Filter(ta.Lemmas)
	skipped, coded, deferred, unconfirmed := 0, 0, 0, 0
	for _, txt := range texts {
		doc, td, ms := p.Prepare(txt, date)
		evs := p.Coder().Code(doc, td, ms)
		if len(evs) > 0 {
			coded++
		}
		sdoc, std, sms := p.PrepareToCode(txt, date)
		if len(std.Sentences) != len(td.Sentences) {
			t.Errorf("%q: PrepareToCode splits %d sentences, Prepare %d", txt, len(std.Sentences), len(td.Sentences))
		}
		if sdoc != nil {
			// The sentences whose parse is deferred are those the coder
			// skips: the events and the mentions must be the same, and
			// so must the analysis once they are parsed.
			if sevs := p.Coder().Code(sdoc, std, sms); !reflect.DeepEqual(sevs, evs) {
				t.Errorf("%q: with its parse deferred where nothing can be coded, %d events, want %d", txt, len(sevs), len(evs))
			}
			marked := make([]bool, len(std.Sentences))
			filter.Mark(std, marked)
			for i := range std.Sentences {
				if std.Deferred(i) {
					deferred++
					if marked[i] {
						unconfirmed++
					}
				}
				std.Parse(i)
			}
			if !reflect.DeepEqual(std, td) || !reflect.DeepEqual(sms, ms) || !reflect.DeepEqual(sdoc, doc) {
				t.Errorf("%q: PrepareToCode analyses it otherwise than Prepare", txt)
			}
			continue
		}
		skipped++
		if len(evs) > 0 {
			t.Errorf("the filter skips %q, in which the coder codes %d events (%s by pattern %s)", txt, len(evs), evs[0].CAMEO, evs[0].Pattern)
		}
	}
	t.Logf("%d texts: %d with events, %d skipped by the filter, %d sentences of the others left unparsed (%d of them by their tags)", len(texts), coded, skipped, deferred, unconfirmed)
	if coded < minCoded || skipped == 0 || deferred == 0 || unconfirmed == 0 {
		t.Fatalf("%d texts with events (want %d or more), %d skipped, %d sentences left unparsed, %d by their tags: the test checks too little", coded, minCoded, skipped, deferred, unconfirmed)
	}
}

// TestFilterSkipsNoCodedText runs checkFilter on each sentence of the
// bundled corpus on its own and on generated lines of one to three
// sentences.
func TestFilterSkipsNoCodedText(t *testing.T) {
	p := testPipeline(t)
	c := loadCorpus(t)
	texts := append([]string(nil), c.sents...)
	g := newLineGen(c, 1<<62, 3)
	for range 1500 {
		g.next()
		texts = append(texts, string(g.text))
	}
	checkFilter(t, p, texts, 100)
}

// TestFilterSkipsNoCodedTextOnDev runs checkFilter on the sentences of
// PLOVER's development records and on the paragraphs of PolNeAR's
// development articles (../shared/corpora, or $DOSSIER_CORPORA; skipped
// without them, except under CI).
func TestFilterSkipsNoCodedTextOnDev(t *testing.T) {
	dir := devcorpora.Path(t)
	var texts []string
	f, err := os.Open(filepath.Join(dir, "plover", "gsr-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, r.Text)
	}
	f.Close()
	files, err := filepath.Glob(filepath.Join(dir, "polnear", "dev", "text", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no PolNeAR development articles: %v", err)
	}
	lines := regexp.MustCompile(`\n+`)
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range lines.Split(string(raw), -1) {
			if len(bytes.TrimSpace([]byte(para))) > 0 {
				texts = append(texts, para)
			}
		}
	}
	checkFilter(t, testPipeline(t), texts, 200)
}

// TestPrepareToCodeKeepsTheOutput codes generated lines with Prepare and
// with PrepareToCode: the output must be the same, byte for byte, and so
// must the counts.
func TestPrepareToCodeKeepsTheOutput(t *testing.T) {
	p := testPipeline(t)
	c := loadCorpus(t)
	run := func(prepare events.PrepareFunc) ([]byte, *events.StreamStats) {
		var out bytes.Buffer
		var st events.StreamStats
		err := p.Coder().CodeStream(context.Background(), newLineGen(c, 3000, 5), &out, events.StreamOptions{Prepare: prepare, Stats: &st})
		if err != nil {
			t.Fatal(err)
		}
		return out.Bytes(), &st
	}
	want, wst := run(p.Prepare)
	got, gst := run(p.PrepareToCode)
	if !bytes.Equal(got, want) {
		t.Fatalf("the output differs with the filter (%d bytes, want %d)", len(got), len(want))
	}
	if gst.Sentences != wst.Sentences || gst.Events != wst.Events || wst.Events == 0 {
		t.Errorf("counts: %d sentences and %d events with the filter, %d and %d without", gst.Sentences, gst.Events, wst.Sentences, wst.Events)
	}
}

// TestCodeReusesNoState codes generated lines in order and in reverse
// order with one coder: the coder keeps its working buffers from one
// document to the next (events.Coder's pool), which must not carry
// anything over, so each line's events must be the same either way.
func TestCodeReusesNoState(t *testing.T) {
	p := testPipeline(t)
	c := loadCorpus(t)
	g := newLineGen(c, 1<<62, 11)
	date := time.Date(2013, 6, 4, 0, 0, 0, 0, time.UTC)
	var texts []string
	for range 600 {
		g.next()
		texts = append(texts, string(g.text))
	}
	code := func(i int) []model.Event {
		doc, td, ms := p.PrepareToCode(texts[i], date)
		return p.Coder().Code(doc, td, ms)
	}
	fwd := make([][]model.Event, len(texts))
	events := 0
	for i := range texts {
		fwd[i] = code(i)
		events += len(fwd[i])
	}
	for i := len(texts) - 1; i >= 0; i-- {
		if got := code(i); !reflect.DeepEqual(got, fwd[i]) {
			t.Fatalf("line %d: %d events coded after the lines after it, %d after those before it", i, len(got), len(fwd[i]))
		}
	}
	if events == 0 {
		t.Fatal("no events: the test checks nothing")
	}
}
