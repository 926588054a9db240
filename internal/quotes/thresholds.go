package quotes

// Thresholds holds every tunable number of the package. The package
// documentation explains each; DefaultThresholds gives the values dossier
// uses.
type Thresholds struct {
	// Extraction.

	// PronounParagraphs is how many paragraphs back a pronoun may find
	// its speaker.
	PronounParagraphs int
	// ThatWindow is how many tokens after a cue a "that" may come and
	// still open the reported content ("told Associated Press on Monday
	// that …").
	ThatWindow int
	// MinIndirectWords is the fewest words reported content may have.
	MinIndirectWords int
	// MaxIndirectWords is the most: longer "content" is a misreading of
	// the sentence (and would make extraction quadratic on run-on text).
	MaxIndirectWords int
	// MaxSentenceTokens: a "sentence" with more tokens outside its
	// quotations is run-on text, and no attribution is read from it.
	MaxSentenceTokens int

	// Verification.

	// Candidates is how many passages, ranked by shared rare words, are
	// aligned word by word against a quote.
	Candidates int
	// CommonWordShare: a word in more than this share of the passages is
	// not used to find candidates (it still counts in alignment), once the
	// index holds at least CommonWordMinPassages passages.
	CommonWordShare       float64
	CommonWordMinPassages int
	// RareWords is how many of the quote's rarest words are used to find
	// candidates even when they are common.
	RareWords int
	// MaxPostings: a word in more passages than this is never used to
	// find candidates, not even as one of the rarest, so that the work
	// per quote does not grow with the dossier (a quote made only of such
	// words finds no record: not verified).
	MaxPostings int
	// Altered is the lowest alignment similarity (Dice of matched words)
	// for which a direct quote that is not verbatim is "altered" rather
	// than "no-primary-record"; MinAlteredWords is the fewest quote words
	// for that call: a shorter quote is a phrase, which a speaker may use
	// in other words on another occasion, not a statement that can be
	// shown to be changed.
	Altered         float64
	MinAlteredWords int
	// WrongSpeaker is the lowest alignment similarity with another
	// speaker's passage for "wrong-speaker"; MinWrongSpeakerWords is the
	// fewest quote words for that call, and MinWrongSpeakerContent the
	// fewest distinct content words: a formula anyone may say ("I am
	// not going to do that, and I will tell you why") tells nobody's
	// words from another's.
	WrongSpeaker           float64
	MinWrongSpeakerWords   int
	MinWrongSpeakerContent int
	// Paraphrase is the lowest weighted share of the reported content's
	// words found in a passage window of the same speaker for
	// "paraphrase-supported"; MinParaphraseWords is the fewest content
	// words the reported speech must have.
	Paraphrase         float64
	MinParaphraseWords int
	// ParaphraseWindow bounds the passage window a paraphrase is scored
	// against: at most max(ParaphraseWindow × content words,
	// ParaphraseWindowMin) content words of whole sentences.
	ParaphraseWindow    float64
	ParaphraseWindowMin int
	// MaxEllipsisWords is the most record words an ellipsis may stand for.
	MaxEllipsisWords int
	// NameEdits is the most letters by which a given name (a word of a
	// speaker's name before the surname) may differ, by letters added
	// or dropped only, and still be the same name ("Aden" and "Aaden"),
	// when the longer has at least NameEditMinRunes letters and both
	// begin alike. A changed letter makes another name ("Mark", "Mary");
	// surnames must be equal.
	NameEdits        int
	NameEditMinRunes int
	// MinQuestionWords is the fewest words, and content words, of a
	// quote found verbatim only in a questioner's turn for it to be
	// "wrong-speaker" when the coverage gives it to someone else.
	MinQuestionWords int
	// MinQuoteWords and MinContentWords: a quote with fewer words, or
	// fewer distinct content words (not stop words), is a fragment
	// ("fear", "the gold standard") that anyone may have said: it is
	// "too-short", never compared with a record.
	MinQuoteWords   int
	MinContentWords int
	// AlteredCoverage is the least share of the quote's words that must
	// match the record, in order, for "altered": less, and the quote is
	// not the record's sentence changed but another sentence.
	AlteredCoverage float64
}

// DefaultThresholds returns the thresholds dossier uses.
func DefaultThresholds() Thresholds {
	return Thresholds{
		PronounParagraphs:      3,
		ThatWindow:             12,
		MinIndirectWords:       3,
		MaxIndirectWords:       120,
		MaxSentenceTokens:      400,
		Candidates:             12,
		CommonWordShare:        0.05,
		CommonWordMinPassages:  200,
		RareWords:              3,
		MaxPostings:            2000,
		Altered:                0.6,
		MinAlteredWords:        8,
		WrongSpeaker:           0.9,
		MinWrongSpeakerWords:   5,
		MinWrongSpeakerContent: 4,
		Paraphrase:             0.6,
		MinParaphraseWords:     5,
		ParaphraseWindow:       3,
		ParaphraseWindowMin:    30,
		MaxEllipsisWords:       400,
		MinQuoteWords:          3,
		MinContentWords:        2,
		AlteredCoverage:        0.75,
		NameEdits:              1,
		NameEditMinRunes:       5,
		MinQuestionWords:       2,
	}
}
