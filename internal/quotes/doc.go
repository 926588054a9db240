// Package quotes finds what documents say people said, and checks quotes
// in coverage against primary records (transcripts, statements).
//
// # Extraction
//
// Extractor.Extract reads the text layer (internal/text): paragraphs,
// sentences, tokens and the dependency tree of each sentence. The cue
// verbs and nouns, titles, honorifics, anonymity phrases and the other
// closed-class words are data: data/quotes/cues.yaml, with two lists
// generated from WordNet (source-nouns.txt, person-nouns.txt). Every
// Cue, Sources and Contents span is an offset range of Document.Text.
// Rules (Quote.Rule):
//
//   - transcript-turn: in a transcript with turns, each turn is one direct
//     quote of its speaker (Sources = the label, Contents = its paragraphs);
//     a questioner's turn has Question set. Nothing else is extracted there.
//   - direct-cue: a quotation in straight or curly double quotes (or two
//     apostrophes, ” and “…”), or in single quotes that open after
//     white space and close before white space or punctuation and hold at
//     least two words ("Union’s" is an apostrophe; a ” with none open
//     before a word opens one, typed for “), attributed to the cue the
//     tree ties to it (its complement is quoted, the quotation lies in
//     what the cue reports, or the cue is inserted in it), else the
//     nearest speech cue of the sentences it touches that is not in a
//     clause of its own with its own subject ("“…,” when X blasted him").
//     A cue in a modal's perfect ("would have said") reports nothing. A
//     quotation with no
//     cue is a scare quote or a title and is not reported; a few quoted
//     words inside what a cue reports belong to that report. A double
//     quote never closed runs to the end of its paragraph and sets
//     Unclosed.
//   - direct-split: “A,” she said, “B.” is one quote with two Contents.
//   - direct-continued: a quoted sentence with no words around it, right
//     after an attributed quote, is appended to that quote.
//   - direct-byline: a quotation opening its line, signed after it by a
//     dash and a full name that ends the line (“…” ― Ana Z. Ruiz: a vox
//     pop, an epigraph), with no cue, is that person's.
//   - direct-colon and block-colon: a paragraph ending "X said:" attributes
//     the next paragraph; if it does not open with a quotation mark, it is
//     a block quotation, joined by further paragraphs while they read as
//     the speaker's own words.
//   - indirect-that, indirect-clause, indirect-trailing,
//     indirect-according, indirect-in: reported speech, Direct=false, read
//     from the tree (see tree.go): the cue's clausal complement, a
//     that-clause, the clause the cue is inserted in ("C, he said"),
//     "according to X", what a poll or a survey reports ("In a poll
//     released Sunday, C", evidence, not anyone's words), and
//     for verbs that take their content as an object ("called the plan a
//     disaster") the rest of the clause. Content of only times and
//     pronouns ("called Friday for …") reports nothing; a headline gives
//     no reported speech.
//
// The source is the cue's subject in the tree, through coordinated and
// controlled verbs ("allowed her staff to think": the staff) and relative
// pronouns; words inside the quotation are never its source, nor is what
// a passive verb acts on unless it is someone. Where the parse lost the
// subject, it is the name right before the cue that opens its clause
// ("…, Sanders on Tuesday said"), a name in apposition there, the phrase
// of "as X put it", the one a recording shows saying it ("footage of X
// saying"), or else the nearest subject before the cue that can name a
// source. For a direct quote, the news frame is read from the
// words when the parse gives no subject outside the quotation (frame.go:
// “…,” Rep. X (D-Y) said Friday; “…,” said X, whose …). The speaker is
// then, in order: the Resolver's answer (the mentions stage), unless it
// is made of the phrase's own title words, is a person the document
// names only later, or is the possessor of the phrase ("her campaign",
// "Varga's lawyer": the resolver is asked without the possessor); the
// name in the phrase (the proper nouns after the last title or form of
// address, without what brackets say, "Mr. King" keeping its surname, a
// person noun before a name being a title: "Majority Leader X"), a lone
// surname completed from the one fuller name the document gives; for
// "he" and "she" the speaker of the quote before in the paragraph or the
// previous one, else the subject that names or titles a person before
// it, never across an unresolved quotation and never of the other
// gender by title; for "it" and "they", the group or body that is the
// subject before them in their sentence or, opening it, in the sentence
// before; for a title, the person the document named earlier
// with the same title, qualifiers and complement. A group or body that
// names itself ("critics", "the White House") is its own words
// (SpeakerBy "phrase"). A person described but not named ("the Vermont
// senator") is shown as the description (SpeakerBy "description"): it
// names no one, is never verified as a speaker, and gives no pronoun
// after it a name. A phrase with an anonymity marker ("on condition of
// anonymity") or an unnamed-source head ("officials", "a senior
// official") is Anonymous, and its Speaker is the group ("US officials").
//
// # Verification
//
// Index holds the turns of transcripts and the paragraphs of statements as
// word sequences (ids into one vocabulary) with an inverted index stem →
// passages; memory grows with the primary records only. A statement's
// paragraphs are spoken by its only speaker, else its publisher (often
// nobody); a direct quotation inside a statement whose speaker the
// statement names is also indexed as a passage of that speaker. A run of
// turns of one speaker in a row (an answer the transcript writes over
// several labelled paragraphs) is a passage of its own, asked only when
// the turns themselves give a quote no verdict, and counted in no
// statistic of the others. Index.Verify:
//
//  1. Candidates: passages sharing the quote's content stems, scored by
//     IDF; the quote's RareWords rarest stems always count, others only if
//     in at most CommonWordShare of the passages, and none that is in
//     more than MaxPostings passages (the work per quote is bounded
//     whatever the size of the dossier). The best Candidates
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
// passages), RareWords 3, MaxPostings 2000, Altered 0.6, MinAlteredWords 4, WrongSpeaker 0.9,
// MinWrongSpeakerWords 5, Paraphrase 0.6, MinParaphraseWords 3,
// ParaphraseWindow 3, ParaphraseWindowMin 30, MaxEllipsisWords 400,
// SameSentence 0.85, MinSameSentenceWords 8, NameEdits 1,
// NameEditMinRunes 5, MinQuestionWords 2.
package quotes
