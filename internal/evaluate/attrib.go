package evaluate

import (
	"encoding/json"
	"fmt"
	"math"
)

// Quote is one of dossier's quotes as `dossier quotes --json` gives it:
// the article it is in (Stem), its text, its speaker and its sources
// (the JSON of the "sources" field, on which the speaker is judged, and
// their texts, to show).
type Quote struct {
	ID          string          `json:"id"`
	Stem        string          `json:"article"`
	Text        string          `json:"text"`
	Speaker     string          `json:"speaker"`
	SourceTexts []string        `json:"sources"`
	Sources     json.RawMessage `json:"-"`
}

// AttributionScore is the score of dossier's quotes against gold
// attributions (score.py's polnear).
type AttributionScore struct {
	Articles int `json:"articles"`
	Gold     int `json:"gold"`
	Ours     int `json:"ours"`
	// GoldMatched are the gold attributions one of our quotes overlaps
	// enough; OursMatched, our quotes that overlap a gold attribution.
	GoldMatched int     `json:"gold_matched"`
	OursMatched int     `json:"ours_matched"`
	Precision   float64 `json:"precision"`
	Recall      float64 `json:"recall"`
	F1          float64 `json:"f1"`
	// SpeakerJudgeable are the matched gold attributions whose source is
	// not only pronouns; SpeakerRight, those whose source our quote names.
	SpeakerJudgeable int     `json:"speaker_judgeable"`
	SpeakerRight     int     `json:"speaker_right"`
	Speaker          float64 `json:"speaker"`
	// Errors are what was wrong, in article order.
	Errors []AttributionError `json:"-"`
}

// AttributionError is a gold attribution no quote matched ("missed"), a
// quote that matches no gold attribution ("extra"), or a matched
// attribution whose speaker is wrong ("speaker").
type AttributionError struct {
	Kind    string       `json:"kind"`
	Article string       `json:"article"`
	Gold    *Attribution `json:"gold,omitempty"`
	Ours    *Quote       `json:"ours,omitempty"`
	// Overlap is the best overlap of the gold attribution with our
	// quotes (missed, speaker) or of our quote with the gold (extra).
	Overlap float64 `json:"overlap"`
}

// Line is the line score.py prints.
func (s *AttributionScore) Line() string {
	return fmt.Sprintf("polnear: %d articles, %d gold, %d ours; content P %.2f R %.2f F1 %.2f; speaker %.2f of %d judgeable",
		s.Articles, s.Gold, s.Ours, s.Precision, s.Recall, s.F1, s.Speaker, s.SpeakerJudgeable)
}

// ScoreAttributions scores quotes against the gold articles (one per
// stem, as ReadBrat gives them) as score.py does. Quotes of articles without gold are not counted. For each gold
// attribution the best quote is the first with the highest overlap; it
// matches at MinOverlap. The speaker is judged on the matched quote's
// speaker and the JSON of its sources, as score.py writes it.
func ScoreAttributions(gold []Article, quotes []Quote) AttributionScore {
	type ours struct {
		q       *Quote
		words   map[string]bool
		speaker string // what the speaker is judged on
	}
	byStem := map[string][]ours{}
	for i := range quotes {
		q := &quotes[i]
		byStem[q.Stem] = append(byStem[q.Stem], ours{q: q, words: Words(q.Text)})
	}
	s := AttributionScore{Articles: len(gold)}
	for _, art := range gold {
		o := byStem[art.Stem]
		s.Gold += len(art.Attributions)
		s.Ours += len(o)
		golds := make([]map[string]bool, len(art.Attributions))
		for i, g := range art.Attributions {
			golds[i] = Words(g.Content)
			best, bestOv := -1, 0.0
			for j := range o {
				if ov := overlapSets(o[j].words, golds[i]); best < 0 || ov > bestOv {
					best, bestOv = j, ov
				}
			}
			g := g
			if best < 0 || bestOv < MinOverlap {
				s.Errors = append(s.Errors, AttributionError{Kind: "missed", Article: art.Stem, Gold: &g, Overlap: bestOv})
				continue
			}
			s.GoldMatched++
			b := &o[best]
			if b.speaker == "" {
				b.speaker = b.q.Speaker + " " + sourcesText(b.q.Sources)
			}
			if right, ok := SpeakerRight(g.Source, b.speaker); ok {
				s.SpeakerJudgeable++
				if right {
					s.SpeakerRight++
				} else {
					s.Errors = append(s.Errors, AttributionError{Kind: "speaker", Article: art.Stem, Gold: &g, Ours: b.q, Overlap: bestOv})
				}
			}
		}
		for j := range o {
			hit, bestOv := false, 0.0
			for i := range golds {
				ov := overlapSets(o[j].words, golds[i])
				bestOv = math.Max(bestOv, ov)
				if ov >= MinOverlap {
					hit = true
					break
				}
			}
			if hit {
				s.OursMatched++
			} else {
				s.Errors = append(s.Errors, AttributionError{Kind: "extra", Article: art.Stem, Ours: o[j].q, Overlap: bestOv})
			}
		}
	}
	s.Recall = float64(s.GoldMatched) / float64(max(s.Gold, 1))
	s.Precision = float64(s.OursMatched) / float64(max(s.Ours, 1))
	s.F1 = 2 * s.Precision * s.Recall / math.Max(s.Precision+s.Recall, 1e-9)
	s.Speaker = float64(s.SpeakerRight) / float64(max(s.SpeakerJudgeable, 1))
	return s
}

// sourcesText is json.dumps(sources or ""), the text score.py adds to the
// speaker: the sources as Python writes them, or "" (quoted) when there
// are none.
func sourcesText(raw json.RawMessage) string {
	var v any
	if len(raw) == 0 || json.Unmarshal(raw, &v) != nil || falsy(v) {
		return `""`
	}
	s, err := pyDumps(raw)
	if err != nil {
		return `""`
	}
	return s
}

// falsy is Python's truth test of a value read from JSON.
func falsy(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case float64:
		return x == 0
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}
