// dossier workspace: highlighting of /doc/ID#b=START-END, and the
// upload's progress. No inline scripts anywhere: this file is all there is.
"use strict";

// utf8Len is the number of bytes of a code point in UTF-8: offsets in
// dossier are byte offsets into the document's text.
function utf8Len(cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// indexAt returns the index in string s (UTF-16) of byte offset b.
function indexAt(s, b) {
  let bytes = 0, i = 0;
  while (i < s.length && bytes < b) {
    const cp = s.codePointAt(i);
    bytes += utf8Len(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

function byteLen(s) {
  let n = 0;
  for (const ch of s) n += utf8Len(ch.codePointAt(0));
  return n;
}

// splitAt cuts a segment at byte offset b (absolute) and returns the
// second part, or null when b is not inside it.
function splitAt(seg, b) {
  const start = Number(seg.dataset.s);
  const text = seg.textContent;
  if (b <= start || b >= start + byteLen(text)) return null;
  const i = indexAt(text, b - start);
  const rest = seg.cloneNode(false);
  rest.textContent = text.slice(i);
  rest.dataset.s = String(b);
  seg.textContent = text.slice(0, i);
  seg.after(rest);
  return rest;
}

function highlight() {
  const text = document.getElementById("text");
  if (!text) return;
  for (const el of text.querySelectorAll(".hl")) el.classList.remove("hl");
  const m = /^#b=(\d+)-(\d+)$/.exec(location.hash);
  if (!m) return;
  const from = Number(m[1]), to = Number(m[2]);
  if (!(from < to)) return;
  for (const seg of Array.from(text.children)) {
    splitAt(seg, from);
  }
  for (const seg of Array.from(text.children)) {
    splitAt(seg, to);
  }
  let first = null;
  for (const seg of text.children) {
    const s = Number(seg.dataset.s);
    if (s >= from && s < to) {
      seg.classList.add("hl");
      if (!first) first = seg;
    }
  }
  if (first) first.scrollIntoView({ block: "center" });
}

window.addEventListener("hashchange", highlight);
document.addEventListener("DOMContentLoaded", highlight);

// The upload: sent with its progress, then the job followed until done.
function setupAdd() {
  const form = document.getElementById("add-form");
  if (!form) return;
  const box = document.getElementById("progress");
  const bar = document.getElementById("bar");
  const phase = document.getElementById("phase");
  const result = document.getElementById("result");
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    const data = new FormData(form);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/add");
    box.hidden = false;
    result.textContent = "";
    phase.textContent = "uploading";
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
    });
    xhr.addEventListener("load", function () {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = { error: "unexpected answer from the server" }; }
      if (xhr.status !== 202) {
        phase.textContent = "";
        box.hidden = true;
        show([], [], [body.error || ("error " + xhr.status)]);
        return;
      }
      follow(body.id);
    });
    xhr.addEventListener("error", function () {
      phase.textContent = "the upload failed: is the server still running?";
    });
    xhr.send(data);
  });

  function follow(id) {
    fetch("/api/jobs/" + encodeURIComponent(id), { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        bar.value = j.total ? Math.round((100 * j.done) / j.total) : 0;
        phase.textContent = j.state + (j.phase ? ": " + j.phase + " " + j.done + " of " + j.total : "");
        if (j.state === "done" || j.state === "failed") {
          bar.value = 100;
          show(j.added || [], j.unchanged || [], j.errors || []);
          return;
        }
        setTimeout(function () { follow(id); }, 400);
      })
      .catch(function () { setTimeout(function () { follow(id); }, 1000); });
  }

  // show lists the outcome; every text goes in through textContent.
  function show(added, unchanged, errors) {
    result.textContent = "";
    const groups = [["Added", added, "added"], ["Already in the dossier", unchanged, "unchanged"]];
    for (const [title, docs, cls] of groups) {
      if (!docs.length) continue;
      const h = document.createElement("h2");
      h.textContent = title;
      const ul = document.createElement("ul");
      ul.className = cls;
      for (const d of docs) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = "/doc/" + encodeURIComponent(d.id);
        a.textContent = d.title || d.path;
        li.append(a);
        ul.append(li);
      }
      result.append(h, ul);
    }
    if (errors.length) {
      const ul = document.createElement("ul");
      ul.className = "error";
      for (const e of errors) {
        const li = document.createElement("li");
        li.textContent = e;
        ul.append(li);
      }
      result.append(ul);
    }
  }
}
document.addEventListener("DOMContentLoaded", setupAdd);
