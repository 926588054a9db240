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
	// Altered is the lowest alignment similarity (Dice of matched words)
	// for which a direct quote that is not verbatim is "altered" rather
	// than "no-primary-record"; MinAlteredWords is the fewest quote words
	// for that call.
	Altered         float64
	MinAlteredWords int
	// WrongSpeaker is the lowest alignment similarity with another
	// speaker's passage for "wrong-speaker"; MinWrongSpeakerWords is the
	// fewest quote words for that call.
	WrongSpeaker         float64
	MinWrongSpeakerWords int
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
	// SameSentence is the lowest alignment similarity at which a direct
	// quote is taken for the same sentence as a record passage even when
	// the speakers cannot be matched (the quote names nobody, or the
	// record gives the words to someone the quote's speaker cannot be
	// told apart from): it is then "altered" with the note that the
	// speaker is not verified, not "no-primary-record".
	// MinSameSentenceWords is the fewest quote words for that call;
	// a quote whose difference from the record adds or drops a negation
	// (data/quotes/cues.yaml negations) needs only MinAlteredWords.
	SameSentence         float64
	MinSameSentenceWords int
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
}

// DefaultThresholds returns the thresholds dossier uses.
func DefaultThresholds() Thresholds {
	return Thresholds{
		PronounParagraphs:     3,
		ThatWindow:            12,
		MinIndirectWords:      3,
		MaxIndirectWords:      120,
		MaxSentenceTokens:     400,
		Candidates:            12,
		CommonWordShare:       0.05,
		CommonWordMinPassages: 200,
		RareWords:             3,
		Altered:               0.6,
		MinAlteredWords:       4,
		WrongSpeaker:          0.9,
		MinWrongSpeakerWords:  5,
		Paraphrase:            0.6,
		MinParaphraseWords:    3,
		ParaphraseWindow:      3,
		ParaphraseWindowMin:   30,
		MaxEllipsisWords:      400,
		SameSentence:          0.85,
		MinSameSentenceWords:  8,
		NameEdits:             1,
		NameEditMinRunes:      5,
		MinQuestionWords:      2,
	}
}
