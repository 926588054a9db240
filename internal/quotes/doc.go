// Package quotes finds what documents say people said, and checks quotes
// in coverage against primary records (transcripts, statements).
//
// # Extraction
//
// Extractor.Extract works on paragraphs (blank-line separated blocks) and,
// inside them, on sentences that never break inside a quotation. The
// reporting cues, titles, anonymity phrases and stop words are data:
// data/quotes/cues.yaml. Every Cue, Sources and Contents span is an offset
// range of Document.Text. Rules (Quote.Rule):
//
//   - transcript-turn: in a transcript with turns, each turn is one direct
//     quote of its speaker (Sources = the label, Contents = its paragraphs);
//     a questioner's turn has Question set. Nothing else is extracted there.
//   - direct-cue: a quotation in straight or curly double quotes, or in
//     single quotes that open after white space and close before white
//     space or punctuation and hold at least two words ("Union’s" is an
//     apostrophe), attributed by the nearest cue of its sentence. A
//     quotation in a sentence with no cue is a scare quote or a title and is
//     not reported. A quotation inside a quotation stays part of the outer
//     one. A double quote never closed runs to the end of its paragraph and
//     sets Unclosed; a single one never closed is ignored as an apostrophe.
//   - direct-split: “A,” she said, “B.” is one quote with two Contents.
//   - direct-continued: a quoted sentence with no words around it, right
//     after an attributed quote, is appended to that quote.
//   - direct-colon and block-colon: a paragraph ending "X said:" (or "told
//     reporters:") attributes the next paragraph; if it does not open with a
//     quotation mark, it is a block quotation (Direct, Contents = the
//     paragraphs). Further paragraphs join the block while they read as the
//     speaker's own words: first person, no third-person singular pronoun,
//     no reporting verb, no quotation mark.
//   - indirect-that, indirect-clause, indirect-trailing, indirect-according:
//     reported speech, Direct=false. "X said (…) that C" (that within
//     Thresholds.ThatWindow tokens), "X said C" when C opens like a clause
//     ("told" needs "that"), "C, he concluded." and "according to X, C" /
//     "C, according to X". C ends at the sentence end, at a quotation, or at
//     "but/and/while" followed by another cue ("specified C but stated
//     that …"), and must have MinIndirectWords to MaxIndirectWords words.
//
// The speaker is the phrase before the cue (a pronoun, or capitalised
// words, titles and determiners, skipping "also"-like words and one
// appositive between commas), after it for "said X" and "according to X",
// the subject after "Speaking to …," for participle cues, and the subject
// of an earlier cue for "… but stated". With a Resolver the actors stage
// names the speaker. Without one: a name is itself (a lone surname is
// completed from a fuller name in the document when unambiguous); "he" and
// "she" are the most recent named speaker of an earlier quote within
// PronounParagraphs paragraphs (else the most recent titled person); "they"
// and "it" the most recent speaker of any kind; a title ("the Prime
// Minister", "The General Secretary") is the person the document names with
// the same title, compared as a bag of words; an unresolved title gives an
// empty Speaker, so that it can never be taken for someone else. A phrase
// with an anonymity marker ("on condition of anonymity", "asked not to be
// named") or an unnamed-source head ("officials", "sources", "a senior
// official") is Anonymous, and its Speaker is the group ("US officials").
//
// # Verification
//
// Index holds the turns of transcripts and the paragraphs of statements as
// word sequences (ids into one vocabulary) with an inverted index stem →
// passages; memory grows with the primary records only. Index.Verify:
//
//  1. Candidates: passages sharing the quote's content stems, scored by
//     IDF; the quote's RareWords rarest stems always count, others only if
//     in at most CommonWordShare of the passages. The best Candidates
//     passages overall and the best Candidates of the quote's speaker are
//     kept.
//  2. Word alignment: words are folded (case, punctuation, curly
//     apostrophes; hyphens split). All quote words are aligned to the best
//     window of the passage (semi-global alignment: +2 match, −1 change,
//     −1 added or dropped word). Record words are skipped free only where
//     the quote has an ellipsis (…, ..., . . .) or a break between its
//     parts, and no more than MaxEllipsisWords of them. Similarity is Dice:
//     2·matches / (quote words + window words not under an ellipsis).
//  3. Speaker: names are compared folded, without honorifics; equal, or the
//     same surname with one name a surname only or a subset of the other.
//     SpeakerCode against Passage.Code when names are missing.
//
// Verdicts, first that applies:
//
//   - primary: the quote is in a primary record.
//   - unknown or anonymous speaker: a direct quote whose words align
//     verbatim (or, with MinAlteredWords, at ≥ Altered) anywhere gets
//     verbatim (or altered), and Diff notes "speaker not verified" with the
//     record's speaker; reported speech gets no-primary-record.
//   - verbatim: a direct quote aligned to a passage of its speaker with
//     every word matched in order and gaps only under ellipses.
//   - wrong-speaker: the words align at ≥ WrongSpeaker to another
//     speaker's passage, better than to any of the speaker's own, and the
//     quote has ≥ MinWrongSpeakerWords words (for reported speech: and no
//     supporting passage of the speaker).
//   - altered: a direct quote aligned at ≥ Altered to a passage of its
//     speaker, ≥ MinAlteredWords words; Diff is the word diff, "[-record-]"
//     for removed and "{+quote+}" for added words, two words of context and
//     "…" elsewhere.
//   - paraphrase-supported: reported speech (never a direct quote) with
//     ≥ MinParaphraseWords content stems, of which an IDF-weighted share
//     ≥ Paraphrase occurs in one window of whole sentences of a passage of
//     the same speaker (window ≤ max(ParaphraseWindow × content stems,
//     ParaphraseWindowMin) content words). Score is that share.
//   - no-primary-record: otherwise, and whenever the index is empty. Score
//     is the best similarity found with the speaker's passages; Primary is
//     nil.
//
// Primary is the aligned window (not the whole turn); Score is in [0,1].
//
// # Thresholds
//
// All numbers live in Thresholds; DefaultThresholds: PronounParagraphs 3,
// ThatWindow 12, MinIndirectWords 3, MaxIndirectWords 120,
// MaxSentenceTokens 400, Candidates 12, CommonWordShare 0.05 (from 200
// passages), RareWords 3, Altered 0.6, MinAlteredWords 4, WrongSpeaker 0.9,
// MinWrongSpeakerWords 5, Paraphrase 0.6, MinParaphraseWords 3,
// ParaphraseWindow 3, ParaphraseWindowMin 30, MaxEllipsisWords 400.
package quotes
