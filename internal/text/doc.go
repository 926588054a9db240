// Package text is dossier's text layer: it splits a document into
// paragraphs, sentences and tokens with exact byte offsets, tags the
// tokens with Penn Treebank part-of-speech tags and proposes candidate
// proper-name spans. Every later stage builds on it.
package text
