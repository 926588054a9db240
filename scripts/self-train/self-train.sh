#!/bin/sh
# self-train.sh UD_DIR [WORK]: builds the shipped tagger and parser
# (data/text/syntax.model) in one command, from the treebank and the
# unlabeled news next to it, deterministically:
#
#  1. two models trained on UD English EWT alone: A with the base
#     recipe, B with more exploration and more passes;
#  2. PolNeAR's train articles and the 2016 debates (news the treebank
#     lacks; no development text) parsed by both;
#  3. the sentences of 4 to 60 words on which A and B give the same tags,
#     heads and relations kept (scripts/agree-parses);
#  4. the shipped model: one tagger and four parsers mixed, trained on
#     the treebank and those sentences.
#
# Run from the project root:
#
#	sh scripts/self-train/self-train.sh ../shared/corpora/ud
#
# WORK (default: a new temporary folder) keeps the models, the parses
# and the training cache; the model and its log are written to
# data/text/. About 45 CPU-minutes on two cores.
set -eu
ud=$1
work=${2:-$(mktemp -d)}
corpora=$(cd "$ud/.." && pwd)
mkdir -p "$work/a/text" "$work/b/text"
echo "self-train: working in $work" >&2
go build -o "$work/dossier" ./cmd/dossier
go run ./scripts/train-parser -cache "$work/cache" -log "" -out "$work/a/text/syntax.model" "$ud"
go run ./scripts/train-parser -cache "$work/cache" -log "" -explore 0.8 -parser-iters 15 -out "$work/b/text/syntax.model" "$ud"
for m in a b; do
	for f in "$corpora"/polnear/train/text/*.txt "$corpora"/debates2016/*.txt; do
		"$work/dossier" --data "$work/$m" parse "$f"
	done >"$work/$m.conllu"
done
go run ./scripts/agree-parses -min 4 -max 60 "$work/a.conllu" "$work/b.conllu" >"$work/agreed.conllu"
go run ./scripts/train-parser -cache "$work/cache" -tagger-seeds 1 -parser-seeds 4 -min-weight 1 -rows-in-order \
	-extra "$work/agreed.conllu" "$ud"
