"""Run score.py's helpers on the cases the Go test sends, and print the results.

    agree.py SCORE.PY < cases.json > results.json

cases: {"norm": [s], "overlap": [[a, b]], "speaker": [[gold, ours]], "dumps": [json text],
        "fmt": [float], "split": [s], "splitlines": [s], "brat": [path], "codepoints": bool}
"""
import importlib.util, json, sys, unicodedata

spec = importlib.util.spec_from_file_location("score", sys.argv[1])
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

cases = json.load(sys.stdin)
out = {
    "norm": [score.norm(s) for s in cases["norm"]],
    "overlap": [score.overlap(a, b) for a, b in cases["overlap"]],
    "speaker": [score.speaker_right(g, o) for g, o in cases["speaker"]],
    "dumps": [json.dumps(json.loads(s)) for s in cases["dumps"]],
    "fmt": [f"{x:.2f}" for x in cases["fmt"]],
    "split": [s.split() for s in cases["split"]],
    "splitlines": [s.splitlines() for s in cases["splitlines"]],
    "brat": [score.brat(p) for p in cases["brat"]],
    "unicode": unicodedata.unidata_version,
}
def context(c):
    """c alone, before a final sigma, after a sigma: one string, so one call of norm."""
    return c + " A" + c + "\u03a3 A\u03a3" + c

if cases.get("codepoints"):
    rows = []
    for cp in range(0x110000):
        c = chr(cp)
        cat = unicodedata.category(c)
        if cat in ("Cn", "Cs"):
            continue
        rows.append([cp, cat, score.norm(context(c)), c.isspace()])
    out["codepoints"] = rows
json.dump(out, sys.stdout, ensure_ascii=False)
