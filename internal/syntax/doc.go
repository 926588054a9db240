// Package syntax is dossier's trained linguistic model: a part-of-speech
// tagger, a lemmatizer and a dependency parser, all learned from a
// Universal Dependencies treebank and shipped inside the binary as one
// compact model file (data/text/syntax.model).
//
// In: the words of one sentence, as the text layer tokenized them.
// Out: for every word, its universal (UPOS) and Penn Treebank (XPOS) tags,
// its lemma, its head (another word of the sentence, or the root) and the
// Universal Dependencies relation to that head.
//
// # Design
//
// Tagger: a greedy left-to-right averaged perceptron over joint UPOS|XPOS
// classes, with the usual lexical features (the word, its neighbours,
// prefixes, suffixes, shape), the two previous predicted tags, and the
// ambiguity classes of the next two words (the tags the training data gave
// them), which stand in for a right-to-left pass.
//
// Lemmatizer: a table of the training data's (word, tag) → lemma pairs that
// the rules below do not already produce, and, for unseen words, suffix
// rules learned from the training data ("-ies" NNS → "-y"), chosen by the
// longest suffix whose rule is reliable.
//
// Parser: a greedy transition-based parser with the arc-hybrid system
// (Kuhlmann, Gómez-Rodríguez and Satta 2011), the root placed at the end of
// the buffer so that every sentence gets exactly one root (Ballesteros and
// Nivre 2013), trained as an averaged perceptron with the dynamic oracle
// and exploration of Goldberg and Nivre (2013) over the rich feature set of
// Zhang and Nivre (2011), adapted to the arc-hybrid stack. We chose it over
// arc-eager because its dynamic oracle is exact and simple for projective
// trees (arc-decomposable: the cost of a transition is the number of gold
// arcs it makes unreachable), because it needs no special treatment for
// words left headless at the end, and because greedy decoding keeps the
// parser linear in the sentence length: 2n transitions. Training trees
// are projectivized by lifting (the few non-projective arcs of English are
// attached to an ancestor of their head); the parser outputs projective
// trees. Beam search would add about a point of accuracy at several times
// the cost; the greedy parser meets the targets the project set.
//
// Training can make the tagger and the parser each the mix of several,
// trained with different seeds (their order of the sentences and the
// parser's exploration) and averaged weight by weight into one table
// (parameter mixing, Mann et al. 2009; McDonald, Hall and Mann 2010): the
// mean of perceptrons that made different mistakes is steadier than any
// one of them, for the run-time cost of one model. A mix of four of each
// meets the targets of issue 10 on EWT dev; the shipped model is still
// one of each (the README says why).
//
// Features are 64-bit hashes of small integers (a template number, word
// hashes, tag and relation numbers): no string is hashed more than once per
// word, and the only string-keyed maps read on the hot path are the
// caches of a word's lexical features and lemma (one lookup a word, in
// place of computing them). The weights of a
// feature are stored sparsely, one (class, weight) pair per class the
// perceptron ever updated, in an open-addressing table of cache-line
// buckets (weights.go). Loading lays the table out again for reading
// (index.go): buckets searched without a branch per slot, and the long rows
// of the features read most spread out dense and added with vector
// instructions where the processor has them; the scores are exactly those
// of the table as stored.
//
// The model is trained by scripts/train-parser, deterministically for a
// given seed; see that command for the figures of the shipped model.
package syntax
