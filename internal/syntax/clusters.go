package syntax

import (
	"math"
	"sort"
)

// Word clusters learned from unlabeled text give the tagger and the parser
// something to say about words the treebank never saw: a word in the
// cluster of "minister", "spokesman" and "governor" is most likely a noun
// and the subject of the verb after it.
//
// The clusters come from the predictive exchange algorithm (Uszkoreit and
// Brants 2008): each word goes to the class that best predicts it from the
// word before it, P(w | v) = P(class(w) | v) P(w | class(w)), moved one word
// at a time to whichever class raises the likelihood of the text most. It
// is the algorithm behind mkcls-style clusters; each pass costs the number
// of distinct word pairs times the number of classes.

// clusterSizes are the granularities learned: one feature per size.
var clusterSizes = [3]int{32, 256, 1024}

// ClusterInput is unlabeled text for clustering: sentences of words.
type ClusterInput [][]string

// clusterTable maps a word's hash (normForm) to its classes packed in
// 10-bit fields, one per size in clusterSizes, each stored plus one (0 is
// "no class").
type clusterTable = u64map

// trainClusters learns the clusters of every word seen at least minCount
// times.
func trainClusters(text ClusterInput, minCount, iters int, log func(string, ...any)) *clusterTable {
	// word ids by normalised form
	id := map[uint64]int32{}
	var count []int64
	var buf []byte
	seqs := make([][]int32, 0, len(text))
	for _, s := range text {
		seq := make([]int32, len(s))
		for i, w := range s {
			buf = normForm(w, buf)
			h := hashBytes(buf)
			k, ok := id[h]
			if !ok {
				k = int32(len(count))
				id[h] = k
				count = append(count, 0)
			}
			count[k]++
			seq[i] = k
		}
		seqs = append(seqs, seq)
	}
	// Rare words share one id; so does the sentence start.
	rank := make([]int32, len(count))
	for i := range rank {
		rank[i] = int32(i)
	}
	sort.Slice(rank, func(i, j int) bool {
		a, b := rank[i], rank[j]
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return a < b
	})
	vocab := make([]int32, len(count)) // old id → new id, or -1
	for i := range vocab {
		vocab[i] = -1
	}
	V := 0
	for _, w := range rank {
		if count[w] >= int64(minCount) {
			vocab[w] = int32(V)
			V++
		}
	}
	rare, start := int32(V), int32(V+1)
	nCtx := V + 2
	// predecessors of each clustered word, with counts
	type pc struct {
		v int32
		n int64
	}
	predMap := make([]map[int32]int64, V)
	wcount := make([]int64, V)
	for _, seq := range seqs {
		prev := start
		for _, k := range seq {
			w := vocab[k]
			if w >= 0 {
				if predMap[w] == nil {
					predMap[w] = map[int32]int64{}
				}
				predMap[w][prev]++
				wcount[w]++
				prev = w
			} else {
				prev = rare
			}
		}
	}
	pred := make([][]pc, V)
	for w, m := range predMap {
		for v, n := range m {
			pred[w] = append(pred[w], pc{v, n})
		}
		sort.Slice(pred[w], func(i, j int) bool { return pred[w][i].v < pred[w][j].v })
	}
	out := map[uint64]uint64{}
	for si, C := range clusterSizes {
		if V < C {
			C = V
		}
		class := make([]int32, V)
		for w := range class {
			class[w] = int32(w % C)
		}
		nvc := make([]int64, nCtx*C)
		nc := make([]int64, C)
		for w := range V {
			c := class[w]
			nc[c] += wcount[w]
			for _, p := range pred[w] {
				nvc[int(p.v)*C+int(c)] += p.n
			}
		}
		delta := make([]float64, C)
		for it := range iters {
			moved := 0
			for w := range V {
				a := class[w]
				for _, p := range pred[w] {
					nvc[int(p.v)*C+int(a)] -= p.n
				}
				nc[a] -= wcount[w]
				for c := range delta {
					delta[c] = xlogx(nc[c]) - xlogx(nc[c]+wcount[w])
				}
				for _, p := range pred[w] {
					row := nvc[int(p.v)*C : int(p.v)*C+C]
					for c, x := range row {
						if x == 0 {
							delta[c] += xlogx(p.n)
						} else {
							delta[c] += xlogx(x+p.n) - xlogx(x)
						}
					}
				}
				b := a
				for c := range delta {
					if delta[c] > delta[b]+1e-9 {
						b = int32(c)
					}
				}
				if b != a {
					moved++
				}
				class[w] = b
				for _, p := range pred[w] {
					nvc[int(p.v)*C+int(b)] += p.n
				}
				nc[b] += wcount[w]
			}
			if log != nil {
				log("clusters", "classes", C, "pass", it+1, "words moved", moved)
			}
			if moved == 0 {
				break
			}
		}
		for h, k := range id {
			if w := vocab[k]; w >= 0 {
				out[h] |= uint64(class[w]+1) << (10 * si)
			}
		}
	}
	return newU64Map(out)
}

// xlogx is x·ln x, with small counts from a table.
func xlogx(x int64) float64 {
	if x <= 0 {
		return 0
	}
	if x < int64(len(xlogxTable)) {
		return xlogxTable[x]
	}
	f := float64(x)
	return f * math.Log(f)
}

var xlogxTable = func() [1 << 12]float64 {
	var t [1 << 12]float64
	for i := 1; i < len(t); i++ {
		t[i] = float64(i) * math.Log(float64(i))
	}
	return t
}()

// clusterOf returns word hash w's class at size index k, or a value no class
// has.
func clusterOf(t *clusterTable, w uint64, k int) uint64 {
	v, ok := t.get(w)
	if !ok {
		return 1 << 12
	}
	return v >> (10 * k) & (1<<10 - 1)
}
