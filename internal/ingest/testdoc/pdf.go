// Package testdoc writes small PDF and Word (DOCX) files for tests: pages
// of positioned text lines in a standard font, images, an info dictionary,
// encryption, and the damage real files come with (a broken
// cross-reference table, no pages). It exists so that tests build the
// documents they read instead of committing binary files nobody can
// review; only tests import it.
//
// In: a description of the document. Out: the file's bytes.
package testdoc

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/rc4"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Text is one line of text on a page, in the standard Helvetica font:
// X and Y are its baseline origin in points from the bottom-left corner
// of an A4 page (595 × 842).
type Text struct {
	X, Y, Size float64
	S          string
}

// Image is a greyscale image drawn on a page: Pix holds W×H bytes, one
// per pixel, row by row from the top; it is drawn with its lower-left
// corner at (X, Y) scaled to DW × DH points.
type Image struct {
	W, H           int
	Pix            []byte
	X, Y, DW, DH   float64
	compressedData []byte
}

// Page is one page: its text lines and images.
type Page struct {
	Texts  []Text
	Images []Image
}

// PDF describes a PDF file.
type PDF struct {
	Pages []Page
	// Info is the info dictionary: Title, Author, CreationDate
	// ("D:20240611190000Z"), ...
	Info map[string]string
	// BrokenXref writes a cross-reference table whose offsets point
	// nowhere, as a damaged or carelessly edited file has.
	BrokenXref bool
	// UserPassword and OwnerPassword, when either is set, encrypt the
	// file with the standard security handler (RC4, 128 bits). A file
	// with an owner password only opens without one; Permissions then
	// say what its reader may do (PDF P value; 0 allows everything).
	UserPassword, OwnerPassword string
	Permissions                 int32
	// Compress deflates the page contents.
	Compress bool
}

// A4 page size in points.
const (
	PageWidth  = 595
	PageHeight = 842
)

// Lines lays out lines top-down from (x, top) with the given font size
// and line spacing: a quick way to fill a page with text.
func Lines(x, top, size, leading float64, lines ...string) []Text {
	out := make([]Text, 0, len(lines))
	y := top
	for _, l := range lines {
		if l != "" {
			out = append(out, Text{X: x, Y: y, Size: size, S: l})
		}
		y -= leading
	}
	return out
}

// winAnsi maps the characters outside ASCII that tests use to the
// WinAnsiEncoding bytes of the standard fonts.
var winAnsi = map[rune]byte{
	'’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '…': 0x85, '•': 0x95, '\u00ad': 0xad,
}

func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		case winAnsi[r] != 0:
			fmt.Fprintf(&b, "\\%03o", winAnsi[r])
		case r < 0x100:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

func (p Page) content() []byte {
	var b bytes.Buffer
	for i, im := range p.Images {
		fmt.Fprintf(&b, "q %.2f 0 0 %.2f %.2f %.2f cm /Im%d Do Q\n", im.DW, im.DH, im.X, im.Y, i)
	}
	for _, t := range p.Texts {
		size := t.Size
		if size == 0 {
			size = 11
		}
		fmt.Fprintf(&b, "BT /F1 %.1f Tf %.2f %.2f Td (%s) Tj ET\n", size, t.X, t.Y, pdfString(t.S))
	}
	return b.Bytes()
}

func deflate(data []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	_, _ = w.Write(data)
	_ = w.Close()
	return b.Bytes()
}

// object is one indirect object: a dictionary or other value, and a
// stream when stream is non-nil.
type object struct {
	body   string
	stream []byte
	// strings are literal strings of the body, encrypted when the file
	// is: the body holds %s verbs for them.
	strs []string
}

// Bytes writes the PDF.
func (p PDF) Bytes() []byte {
	var objs []object
	add := func(o object) int { objs = append(objs, o); return len(objs) }

	catalog := add(object{})
	pagesObj := add(object{})
	font := add(object{body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"})
	var kids []string
	for _, pg := range p.Pages {
		var xobjs []string
		for i, im := range pg.Images {
			data := im.compressedData
			if data == nil {
				data = deflate(im.Pix)
			}
			n := add(object{body: fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %%d >>", im.W, im.H), stream: data})
			xobjs = append(xobjs, fmt.Sprintf("/Im%d %d 0 R", i, n))
		}
		content := pg.content()
		filter := ""
		if p.Compress {
			content, filter = deflate(content), "/Filter /FlateDecode "
		}
		c := add(object{body: "<< " + filter + "/Length %d >>", stream: content})
		res := fmt.Sprintf("/Font << /F1 %d 0 R >>", font)
		if len(xobjs) > 0 {
			res += " /XObject << " + strings.Join(xobjs, " ") + " >>"
		}
		pg := add(object{body: fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << %s >> /Contents %d 0 R >>", pagesObj, PageWidth, PageHeight, res, c)})
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	objs[catalog-1] = object{body: fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)}
	objs[pagesObj-1] = object{body: fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))}
	info := 0
	if len(p.Info) > 0 {
		var parts []string
		var strs []string
		for _, k := range sortedKeys(p.Info) {
			parts = append(parts, "/"+k+" %s")
			strs = append(strs, p.Info[k])
		}
		info = add(object{body: "<< " + strings.Join(parts, " ") + " >>", strs: strs})
	}

	id := md5.Sum([]byte(fmt.Sprintf("testdoc %d pages %v", len(p.Pages), p.Info)))
	var enc *encryption
	encObj := 0
	if p.UserPassword != "" || p.OwnerPassword != "" {
		perm := p.Permissions
		if perm == 0 {
			perm = -4 // everything allowed
		}
		enc = newEncryption(p.UserPassword, p.OwnerPassword, perm, id[:])
		encObj = add(object{body: fmt.Sprintf("<< /Filter /Standard /V 2 /R 3 /Length 128 /O <%x> /U <%x> /P %d >>", enc.o, enc.u, perm)})
	}

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		n := i + 1
		offsets[i] = b.Len()
		crypt := func(data []byte) []byte { return data }
		if enc != nil && n != encObj {
			crypt = func(data []byte) []byte { return enc.crypt(n, data) }
		}
		body := o.body
		if len(o.strs) > 0 {
			args := make([]any, len(o.strs))
			for j, s := range o.strs {
				args[j] = fmt.Sprintf("<%x>", crypt(textString(s)))
			}
			body = fmt.Sprintf(body, args...)
		}
		fmt.Fprintf(&b, "%d 0 obj\n", n)
		if o.stream != nil {
			data := crypt(o.stream)
			fmt.Fprintf(&b, body, len(data))
			b.WriteString("\nstream\n")
			b.Write(data)
			b.WriteString("\nendstream")
		} else {
			b.WriteString(body)
		}
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		if p.BrokenXref {
			off = off/3 + 7 // points into the middle of other objects
		}
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R", len(objs)+1, catalog)
	if info > 0 {
		fmt.Fprintf(&b, " /Info %d 0 R", info)
	}
	if encObj > 0 {
		fmt.Fprintf(&b, " /Encrypt %d 0 R", encObj)
	}
	fmt.Fprintf(&b, " /ID [<%x> <%x>] >>\n", id, id)
	if p.BrokenXref {
		xref += 13
	}
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// textString encodes s as a PDF text string: as it is when ASCII, else
// UTF-16BE with a byte order mark.
func textString(s string) []byte {
	ascii := true
	for _, r := range s {
		if r >= 0x80 {
			ascii = false
		}
	}
	if ascii {
		return []byte(s)
	}
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// The standard security handler, revision 3 (PDF 1.7, 7.6.3).
var pad = []byte{0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A}

type encryption struct {
	key  []byte
	o, u []byte
}

func padded(pw string) []byte {
	b := append([]byte(pw), pad...)
	return b[:32]
}

func rc4Crypt(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		panic(err)
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// rc4Rounds encrypts data with key, then 19 more times with key XOR i.
func rc4Rounds(key, data []byte) []byte {
	out := rc4Crypt(key, data)
	k := make([]byte, len(key))
	for i := 1; i <= 19; i++ {
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		out = rc4Crypt(k, out)
	}
	return out
}

func newEncryption(user, owner string, perm int32, id []byte) *encryption {
	if owner == "" {
		owner = user
	}
	const n = 16
	// Algorithm 3: the O entry.
	h := md5.Sum(padded(owner))
	for i := 0; i < 50; i++ {
		h = md5.Sum(h[:n])
	}
	o := rc4Rounds(h[:n], padded(user))
	// Algorithm 2: the file key.
	var in []byte
	in = append(in, padded(user)...)
	in = append(in, o...)
	in = binary.LittleEndian.AppendUint32(in, uint32(perm))
	in = append(in, id...)
	k := md5.Sum(in)
	for i := 0; i < 50; i++ {
		k = md5.Sum(k[:n])
	}
	key := k[:n]
	// Algorithm 5: the U entry.
	hu := md5.Sum(append(append([]byte{}, pad...), id...))
	u := append(rc4Rounds(key, hu[:]), make([]byte, 16)...)
	return &encryption{key: key, o: o, u: u}
}

// crypt encrypts the strings and streams of object n (generation 0).
func (e *encryption) crypt(n int, data []byte) []byte {
	k := append([]byte{}, e.key...)
	k = append(k, byte(n), byte(n>>8), byte(n>>16), 0, 0)
	h := md5.Sum(k)
	return rc4Crypt(h[:min(len(e.key)+5, 16)], data)
}

// ImageFromPGM reads a binary greyscale netpbm image (P5, maxval 255),
// as pdftoppm -gray writes it.
func ImageFromPGM(data []byte) (Image, error) {
	var im Image
	var maxval int
	fields := 0
	i := 0
	vals := [3]int{}
	if !bytes.HasPrefix(data, []byte("P5")) {
		return im, fmt.Errorf("not a binary PGM image")
	}
	i = 2
	for fields < 3 {
		for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t') {
			i++
		}
		if i < len(data) && data[i] == '#' {
			for i < len(data) && data[i] != '\n' {
				i++
			}
			continue
		}
		v := 0
		start := i
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			v = v*10 + int(data[i]-'0')
			i++
		}
		if i == start {
			return im, fmt.Errorf("bad PGM header")
		}
		vals[fields] = v
		fields++
	}
	i++ // the one whitespace byte after maxval
	im.W, im.H, maxval = vals[0], vals[1], vals[2]
	if maxval != 255 || len(data)-i < im.W*im.H {
		return im, fmt.Errorf("unsupported PGM image (maxval %d, %d bytes of pixels)", maxval, len(data)-i)
	}
	im.Pix = data[i : i+im.W*im.H]
	return im, nil
}

// Scanned renders every page of p to a greyscale image with pdftoppm
// (poppler-utils) at dpi dots per inch and returns a PDF of those images
// only, with no text layer: what a scanner makes of the printed pages.
func Scanned(p PDF, dpi int) ([]byte, error) {
	pages, err := ScannedPages(p, dpi)
	if err != nil {
		return nil, err
	}
	return PDF{Pages: pages, Info: p.Info}.Bytes(), nil
}

// ScannedPages renders every page of p to an image page, as Scanned does.
func ScannedPages(p PDF, dpi int) ([]Page, error) {
	dir, err := os.MkdirTemp("", "testdoc-scan-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "src.pdf")
	if err := os.WriteFile(src, p.Bytes(), 0o600); err != nil {
		return nil, err
	}
	var out []Page
	for i := range p.Pages {
		n := strconv.Itoa(i + 1)
		root := filepath.Join(dir, "page"+n)
		if b, err := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-f", n, "-l", n, "-singlefile", src, root).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("pdftoppm: %v: %s", err, b)
		}
		raw, err := os.ReadFile(root + ".pgm")
		if err != nil {
			return nil, err
		}
		im, err := ImageFromPGM(raw)
		if err != nil {
			return nil, err
		}
		im.X, im.Y, im.DW, im.DH = 0, 0, PageWidth, PageHeight
		out = append(out, Page{Images: []Image{im}})
	}
	return out, nil
}

// RawContentPDF is a one-page PDF whose page content stream is content,
// deflated: a way to build hostile files (a stream that inflates to far
// more than the file's size).
func RawContentPDF(content []byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	z := deflate(content)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	offs = append(offs, b.Len())
	fmt.Fprintf(&b, "5 0 obj\n<< /Filter /FlateDecode /Length %d >>\nstream\n", len(z))
	b.Write(z)
	b.WriteString("\nendstream\nendobj\n")
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 6\n0000000000 65535 f \n")
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", x)
	return b.Bytes()
}
