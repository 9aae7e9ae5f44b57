"""Minimal PDF writer and TIFF strip reader (python stdlib only).

Used by gen.py for the PDF image encodings img2pdf and tiff2pdf do not produce: CCITT G3 (K=0 and K>0),
JBIG2 (generic region, MMR coded), 1-bit image masks, /Decode [1 0], pages of several image strips, images
placed with margins. Output is deterministic: no dates, no /ID.
"""

import struct
import zlib


class PdfWriter:
    def __init__(self):
        self.objs = []  # bytes per object, index = num - 1
        self.pages = []  # object numbers of page objects (filled in at save)
        self._page_specs = []

    def add(self, body: bytes) -> int:
        self.objs.append(body)
        return len(self.objs)

    def add_stream(self, dict_entries: str, data: bytes) -> int:
        head = ("<< %s /Length %d >>\nstream\n" % (dict_entries, len(data))).encode("latin-1")
        return self.add(head + data + b"\nendstream")

    def add_image(self, width, height, data, colorspace="/DeviceGray", bpc=8, filt=None, parms=None,
                  extra="", image_mask=False) -> int:
        entries = "/Type /XObject /Subtype /Image /Width %d /Height %d" % (width, height)
        if image_mask:
            entries += " /ImageMask true /BitsPerComponent 1"
        else:
            entries += " /ColorSpace %s /BitsPerComponent %d" % (colorspace, bpc)
        if filt:
            entries += " /Filter " + filt
        if parms:
            entries += " /DecodeParms " + parms
        if extra:
            entries += " " + extra
        return self.add_stream(entries, data)

    def add_page(self, width_pt, height_pt, placements, rotate=0, fill_black=False, extra_content="",
                 extra_resources=""):
        """placements: list of (image_obj, (a, b, c, d, e, f)) — the image's cm matrix; extra_content: content
        stream operators drawn after the images (e.g. an invisible text layer), extra_resources its resources."""
        self._page_specs.append((width_pt, height_pt, placements, rotate, fill_black, extra_content, extra_resources))

    def save(self, path):
        pages_num_placeholder = None
        page_nums = []
        # reserve the Pages object first so pages can refer to it
        pages_num = self.add(b"")
        pages_num_placeholder = pages_num
        for (w, h, placements, rotate, fill_black, extra_content, extra_resources) in self._page_specs:
            ops = []
            if fill_black:
                ops.append("0 g")
            xobjs = []
            for i, (img, m) in enumerate(placements):
                name = "Im%d" % i
                xobjs.append("/%s %d 0 R" % (name, img))
                ops.append("q %s cm /%s Do Q" % (" ".join(_num(v) for v in m), name))
            if extra_content:
                ops.append(extra_content)
            content = self.add_stream("", ("\n".join(ops) + "\n").encode("latin-1"))
            page = "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources << /XObject << %s >> %s >> " \
                   "/Contents %d 0 R%s >>" % (pages_num, _num(w), _num(h), " ".join(xobjs), extra_resources, content,
                                             (" /Rotate %d" % rotate) if rotate else "")
            page_nums.append(self.add(page.encode("latin-1")))
        self.objs[pages_num_placeholder - 1] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (
            " ".join("%d 0 R" % n for n in page_nums), len(page_nums))).encode("latin-1")
        catalog = self.add(("<< /Type /Catalog /Pages %d 0 R >>" % pages_num).encode("latin-1"))
        out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objs):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(self.objs) + 1, catalog, xref)
        with open(path, "wb") as f:
            f.write(out)


def _num(v):
    if isinstance(v, int) or float(v).is_integer():
        return str(int(v))
    return ("%.4f" % v).rstrip("0").rstrip(".")


# ---------------------------------------------------------------- TIFF


def tiff_ifds(path):
    """Every IFD of a TIFF file as {tag: [values]}, plus the file bytes."""
    data = open(path, "rb").read()
    bo = "<" if data[:2] == b"II" else ">"
    (off,) = struct.unpack(bo + "I", data[4:8])
    sizes = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
    fmts = {1: "B", 3: "H", 4: "I", 6: "b", 8: "h", 9: "i"}
    ifds = []
    while off:
        (n,) = struct.unpack(bo + "H", data[off:off + 2])
        tags = {}
        for i in range(n):
            e = off + 2 + 12 * i
            tag, typ, count = struct.unpack(bo + "HHI", data[e:e + 8])
            size = sizes.get(typ, 1) * count
            voff = e + 8 if size <= 4 else struct.unpack(bo + "I", data[e + 8:e + 12])[0]
            if typ in fmts:
                tags[tag] = list(struct.unpack(bo + fmts[typ] * count, data[voff:voff + size]))
            else:
                tags[tag] = data[voff:voff + size]
        ifds.append(tags)
        (off,) = struct.unpack(bo + "I", data[off + 2 + 12 * n:off + 6 + 12 * n])
    return ifds, data


def tiff_single_strip(path):
    """(width, height, compression, t4options, photometric, strip bytes) per page; each page must be one strip."""
    ifds, data = tiff_ifds(path)
    pages = []
    for t in ifds:
        offs, counts = t[273], t[279]
        if t.get(266, [1])[0] != 1:
            raise ValueError("FillOrder 2 not handled")
        strip = b"".join(data[o:o + c] for o, c in zip(offs, counts))
        if len(offs) != 1 and t[259][0] == 4:
            raise ValueError("G4 TIFF with several strips")
        pages.append((t[256][0], t[257][0], t[259][0], t.get(292, [0])[0], t.get(262, [0])[0], strip))
    return pages


# ---------------------------------------------------------------- JBIG2


def _seg(number, seg_type, page, data):
    # header: number, flags (page association 1 byte), referred-to count 0, page association, data length
    return struct.pack(">IBBBI", number, seg_type & 0x3F, 0, page, len(data)) + data


def jbig2_from_mmr(width, height, mmr, xres=0, yres=0):
    """A JBIG2 embedded stream (PDF JBIG2Decode, no globals): page information + one immediate generic region
    coded with MMR (T.6, the same coding as CCITT G4). Bits: 1 = black."""
    page_info = struct.pack(">IIIIBH", width, height, xres, yres, 0, 0)
    region = struct.pack(">IIIIB", width, height, 0, 0, 0) + bytes([0x01]) + mmr  # generic flags: MMR=1
    return _seg(0, 48, 1, page_info) + _seg(1, 38, 1, region)


def flate(data):
    return zlib.compress(data, 9)


# JBIG2 generic region with arithmetic (MQ) coding, GBTEMPLATE 0, nominal AT pixels, TPGDON — the kind of
# stream jbig2enc's generic mode writes. Encoder after T.88 Annex E (Table E.1, Figures E.3–E.11).
_QE = [
    (0x5601, 1, 1, 1), (0x3401, 2, 6, 0), (0x1801, 3, 9, 0), (0x0AC1, 4, 12, 0), (0x0521, 5, 29, 0),
    (0x0221, 38, 33, 0), (0x5601, 7, 6, 1), (0x5401, 8, 14, 0), (0x4801, 9, 14, 0), (0x3801, 10, 14, 0),
    (0x3001, 11, 17, 0), (0x2401, 12, 18, 0), (0x1C01, 13, 20, 0), (0x1601, 29, 21, 0), (0x5601, 15, 14, 1),
    (0x5401, 16, 14, 0), (0x5101, 17, 15, 0), (0x4801, 18, 16, 0), (0x3801, 19, 17, 0), (0x3401, 20, 18, 0),
    (0x3001, 21, 19, 0), (0x2801, 22, 19, 0), (0x2401, 23, 20, 0), (0x2201, 24, 21, 0), (0x1C01, 25, 22, 0),
    (0x1801, 26, 23, 0), (0x1601, 27, 24, 0), (0x1401, 28, 25, 0), (0x1201, 29, 26, 0), (0x1101, 30, 27, 0),
    (0x0AC1, 31, 28, 0), (0x09C1, 32, 29, 0), (0x08A1, 33, 30, 0), (0x0521, 34, 31, 0), (0x0441, 35, 32, 0),
    (0x02A1, 36, 33, 0), (0x0221, 37, 34, 0), (0x0141, 38, 35, 0), (0x0111, 39, 36, 0), (0x0085, 40, 37, 0),
    (0x0049, 41, 38, 0), (0x0025, 42, 39, 0), (0x0015, 43, 40, 0), (0x0009, 44, 41, 0), (0x0005, 45, 42, 0),
    (0x0001, 45, 43, 0), (0x5601, 46, 46, 0),
]


class MQEncoder:
    def __init__(self, ncontexts):
        self.I = bytearray(ncontexts)
        self.MPS = bytearray(ncontexts)
        self.A = 0x8000
        self.C = 0
        self.CT = 12
        self.B = 0  # byte "before the first": never output
        self.out = bytearray()
        self.started = False

    def _byteout(self):
        if self.B == 0xFF:
            self._emit()
            self.B = self.C >> 20
            self.C &= 0xFFFFF
            self.CT = 7
            return
        if self.C < 0x8000000:
            self._emit()
            self.B = self.C >> 19
            self.C &= 0x7FFFF
            self.CT = 8
            return
        self.B += 1
        if self.B == 0xFF:
            self.C &= 0x7FFFFFF
            self._emit()
            self.B = self.C >> 20
            self.C &= 0xFFFFF
            self.CT = 7
            return
        self._emit()
        self.B = (self.C >> 19) & 0xFF  # the carry went into the byte just emitted
        self.C &= 0x7FFFF
        self.CT = 8

    def _emit(self):
        if self.started:
            self.out.append(self.B)
        self.started = True

    def encode(self, cx, d):
        i = self.I[cx]
        qe, nmps, nlps, sw = _QE[i]
        A = self.A - qe
        if d == self.MPS[cx]:  # CODEMPS
            if A & 0x8000:
                self.A = A
                self.C += qe
                return
            if A < qe:
                A = qe
            else:
                self.C += qe
            self.I[cx] = nmps
        else:  # CODELPS
            if A < qe:
                self.C += qe
            else:
                A = qe
            if sw:
                self.MPS[cx] ^= 1
            self.I[cx] = nlps
        # RENORME
        C, CT = self.C, self.CT
        while True:
            A <<= 1
            C <<= 1
            CT -= 1
            if CT == 0:
                self.C, self.CT = C, CT
                self._byteout()
                C, CT = self.C, self.CT
            if A & 0x8000:
                break
        self.A, self.C, self.CT = A, C, CT

    def flush(self):
        tempc = self.C + self.A
        self.C |= 0xFFFF
        if self.C >= tempc:
            self.C -= 0x8000
        self.C <<= self.CT
        self._byteout()
        self.C <<= self.CT
        self._byteout()
        if self.B != 0xFF:
            self._emit()
            self.B = 0xFF
        self._emit()  # the final 0xFF
        self.out.append(0xAC)
        return bytes(self.out)


def jbig2_generic_arith(width, height, rows):
    """rows: list of bytes objects, one byte per pixel, 1 = black. Returns a JBIG2 embedded stream."""
    enc = MQEncoder(65536)
    encode = enc.encode
    zero = bytes(width + 8)
    ltp = 0
    prev1, prev2 = zero, zero  # rows y-1 and y-2, padded: index x+4
    for y in range(height):
        row = rows[y]
        cur = bytes(4) + row + bytes(4)
        same = 1 if cur == prev1 else 0
        sltp = same ^ ltp
        encode(0x9B25, sltp)
        ltp = same
        if same:
            prev2, prev1 = prev1, cur
            continue
        r2, r1 = prev2, prev1
        # windows at x = 0: r2 x-2..x+2 (5 bits), r1 x-3..x+3 (7 bits), r0 x-4..x-1 (4 bits); padded index p = x+4
        w2 = (r2[2] << 4) | (r2[3] << 3) | (r2[4] << 2) | (r2[5] << 1) | r2[6]
        w1 = (r1[1] << 6) | (r1[2] << 5) | (r1[3] << 4) | (r1[4] << 3) | (r1[5] << 2) | (r1[6] << 1) | r1[7]
        w0 = 0
        for x in range(width):
            # context: A1 (x+3,y-1) A2 (x-3,y-1) A3 (x+2,y-2) A4 (x-2,y-2), y-2: x-1..x+1, y-1: x-2..x+2, y: x-4..x-1
            ctx = ((w1 & 1) << 15) | ((w1 >> 6) << 14) | ((w2 & 1) << 13) | ((w2 >> 4) << 12) | \
                  (((w2 >> 1) & 7) << 9) | (((w1 >> 1) & 31) << 4) | w0
            d = row[x]
            encode(ctx, d)
            w0 = ((w0 << 1) | d) & 15
            p = x + 4
            w2 = ((w2 << 1) | r2[p + 3]) & 31
            w1 = ((w1 << 1) | r1[p + 4]) & 127
        prev2, prev1 = prev1, cur
    data = enc.flush()
    page_info = struct.pack(">IIIIBH", width, height, 0, 0, 0, 0)
    # generic region flags: MMR 0, GBTEMPLATE 0, TPGDON 1 (bit 3); AT pixels A1..A4
    at = struct.pack(">bbbbbbbb", 3, -1, -3, -1, 2, -2, -2, -2)
    region = struct.pack(">IIIIB", width, height, 0, 0, 0) + bytes([0x08]) + at + data
    return _seg(0, 48, 1, page_info) + _seg(1, 38, 1, region)
