// Package evaluate scores dossier against gold data in the formats the
// field uses, with exactly the rules of the project's scorer
// (shared/eval/score.py), so that a researcher's figures from
// `dossier eval` and the project's figures from score.py are the same
// figures.
//
// In: PLOVER gold records (JSON Lines) with the output of dossier's batch
// coder for them; brat attribution files (Source/Cue/Content spans) with
// the quotes dossier extracted from the same articles. Out: the scores
// (counts and ratios), the one-line summary score.py prints, and the
// records each task got wrong.
//
// Matching rules follow score.py to the character: texts are compared as
// sets of words after the same normalisation (NFKC, Python's lower-casing,
// everything but word characters, apostrophes and spaces turned into
// spaces); a quote matches a gold attribution when the words they share
// are at least half of the smaller set; the first annotator's file (in
// name order) is the gold of an article; a gold source made only of
// pronouns cannot be judged. Where Python's string functions differ from
// Go's (what is a word character, what is white space, how Σ is
// lower-cased, how json.dumps writes a value), this package does what
// Python does.
package evaluate
