// Package text is dossier's text layer: it splits a document into
// paragraphs, sentences and tokens with exact byte offsets, tags the
// tokens with Penn Treebank part-of-speech tags and proposes candidate
// proper-name spans. Every later stage (actor mentions, time expressions,
// quotes, event coding) builds on it.
//
// Use one Analyzer for the whole program: New loads the word lists, the
// Punkt training data and the POS model once (a few hundred ms), after
// which the Analyzer is read-only and Analyze may be called from any
// number of goroutines. Analyze allocates in proportion to the document
// and keeps no state between calls.
//
// # Offsets
//
// Every Paragraph, Sentence, Token, Name (and speaker label, honorific)
// carries half-open byte offsets into Doc.Text, and its text is exactly
// Doc.Text[Start:End]. Tokens never overlap, and every rune of the text
// that is not white space lies in exactly one token.
//
// # Paragraphs
//
// Blank lines (lines of white space only, U+00A0 NO-BREAK SPACE and
// zero-width spaces included) separate paragraphs. A speaker label that
// opens a line ("AMINA YUSUF:", "Q:", "JOHN DOE (Minister of Finance):")
// also starts a paragraph, since transcripts put turns on consecutive
// lines; its name part is Paragraph.Label. The text layer does not look
// for labels: ingest reads a transcript's turns (model.Document.Turns),
// and the caller passes their labels with TurnLabels. Any other single line
// break is taken for line wrapping and stays inside the paragraph: we do
// not guess headings from short lines, which would split wrapped text.
//
// # Sentences
//
// We measured github.com/neurosnap/sentences (Punkt, English) at about
// 5 MB/s and 41,000 sentences/s on the example documents, fast enough for
// the 5,000 sentences/s target. We still do not run it: it tokenizes the
// text a second way, its boundaries would have to be mapped back onto our
// tokens, and the cases we must get right (ellipses that continue a
// sentence, "(sp?)", ". . ." closing a paragraph, titles before names)
// would need patching around it. Instead a rule-based splitter works on
// our own tokens and uses Punkt's English training data (its
// orthographic context and sentence starters) together with our
// abbreviation list (data/text/abbreviations.txt) and the POS model's
// lexicon. The rules are documented on splitSentences. Sentences never
// cross paragraphs.
//
// # Quotations
//
// The quotations of each paragraph (Doc.Quotations, ParagraphQuotations)
// are read from its quotation marks once, here, for every stage that
// asks whether words are quoted: curly, straight, „ « », two apostrophes
// (or two backquotes to open) for a double mark, single marks around two words or more, and
// one left open at the paragraph's end (the rules are on
// findQuotations). A quotation may run over several sentences; it never
// crosses paragraphs, as news opens each paragraph of a long quotation
// with a mark of its own.
//
// # Tokens
//
// Our own tokenizer, close to Penn Treebank conventions: possessives and
// clitics are split ("AU" "’s", "do" "n't"); "U.S.", "Mr.", "e.g." and
// initials keep their periods; hyphenated words, numbers with commas and
// decimals, times, e-mail and web addresses are one token; "%" and
// currency signs are tokens of their own; "...", "…" and ". . ." are one
// token each; curly and straight quotes and dashes are separate tokens.
//
// # Tags
//
// Tags come from the averaged-perceptron model that ships inside
// github.com/jdkato/prose/v2. prose only tags the output of its own
// tokenizer, which has no offsets, and its tagger is unexported, so we
// read the model's weights from prose's embedded assets (prose.Asset) and
// run the inference ourselves (tagger.go): the same features, compiled
// into a flat table at load time. A test checks it against a plain
// reference implementation on the raw weights. Tokens are shown to the
// model in the form it was trained on (Penn quote tokens of two
// backquotes or two apostrophes, -- for dashes,
// ... for ellipses, straight apostrophes); punctuation is tagged by rule.
// prose's named-entity labels are not used.
//
// # Names
//
// Doc.Names proposes candidate proper names: speaker labels, and maximal
// runs of capitalised words with their connectors ("Bank of England",
// "Hassan bin Saleh", "George W. Bush"). Forms of address are kept out of
// the span and reported as Name.Honorific. The rules are documented on
// findNames. They favour precision: sentence-initial common words,
// calendar words and title-case headline words are left out. Runs may
// over-merge a title with a name ("Prime Minister of X Y Z"); resolving
// them is the actor stage's job.
package text
