// Package quotes finds what documents say people said, and checks quotes
// in coverage against primary records (transcripts, statements).
//
// # Extraction
//
// Extractor.Extract works on paragraphs (blank-line separated blocks) and,
// inside them, on sentences that never break inside a quotation (but do
// break right after one that closes on a full stop, question or
// exclamation mark when a new sentence begins: “… next year.” She said). The
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
//     and the verb is one of clause_verbs (so "told" and "announced the
//     deal" need "that"), "C, he concluded." and "according to X, C" /
//     "C, according to X" (also "C, according to X who …", whose words
//     after X describe X). C ends at the sentence end, at a quotation, or at
//     "but/and/while" followed by another cue ("specified C but stated
//     that …"), or at the comma, "and" or "but" before a reporter's aside
//     closing the sentence (reporter_asides: ", which did not respond to
//     requests for comment"), and must have MinIndirectWords to
//     MaxIndirectWords words. When the words between the cue and
//     "that" hold an auxiliary or a negation (clause_markers: "said the
//     board had not shown that …"), they are the content's own clause:
//     C starts right after a clause verb, and other verbs report
//     nothing. A headline (the paragraph that is Document.Title, or a
//     first one-line paragraph not ending like a sentence) gives no
//     reported speech; a quotation with a cue there is still a quote.
//
// The speaker is the phrase before the cue (a pronoun, or capitalised
// words, titles and determiners, with a title's complement "of the
// Council" / "for Health", skipping "also"-like words, "on Monday" and one
// appositive between commas), after it for "said X" and "according to X",
// the subject after "Speaking to …," for participle cues (else, as in
// "X accused Y of “…”, in an interview", the subject of the sentence's
// reporting verb), and the subject
// of an earlier cue for "… but stated". With a Resolver the actors stage
// names the speaker, except when its answer is made of the phrase's own
// title words while the phrase holds another name or only a title ("Mayor"
// or "British Ambassador" for "British Ambassador Jane Doe", "Health" for
// "the Secretary for Health"), or is a person the document first names
// only after the quote; then the built-in rules decide. Built-in rules: a
// name is itself, the capitalised words after the last title ("Ministry
// of Health" keeps its "of"; a lone surname is completed from a fuller
// name in the document when unambiguous); a title followed by an
// appositive name ("The Chair, Jane Doe, said") is that name; "he" and
// "she" are the most recent named speaker of an earlier quote within
// PronounParagraphs paragraphs (else the most recent titled person); "they"
// and "it" the most recent speaker of any kind; a title ("the Prime
// Minister", "The General Secretary") is the person the document names
// earlier with the same title, compared as a bag of words, with the same
// qualifiers ("British", "Russia's deputy") and, when the phrase has one,
// the same complement ("the president of Congress" is not "President Jane
// Doe"); never a person named only later. An unresolved title gives an
// empty Speaker, so that it can never be taken for someone else (the
// phrase stays in Sources and Quote.SpeakerText shows it). A phrase
// with an anonymity marker ("on condition of anonymity", "asked not to be
// named") or an unnamed-source head ("officials", "sources", "a senior
// official") is Anonymous, and its Speaker is the group ("US officials").
//
// # Verification
//
// Index holds the turns of transcripts and the paragraphs of statements as
// word sequences (ids into one vocabulary) with an inverted index stem →
// passages; memory grows with the primary records only. A statement's
// paragraphs are spoken by its only speaker, else its publisher (often
// nobody); a direct quotation inside a statement whose speaker the
// statement names is also indexed as a passage of that speaker.
// Index.Verify:
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
//     parts, and no more than MaxEllipsisWords of them, and never a
//     negation (data/quotes/cues.yaml negations, or a word ending in
//     "n't") inside the sentence the ellipsis cuts: "we will … pay" is
//     not "we will not pay". Similarity is Dice: 2·matches / (quote
//     words + window words not under an ellipsis).
//  3. Speaker: names are compared folded, without honorifics or a leading
//     title ("Mayor Doe" is "doe"); equal, or the same surname with one
//     name a surname only or a subset of the other, where a given name
//     may differ by NameEdits added or dropped letters ("Aden" is
//     "Aaden"; a changed letter is another name). SpeakerCode against
//     Passage.Code when names are missing. A passage whose speaker has
//     neither name nor code is unnamed: it can confirm words, never a
//     speaker. A questioner's turn (Turn.Question, Speaker.Questioner)
//     holds the questioner's words: it never confirms a quote of
//     anyone else.
//
// Verdicts, first that applies:
//
//   - primary: the quote is in a primary record.
//   - unknown or anonymous speaker (direct quotes; reported speech gets
//     no-primary-record): words found verbatim only in a questioner's
//     turn give no-primary-record with Diff noting QuestionerWords (the
//     checks report it at medium severity); words that align verbatim
//     with any other passage give verbatim, and Diff notes
//     SpeakerNotVerified with the record's speaker; for an unknown (not
//     anonymous) speaker, words that are plainly the same sentence as a
//     passage (similarity ≥ SameSentence and ≥ MinSameSentenceWords
//     words, or ≥ MinAlteredWords when the change is a negation) give
//     altered with the same note. An anonymous source is someone else
//     than the record's speaker and may say the same in other words.
//     Otherwise no-primary-record.
//   - verbatim: a direct quote aligned to a passage of its speaker with
//     every word matched in order and gaps only under ellipses.
//   - wrong-speaker (questioner): a direct quote found verbatim in a
//     questioner's turn, with ≥ MinQuestionWords words and content
//     words, better than in any other passage; Diff notes
//     QuestionerWords.
//   - wrong-speaker: the words align at ≥ WrongSpeaker to a passage of
//     another speaker the record names, better than to any of the
//     speaker's own and no worse than to any unnamed passage, and the
//     quote has ≥ MinWrongSpeakerWords words (for reported speech: and no
//     supporting passage of the speaker). An unnamed record speaker never
//     makes a quote wrong-speaker.
//   - unnamed record: a direct quote aligned better to an unnamed passage
//     than to any of its speaker's, verbatim or at ≥ Altered with
//     ≥ MinAlteredWords words, gets verbatim or altered on the words, and
//     Diff notes SpeakerNotVerified ("the record does not name its
//     speaker"); the checks report such an altered quote at medium, not
//     high, severity.
//   - altered: a direct quote aligned at ≥ Altered to a passage of its
//     speaker, ≥ MinAlteredWords words; Diff is the word diff, "[-record-]"
//     for removed and "{+quote+}" for added words, two words of context and
//     "…" elsewhere.
//   - altered, speaker not verified: a direct quote that is plainly the
//     same sentence (as above) as a passage of another named speaker,
//     better than any of its speaker's own, but not wrong-speaker; Diff
//     notes SpeakerNotVerified with the record's speaker (medium
//     severity in the checks).
//   - paraphrase-supported: reported speech (never a direct quote) with
//     ≥ MinParaphraseWords content stems, of which an IDF-weighted share
//     ≥ Paraphrase occurs in one window of whole sentences of a passage of
//     the same speaker (window ≤ max(ParaphraseWindow × content stems,
//     ParaphraseWindowMin) content words). Score is that share.
//   - no-primary-record: otherwise, and whenever the index is empty. Score
//     is the best similarity found with the speaker's passages; Primary is
//     nil (except for a questioner's words: the question).
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
// ParaphraseWindow 3, ParaphraseWindowMin 30, MaxEllipsisWords 400,
// SameSentence 0.85, MinSameSentenceWords 8, NameEdits 1,
// NameEditMinRunes 5, MinQuestionWords 2.
package quotes
