package quotes

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Resolver maps the words that name a quote's speaker to the speaker's
// canonical name, actor code and whether the source is anonymous.
type Resolver func(doc *model.Document, speaker model.Span) (name, code string, anonymous bool)

// Extractor finds quotes in documents. It holds the cue lexicon and is
// safe for concurrent use.
type Extractor struct {
	lx *lexicon
	th Thresholds
}

// NewExtractor loads the cue lexicon shipped with dossier.
func NewExtractor() (*Extractor, error) { return NewExtractorFS(data.Embedded()) }

// NewExtractorFS loads the cue lexicon (quotes/cues.yaml) from fsys, for
// example data.Open(dir) to let users override it.
func NewExtractorFS(fsys fs.FS) (*Extractor, error) {
	lx, err := loadLexicon(fsys)
	if err != nil {
		return nil, err
	}
	return &Extractor{lx: lx, th: DefaultThresholds()}, nil
}

// Extraction rules, recorded in Quote.Rule.
const (
	RuleTranscriptTurn = "transcript-turn"
	RuleDirect         = "direct-cue"         // “…,” she said / he said “…”
	RuleDirectSplit    = "direct-split"       // “…,” she said, “…”
	RuleDirectColon    = "direct-colon"       // He said:¶“…”
	RuleDashByline     = "direct-byline"      // “…” ― Ana Ruiz (a line of its own)
	RuleLabel          = "direct-label"       // ¶“RUIZ: … (a transcript quoted in an article)
	RuleDirectCont     = "direct-continued"   // “…,” he said. “…”
	RuleBlock          = "block-colon"        // He said:¶ unmarked paragraph(s)
	RuleIndirectThat   = "indirect-that"      // X said (…) that …
	RuleIndirect       = "indirect-clause"    // X said there will be …
	RuleIndirectAfter  = "indirect-trailing"  // …, he concluded.
	RuleIndirectAside  = "indirect-aside"     // …, he said, …
	RuleAccordingTo    = "indirect-according" // according to X, …
	RuleInSource       = "indirect-in"        // in a poll released Sunday, …
)

// Extract finds the quotes in doc, in text order. td is the document's
// text layer (tagged and parsed: text.Analyzer.Analyze).
func (x *Extractor) Extract(doc *model.Document, td *text.Doc, resolve Resolver) []model.Quote {
	if doc == nil || x == nil || x.lx == nil {
		return nil
	}
	var qs []model.Quote
	if doc.Kind == model.KindTranscript && len(doc.Turns) > 0 {
		qs = x.turns(doc, td)
	} else {
		qs = x.prose(doc, td, resolve)
	}
	for i := range qs {
		q := &qs[i]
		q.Doc = doc.ID
		q.ID = fmt.Sprintf("%s:q%d", doc.ShortID(), i+1)
		if doc.Kind.Primary() {
			q.Verdict = model.VerdictPrimary
			q.Score = 1
			if len(q.Contents) > 0 {
				ev := model.EvidenceOf(doc.ID, q.Contents[0])
				if n := len(q.Contents); n > 1 {
					ev = model.EvidenceOf(doc.ID, model.NewSpan(doc.Text, q.Contents[0].Start, q.Contents[n-1].End))
				}
				q.Primary = &ev
			}
		}
	}
	return qs
}

// turns makes one quote of every transcript turn, one content span per
// paragraph of the turn.
func (x *Extractor) turns(doc *model.Document, td *text.Doc) []model.Quote {
	var out []model.Quote
	for _, t := range doc.Turns {
		if t.Content.Check(doc.Text) != nil || t.Content.Empty() {
			continue
		}
		q := model.Quote{Direct: true, Kind: model.KindSpeech, Question: t.Question, Rule: RuleTranscriptTurn}
		if t.Speaker >= 0 && t.Speaker < len(doc.Speakers) {
			sp := doc.Speakers[t.Speaker]
			q.Speaker = sp.Name
			q.Question = q.Question || sp.Questioner
		}
		if t.Label.Check(doc.Text) == nil && !t.Label.Empty() {
			q.Sources = []model.Span{t.Label}
		}
		q.Contents = paragraphsIn(doc, td, t.Content)
		if len(q.Contents) == 0 {
			continue
		}
		out = append(out, q)
	}
	return out
}

// paragraphsIn returns the paragraphs of the text layer inside sp, cut to
// sp; sp itself when the text layer has none there.
func paragraphsIn(doc *model.Document, td *text.Doc, sp model.Span) []model.Span {
	var out []model.Span
	if td != nil && td.Text == doc.Text {
		for _, p := range td.Paragraphs {
			s, e := max(p.Start, sp.Start), min(p.End, sp.End)
			if s < e && strings.TrimSpace(doc.Text[s:e]) != "" {
				out = append(out, trimSpan(doc.Text, s, e))
			}
		}
	}
	if len(out) == 0 {
		out = append(out, trimSpan(doc.Text, sp.Start, sp.End))
	}
	return out
}

// trimSpan is the span of text[s:e] without white space at either end.
func trimSpan(text string, s, e int) model.Span {
	for s < e && (text[s] == ' ' || text[s] == '\n' || text[s] == '\t' || text[s] == '\r') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == '\t' || text[e-1] == '\r') {
		e--
	}
	return model.NewSpan(text, s, e)
}
