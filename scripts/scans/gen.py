#!/usr/bin/env python3
"""Independent scan test set for gongkai: born-digital samples -> rasterised (pdftoppm) -> soiled (ImageMagick)
-> packed in the encodings a real archive holds (PDF with DCT/Flate/CCITT G3+G4/JBIG2/JPX/image masks/strips,
/Rotate, pages turned inside the image; PNG/JPEG/TIFF files).

usage: python3 gen.py OUTDIR [--samples DIR] [--only NAME_SUBSTRING ...] [--keep-work]

Every scan <name>.<ext> gets <name>.twin (the sample stem whose <stem>.truth.json applies) and a row in
manifest.tsv. The specs are in specs.py. Deterministic: fixed seeds, no dates written.
"""

import argparse
import glob
import hashlib
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdfwrite  # noqa: E402
from specs import SPECS  # noqa: E402

IM = shutil.which("magick") or "/usr/bin/convert"
FONT_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
FONT_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
PNG_CLEAN = ["-define", "png:exclude-chunk=date,time,tIME,tEXt,zTXt,iTXt"]


def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        raise RuntimeError("%s\n%s" % (" ".join(map(str, cmd)), r.stderr.decode(errors="replace")))
    return r.stdout


IM_ENV = dict(os.environ, MAGICK_THREAD_LIMIT="1")  # noise with -seed is only repeatable single-threaded


def im(*args):
    return run([IM] + [str(a) for a in args], env=IM_ENV)


def size_of(png):
    w, h = run(["identify", "-format", "%w %h", png]).decode().split()
    return int(w), int(h)


class Ctx:
    def __init__(self, samples, work):
        self.samples = samples
        self.work = work
        self._raster = {}
        self._words = {}

    def pdf(self, stem):
        return os.path.join(self.samples, stem + ".pdf")

    def raster(self, stem, dpi, color=False, mono=False):
        """Pages of a sample rendered at dpi (gray, RGB, or 1-bit PBM), cached."""
        key = (stem, dpi, color, mono)
        if key not in self._raster:
            mode = "m" if mono else "c" if color else "g"
            prefix = os.path.join(self.work, "r-%s-%d-%s" % (stem, dpi, mode))
            opts = ["-mono"] if mono else ["-png"] if color else ["-png", "-gray"]
            run(["pdftoppm", "-r", str(dpi)] + opts + [self.pdf(stem), prefix])
            ext = "pbm" if mono else "png"
            self._raster[key] = sorted(glob.glob(prefix + "-*." + ext),
                                       key=lambda p: int(re.findall(r"-(\d+)\.\w+$", p)[0]))
        return self._raster[key]

    def words(self, stem):
        """[(page, xMin, yMin, xMax, yMax, text)] in pt, from pdftotext -bbox."""
        if stem not in self._words:
            html = run(["pdftotext", "-bbox", self.pdf(stem), "-"]).decode("utf-8")
            out, page = [], 0
            for line in html.splitlines():
                if "<page " in line:
                    page += 1
                m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
                if m:
                    out.append((page, float(m[1]), float(m[2]), float(m[3]), float(m[4]), m[5]))
            self._words[stem] = out
        return self._words[stem]


# ------------------------------------------------------------------ page soiling


def stamp_image(path, dpi, agency, seed, text2="政务公开专用章"):
    """A red round official seal (公章): ring, five-point star, the agency name along the upper arc, a line of
    text below the star; uneven ink; white background (composited with Multiply)."""
    rnd = random.Random(seed)
    d = int(round(42 / 25.4 * dpi))
    c = d / 2
    ring = max(2, int(round(1.3 / 25.4 * dpi)))
    r = c - ring
    red = "rgb(214,38,38)"
    draw = ["-fill", "none", "-stroke", red, "-strokewidth", str(ring),
            "-draw", "circle %.1f,%.1f %.1f,%.1f" % (c, c, c, c - r + ring / 2)]
    # star
    pts = []
    R1, R2 = 0.24 * d / 2, 0.24 * d / 2 * 0.382
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = R1 if k % 2 == 0 else R2
        pts.append("%.1f,%.1f" % (c + rr * math.cos(a), c + rr * math.sin(a)))
    draw += ["-stroke", "none", "-fill", red, "-draw", "polygon " + " ".join(pts)]
    # arc text
    fs = 0.13 * d
    chars = list(agency)
    span = min(250.0, 22.0 * len(chars))
    draw += ["-font", FONT_SERIF, "-pointsize", "%.1f" % (fs * 72 / dpi * (dpi / 72))]
    for i, ch in enumerate(chars):
        a = -span / 2 + span * (i + 0.5) / len(chars)
        draw += ["-draw", "translate %.1f,%.1f rotate %.2f text %.1f,%.1f '%s'" % (
            c, c, a, -fs / 2, -(r - ring * 1.2 - fs * 0.92), ch)]
    fs2 = 0.085 * d
    draw += ["-pointsize", "%.1f" % fs2, "-draw", "text %.1f,%.1f '%s'" % (
        c - fs2 * len(text2) / 2, c + 0.30 * d, text2)]
    tmp = path + ".raw.png"
    # image points = pixels with -density 72
    im("-size", "%dx%d" % (d, d), "xc:white", "-density", "72", *draw, tmp)
    # uneven ink: lighten randomly with low-frequency noise, rotate
    angle = rnd.uniform(-25, 25)
    im(tmp, "(", "-size", "%dx%d" % (d, d), "xc:gray50", "-seed", str(seed), "+noise", "Random",
       "-colorspace", "Gray", "-blur", "0x%.1f" % (d / 60), "-auto-level", "-level", "0%,55%", "-negate", ")",
       "-compose", "Screen", "-composite", "-background", "white", "-rotate", "%.2f" % angle, "+repage", "-blur", "0x0.6",
       *PNG_CLEAN, path)
    os.remove(tmp)
    return path


def table3_anchor(ctx, stem):
    """(page, x_pt, y_pt) over the body of table 三: the numbers on the page of its heading (or the next)."""
    words = ctx.words(stem)
    head = [w for w in words if "收到和处理政府信息公开申请" in w[5]]
    if not head:
        return None
    p, y0 = head[0][0], head[0][4]
    for page in (p, p + 1):
        nums = [w for w in words if w[0] == page and re.fullmatch(r"[\d０-９,，—\-/]+", w[5])
                and (page != p or w[2] > y0)]
        if len(nums) >= 12:
            xs = sorted((w[1] + w[3]) / 2 for w in nums)
            ys = sorted((w[2] + w[4]) / 2 for w in nums)
            return page, xs[int(len(xs) * 0.6)], ys[len(ys) // 2]
    return None


def signature_anchor(ctx, stem, n_pages):
    """(page, x_pt, y_pt): right under the last text line of the last page, where the signature goes."""
    words = [w for w in ctx.words(stem) if w[0] == n_pages and not re.fullmatch(r"[-—\s\d]+", w[5])]
    ymax = max(w[4] for w in words) if words else 200
    return n_pages, 595 - 160, min(ymax + 55, 842 - 130)


def soil(ctx, spec, pages, dpi, color, seed):
    """Apply spec['ops'] (list of op tuples) to each rendered page; returns new page paths."""
    ops = spec.get("ops", [])
    per_page = spec.get("page_ops", {})  # {page index (0-based): [ops]}
    stem = spec["sample"]
    agency = spec["agency"]
    year = spec["year"]
    out = []
    t3 = table3_anchor(ctx, stem) if any(o[0] == "stamp" for o in ops) else None
    sig = signature_anchor(ctx, stem, len(pages))
    for i, src in enumerate(pages):
        dst = os.path.join(ctx.work, "%s-p%d.png" % (spec["name"], i + 1))
        w, h = size_of(src)
        s = dpi / 72.0
        args = [src]
        args += ["-colorspace", "sRGB", "-type", "TrueColor"] if color else ["-colorspace", "Gray"]
        page_ops = list(ops) + list(per_page.get(i, []))
        pseed = seed * 100 + i
        for op in page_ops:
            kind = op[0]
            if kind == "signature":
                if i == len(pages) - 1:
                    _, x, y = sig
                    fs = 15 * s
                    date = "%d年1月%d日" % (year + 1, 10 + seed % 18)
                    args += ["-font", FONT_SANS, "-fill", "black", "-pointsize", "%.1f" % (15 * 72 / 72 * s),
                             "-density", "72",
                             "-draw", "text %.1f,%.1f '%s'" % (x * s - fs * len(agency) / 2, y * s, agency),
                             "-draw", "text %.1f,%.1f '%s'" % (x * s - fs * len(date) * 0.55 / 2 - fs, y * s + 1.8 * fs, date)]
            elif kind == "stamp":
                where = []
                if t3 and t3[0] == i + 1:
                    where.append((t3[1], t3[2]))
                if i == len(pages) - 1:
                    where.append((sig[1], sig[2] + 10))
                for k, (x, y) in enumerate(where):
                    st = stamp_image(os.path.join(ctx.work, "stamp-%s-%d-%d.png" % (spec["name"], i, k)), dpi, agency,
                                     pseed * 10 + k)
                    sw, sh = size_of(st)
                    args += [st, "-geometry", "%+d%+d" % (x * s - sw / 2, y * s - sh / 2), "-compose", "Multiply",
                             "-composite"]
            elif kind == "rotate":  # small turn, page size kept
                args += ["-background", "white", "-rotate", str(op[1]), "-gravity", "center", "-extent", "%dx%d" % (w, h),
                         "+gravity"]
            elif kind == "bold":  # ink spread: erode the white
                args += ["-morphology", "Erode", "Disk:%s" % op[1], "-level", "0%,92%"]
            elif kind == "faded":  # thin, grey ink
                args += ["-morphology", "Dilate", "Disk:%s" % op[1], "+level", "%d%%,100%%" % op[2]]
            elif kind == "lowcontrast":
                args += ["+level", "%d%%,%d%%" % (op[1], op[2])]
            elif kind == "light":  # uneven lighting: multiply by a gradient
                lo = op[1]
                if op[2] == "radial":
                    grad = ["-size", "%dx%d" % (int(w * 1.4), int(h * 1.4)), "radial-gradient:white-gray%d" % lo,
                            "-gravity", "northwest", "-crop", "%dx%d+%d+%d" % (w, h, int(w * 0.1), int(h * 0.05)), "+repage",
                            "+gravity"]
                else:  # linear, from one side
                    grad = ["-size", "%dx%d" % (h, w), "gradient:white-gray%d" % lo, "-rotate", "90"]
                args += ["("] + grad + [")", "-compose", "Multiply", "-composite"]
            elif kind == "paper":
                args += ["(", "-size", "%dx%d" % (w, h), "xc:%s" % op[1], "-seed", str(pseed), "-attenuate", "0.15",
                         "+noise", "Gaussian", "-blur", "0x1", ")", "-compose", "Multiply", "-composite"]
            elif kind == "speckle":  # dark dots of 1-3 px
                args += ["(", "-size", "%dx%d" % (w, h), "xc:white", "-seed", str(pseed), "-attenuate", str(op[1]),
                         "+noise", "Impulse", "-colorspace", "Gray", "-threshold", "50%", "-morphology", "Erode",
                         "Disk:%s" % (op[2] if len(op) > 2 else 1), ")", "-compose", "Multiply", "-composite"]
            elif kind == "noise":
                args += ["-seed", str(pseed), "-attenuate", str(op[1]), "+noise", "Gaussian"]
            elif kind == "blur":
                args += ["-blur", "0x%s" % op[1]]
            elif kind == "persp":  # phone photo of a flat page: corners moved, dark desk around
                a = op[1]
                r = random.Random(pseed)
                def j():
                    return r.uniform(0.4, 1.0) * a
                c = [(0, 0, w * j(), h * j()), (w, 0, w * (1 - j() * 0.5), h * j() * 0.6),
                     (w, h, w * (1 - j()), h * (1 - j() * 0.4)), (0, h, w * j() * 0.5, h * (1 - j()))]
                args += ["-virtual-pixel", "background", "-background", op[2] if len(op) > 2 else "#4a4038",
                         "-distort", "Perspective", " ".join("%.1f,%.1f %.1f,%.1f" % t for t in c)]
            elif kind == "turn":  # quarter turns inside the image (no /Rotate)
                args += ["-rotate", str(op[1])]
            elif kind == "fax":  # fine-mode fax: 204 x 196 dpi from a 204 dpi page, 1728 px wide
                args += ["-resize", "100%x96.08%", "-background", "white", "-gravity", "center",
                         "-extent", "1728x%d" % round(h * 196 / 204), "+gravity"]
            elif kind == "bleed":  # show-through of the back side: the next page, mirrored, faint
                other = pages[(i + 1) % len(pages)]
                args += ["(", other, "-flop", "-colorspace", "Gray", "-blur", "0x1.5", "+level", "%d%%,100%%" % op[1],
                         ")", "-compose", "Multiply", "-composite"]
            elif kind == "holes":  # two punched holes near the left edge (dark: the scanner lid behind)
                r = 3.0 / 25.4 * dpi
                x = 11.0 / 25.4 * dpi
                for yc in (h / 2 - 40 / 25.4 * dpi, h / 2 + 40 / 25.4 * dpi):
                    args += ["-fill", "#262626", "-draw", "circle %.1f,%.1f %.1f,%.1f" % (x, yc, x + r, yc)]
            elif kind == "border":  # black scanner-bed margins on the left and at the bottom, uneven
                bl, bb = w * op[1], h * op[1] * 0.6
                args += ["-fill", "#141414", "-draw", "polygon 0,0 %.1f,0 %.1f,%d 0,%d" % (bl, bl * 0.45, h, h),
                         "-draw", "polygon 0,%d %d,%d %d,%.1f 0,%.1f" % (h, w, h, w, h - bb * 0.3, h - bb)]
            elif kind == "gray":
                args += ["-colorspace", "Gray"]
            else:
                raise ValueError(kind)
        args += ["+repage", "-compose", "Over", "-density", str(dpi), "-units", "PixelsPerInch", "-strip"] + PNG_CLEAN + [dst]
        im(*args)
        out.append(dst)
    return out


# ------------------------------------------------------------------ writers


def bilevel(src, dst_tif, extra=(), dpi=None):
    if src.endswith(".pbm"):  # large pages: libtiff, not ImageMagick (its 256 MiB policy makes 600 dpi crawl)
        run(["ppm2tiff", "-c", "g4", "-r", "100000"] + (["-R", str(dpi)] if dpi else []) + [src, dst_tif])
        return
    im(src, "-colorspace", "Gray", "-threshold", "55%", "-type", "bilevel", *extra, "-compress", "Group4",
       "-define", "tiff:rows-per-strip=100000", "-strip", dst_tif)


def write(ctx, spec, pages, dest):
    kind = spec["out"]
    dpi = spec["dpi"]
    opt = spec.get("opt", {})
    work = ctx.work
    name = spec["name"]
    pt = 72.0 / dpi

    def jpegs(q, extra=()):
        outs = []
        for i, p in enumerate(pages):
            o = os.path.join(work, "%s-%d.jpg" % (name, i))
            im(p, "-strip", "-quality", str(q), *extra, "-density", str(dpi), "-units", "PixelsPerInch", o)
            outs.append(o)
        return outs

    if kind == "pdf-jpeg":  # img2pdf: DCT, page = image size at its dpi (CMYK when opt cmyk)
        run(["img2pdf", "-D", "--engine", "internal", "-o", dest] + jpegs(opt.get("q", 75), ("-colorspace", "CMYK") if opt.get("cmyk") else ()))
    elif kind == "pdf-png":  # img2pdf from PNG: Flate with PNG predictors (Indexed when opt palette)
        if opt.get("palette"):
            outs = []
            for i, p in enumerate(pages):
                o = os.path.join(work, "%s-%d-pal.png" % (name, i))
                im(p, "+dither", "-colors", str(opt["palette"]), *PNG_CLEAN, "PNG8:" + o)
                outs.append(o)
            pages = outs
        run(["img2pdf", "-D", "--engine", "internal", "-o", dest] + pages)
    elif kind == "pdf-2up":  # two pages side by side on one landscape sheet (2-up printing), DCT
        outs = []
        for k in range(0, len(pages), 2):
            o = os.path.join(work, "%s-%d-2up.jpg" % (name, k))
            pair = pages[k:k + 2]
            if len(pair) == 1:
                w, h = size_of(pair[0])
                pair = pair + ["-size", "%dx%d" % (w, h), "xc:white"]
            im(*pair, "+append", "-strip", "-quality", str(opt.get("q", 75)), "-density", str(dpi), "-units",
               "PixelsPerInch", o)
            outs.append(o)
        run(["img2pdf", "-D", "--engine", "internal", "-o", dest] + outs)
    elif kind == "pdf-jp2":
        outs = []
        for i, p in enumerate(pages):
            o = os.path.join(work, "%s-%d.jp2" % (name, i))
            im(p, "-strip", "-quality", str(opt.get("q", 40)), "-density", str(dpi), "-units", "PixelsPerInch", o)
            outs.append(o)
        run(["img2pdf", "-D", "--engine", "internal", "-s", "%ddpi" % dpi, "-o", dest] + outs)  # JP2 from IM carries no resolution
    elif kind == "pdf-g4-tiff2pdf":  # multi-page G4 TIFF -> tiff2pdf (passes the G4 data through)
        tifs = []
        for i, p in enumerate(pages):
            o = os.path.join(work, "%s-%d.tif" % (name, i))
            bilevel(p, o, ("-density", str(dpi), "-units", "PixelsPerInch"))
            tifs.append(o)
        multi = os.path.join(work, name + "-all.tif")
        run(["tiffcp"] + tifs + [multi])
        run(["tiff2pdf", "-e", "20250101000000", "-o", dest + ".tmp", multi])
        run(["qpdf", "--deterministic-id", dest + ".tmp", dest])
        os.remove(dest + ".tmp")
    elif kind == "pdf-g4-img2pdf":
        tifs = []
        for i, p in enumerate(pages):
            o = os.path.join(work, "%s-%d.tif" % (name, i))
            bilevel(p, o, ("-density", str(dpi), "-units", "PixelsPerInch"), dpi=dpi)
            tifs.append(o)
        run(["img2pdf", "-D", "--engine", "internal", "-o", dest] + tifs)
    elif kind in ("pdf-g3", "pdf-jbig2", "pdf-imagemask", "pdf-decode-inverted"):
        pdf = pdfwrite.PdfWriter()
        xdpi, ydpi = opt.get("xdpi", dpi), opt.get("ydpi", dpi)
        for i, p in enumerate(pages):
            o = os.path.join(work, "%s-%d.tif" % (name, i))
            bilevel(p, o)
            if kind == "pdf-g3":
                o3 = os.path.join(work, "%s-%d-g3.tif" % (name, i))
                mode = "g3:2d" if opt.get("k", 0) > 0 else "g3:1d"
                run(["tiffcp", "-c", mode, "-r", "100000", o, o3])
                (w, h, comp, t4, phot, data), = pdfwrite.tiff_single_strip(o3)
                assert comp == 3 and phot == 0 and not (t4 & 4), (comp, phot, t4)
                k = 4 if t4 & 1 else 0
                img = pdf.add_image(w, h, data, bpc=1, filt="/CCITTFaxDecode",
                                    parms="<< /K %d /Columns %d /Rows %d >>" % (k, w, h))
            else:
                (w, h, comp, t4, phot, data), = pdfwrite.tiff_single_strip(o)
                assert comp == 4 and phot == 0, (comp, phot)
                if kind == "pdf-jbig2":
                    img = pdf.add_image(w, h, pdfwrite.jbig2_from_mmr(w, h, data), bpc=1, filt="/JBIG2Decode")
                elif kind == "pdf-imagemask":  # 0 = paint with the fill colour (black)
                    if opt.get("mask_filter") == "flate":
                        raw = im(p, "-colorspace", "Gray", "-threshold", "55%", "-depth", "1", "gray:-")
                        img = pdf.add_image(w, h, pdfwrite.flate(raw), filt="/FlateDecode", image_mask=True)
                    else:
                        img = pdf.add_image(w, h, data, filt="/CCITTFaxDecode", image_mask=True,
                                            parms="<< /K -1 /Columns %d /Rows %d >>" % (w, h))
                else:  # bits stored inverted (1 = black) with /Decode [1 0]
                    raw = im(p, "-colorspace", "Gray", "-threshold", "55%", "-negate", "-depth", "1", "gray:-")
                    img = pdf.add_image(w, h, pdfwrite.flate(raw), bpc=1, filt="/FlateDecode", extra="/Decode [1 0]")
            pdf.add_page(w * 72.0 / xdpi, h * 72.0 / ydpi, [(img, (w * 72.0 / xdpi, 0, 0, h * 72.0 / ydpi, 0, 0))],
                         fill_black=(kind == "pdf-imagemask"))
        pdf.save(dest)
    elif kind == "pdf-jbig2-arith":  # JBIG2 generic region, arithmetic coded (what jbig2enc's generic mode writes)
        pdf = pdfwrite.PdfWriter()
        for i, p in enumerate(pages):
            w, h = size_of(p)
            raw = im(p, "-colorspace", "Gray", "-threshold", "55%", "-negate", "-depth", "8", "gray:-")
            raw = raw.translate(bytes([0] * 128 + [1] * 128))
            rows = [raw[y * w:(y + 1) * w] for y in range(h)]
            img = pdf.add_image(w, h, pdfwrite.jbig2_generic_arith(w, h, rows), bpc=1, filt="/JBIG2Decode")
            pdf.add_page(w * pt, h * pt, [(img, (w * pt, 0, 0, h * pt, 0, 0))])
        pdf.save(dest)
    elif kind == "pdf-ocrlayer":  # "searchable" scan: page image + invisible text layer (3 Tr) as a copier's OCR adds it
        rnd = random.Random(spec["seed"])
        confuse = {"0": "6", "1": "7", "3": "8", "5": "6", "6": "5", "7": "1", "8": "3", "9": "4", "2": "7", "4": "9"}
        pdf = pdfwrite.PdfWriter()
        font = pdf.add(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                       b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                       b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>] >>")
        words = ctx.words(spec["sample"])
        jp = jpegs(opt.get("q", 75))
        changed = 0
        for i, p in enumerate(pages):
            w, h = size_of(p)
            pw, ph = w * pt, h * pt
            img = pdf.add_image(w, h, open(jp[i], "rb").read(), filt="/DCTDecode",
                                colorspace="/DeviceRGB" if spec.get("color") else "/DeviceGray")
            ops = ["BT", "3 Tr"]
            for (pg, x0, y0, x1, y1, text) in words:
                if pg != i + 1:
                    continue
                text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                if opt.get("errors") and re.fullmatch(r"\d+", text) and rnd.random() < opt["errors"]:
                    k = rnd.randrange(len(text))
                    text = text[:k] + confuse[text[k]] + text[k + 1:]
                    changed += 1
                size = max(4.0, (y1 - y0) * 0.9)
                tz = 100.0 * (x1 - x0) / max(1.0, len(text) * size)
                ops.append("/F1 %.2f Tf %.1f Tz 1 0 0 1 %.2f %.2f Tm <%s> Tj" % (
                    size, tz, x0, ph - y1 + 0.12 * (y1 - y0), text.encode("utf-16-be").hex()))
            ops.append("ET")
            pdf.add_page(pw, ph, [(img, (pw, 0, 0, ph, 0, 0))], extra_content="\n".join(ops),
                         extra_resources="/Font << /F1 %d 0 R >>" % font)
        pdf.save(dest)
        if opt.get("errors"):
            print("  %s: %d numbers altered in the hidden text layer" % (name, changed), flush=True)
    elif kind == "pdf-strips":  # each page = n horizontal DCT strips, each its own image XObject
        pdf = pdfwrite.PdfWriter()
        n = opt.get("strips", 8)
        for i, p in enumerate(pages):
            w, h = size_of(p)
            rows = math.ceil(h / n)
            placements = []
            for k in range(n):
                y0 = k * rows
                hh = min(rows, h - y0)
                if hh <= 0:
                    break
                o = os.path.join(work, "%s-%d-s%d.jpg" % (name, i, k))
                im(p, "-crop", "%dx%d+0+%d" % (w, hh, y0), "+repage", "-strip", "-quality", str(opt.get("q", 75)), o)
                img = pdf.add_image(w, hh, open(o, "rb").read(), filt="/DCTDecode",
                                    colorspace="/DeviceRGB" if spec.get("color") else "/DeviceGray")
                # PDF y goes up: strip k sits below strips 0..k-1
                placements.append((img, (w * pt, 0, 0, hh * pt, 0, (h - y0 - hh) * pt)))
            pdf.add_page(w * pt, h * pt, placements)
        pdf.save(dest)
    elif kind == "pdf-placed":  # image smaller than the page: A4 page, image scaled and offset
        pdf = pdfwrite.PdfWriter()
        pw, ph = opt.get("page", (595.28, 841.89))
        jp = jpegs(opt.get("q", 75))
        for i, p in enumerate(pages):
            w, h = size_of(p)
            o = jp[i]
            sc = opt.get("scale", 0.85)
            iw, ih = pw * sc, pw * sc * h / w
            dx, dy = opt.get("offsets", [(30, 40)])[i % len(opt.get("offsets", [(30, 40)]))]
            img = pdf.add_image(w, h, open(o, "rb").read(), filt="/DCTDecode",
                                colorspace="/DeviceRGB" if spec.get("color") else "/DeviceGray")
            pdf.add_page(pw, ph, [(img, (iw, 0, 0, ih, dx, ph - ih - dy))])
        pdf.save(dest)
    elif kind == "pdf-rotate":  # /Rotate on the page, image stored turned the other way
        rot = opt["rotate"]
        outs = []
        for i, p in enumerate(pages):
            o = os.path.join(work, "%s-%d-side.jpg" % (name, i))
            im(p, "-rotate", str(-rot % 360), "-strip", "-quality", str(opt.get("q", 75)), "-density", str(dpi),
               "-units", "PixelsPerInch", o)
            outs.append(o)
        run(["img2pdf", "-D", "--engine", "internal", "-r", str(rot), "-o", dest] + outs)
    elif kind == "pdf-nodpi":  # no resolution in the JPEG: img2pdf takes 96 dpi → oversized pages
        outs = []
        for i, p in enumerate(pages):
            o = os.path.join(work, "%s-%d.jpg" % (name, i))
            im(p, "-strip", "-quality", str(opt.get("q", 75)), "-units", "Undefined", "-density", "1", o)
            outs.append(o)
        run(["img2pdf", "-D", "--engine", "internal", "-o", dest] + outs)
    elif kind.startswith("png") or kind.startswith("jpeg"):  # one image file: all pages stacked (long screenshot)
        tall = os.path.join(work, name + "-tall.png")
        im(*pages, "-append", "+repage", "-strip", *PNG_CLEAN, tall)
        dens = ["-density", str(dpi), "-units", "PixelsPerInch"]
        if kind == "png-gray8":
            im(tall, "-colorspace", "Gray", "-depth", "8", *dens, *PNG_CLEAN, "PNG8:" + dest if False else dest)
        elif kind == "png-gray16":
            im(tall, "-colorspace", "Gray", "-depth", "16", "-define", "png:bit-depth=16", "-define", "png:color-type=0",
               *dens, *PNG_CLEAN, dest)
        elif kind == "png-palette":
            im(tall, "+dither", "-colors", str(opt.get("colors", 16)), *dens, *PNG_CLEAN, "PNG8:" + dest)
        elif kind == "png-interlaced":
            im(tall, "-interlace", "PNG", *dens, *PNG_CLEAN, dest)
        elif kind == "jpeg-exif":  # stored turned, EXIF Orientation says how to show it
            turn = {6: 270, 8: 90, 3: 180}[opt["orientation"]]  # stored = upright turned this much clockwise
            tmp = os.path.join(work, name + "-turned.jpg")
            im(tall, "-rotate", str(turn), "-strip", "-quality", str(opt.get("q", 80)), *dens, tmp)
            add_exif_orientation(tmp, dest, opt["orientation"])
        elif kind == "jpeg-cmyk":
            im(tall, "-colorspace", "CMYK", "-strip", "-quality", str(opt.get("q", 80)), *dens, dest)
        elif kind == "jpeg-progressive":
            im(tall, "-interlace", "JPEG", "-strip", "-quality", str(opt.get("q", 75)), *dens, dest)
        elif kind == "jpeg":
            if opt.get("nodpi"):
                dens = ["-units", "Undefined", "-density", "1"]
            im(tall, "-strip", "-quality", str(opt.get("q", 75)), *dens, dest)
        elif kind == "png-1bit":
            im(tall, "-colorspace", "Gray", "-threshold", "55%", "-type", "bilevel", *dens, *PNG_CLEAN, dest)
        elif kind == "png-gray4":
            im(tall, "-colorspace", "Gray", "-posterize", "16", "-define", "png:bit-depth=4", "-define", "png:color-type=0",
               *dens, *PNG_CLEAN, dest)
        else:
            raise ValueError(kind)
    elif kind.startswith("tiff"):  # multi-page TIFF: the whole report as one file
        dens = ["-density", str(dpi), "-units", "PixelsPerInch"]
        if kind == "tiff-g4":  # page by page (one ImageMagick call per page stays within its memory policy), tiffcp
            tifs = []
            for i, p in enumerate(pages):
                o = os.path.join(work, "%s-%d.tif" % (name, i))
                bilevel(p, o, tuple(dens))
                tifs.append(o)
            run(["tiffcp"] + tifs + [dest])
        elif kind == "tiff-g3":  # fax TIFF: CCITT G3 1-D, fine mode 204 x 196 dpi
            im(*pages, "-colorspace", "Gray", "-threshold", "55%", "-type", "bilevel", "-compress", "Fax",
               "-units", "PixelsPerInch", "-density", "204x196", "-strip", dest)
        elif kind == "tiff-lzw":
            im(*pages, "-colorspace", "Gray", "-compress", "LZW", *dens, "-strip", dest)
        elif kind == "tiff-jpeg":
            im(*pages, "-compress", "JPEG", "-quality", str(opt.get("q", 75)), *dens, "-strip", dest)
        elif kind == "tiff-strips":
            im(*pages, "-colorspace", "Gray", "-compress", opt.get("compress", "Zip"),
               "-define", "tiff:rows-per-strip=%d" % opt.get("rows", 16), *dens, "-strip", dest)
        else:
            raise ValueError(kind)
    else:
        raise ValueError(kind)


def add_exif_orientation(src, dst, orientation):
    """Insert an APP1 Exif segment holding only the Orientation tag right after SOI."""
    import struct
    data = open(src, "rb").read()
    assert data[:2] == b"\xff\xd8"
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + \
        struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
    body = b"Exif\x00\x00" + tiff
    app1 = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    open(dst, "wb").write(data[:2] + app1 + data[2:])


# ------------------------------------------------------------------ main


def expected_pages(ctx, spec):
    """Pages (PDF) or frames (TIFF) the scan has; 1 for PNG/JPEG (all pages stacked in one image)."""
    if spec["ext"] in ("png", "jpg"):
        return 1
    out = run(["pdfinfo", ctx.pdf(spec["sample"])]).decode()
    n = int(re.search(r"Pages:\s+(\d+)", out)[1])
    if spec.get("pages"):
        n = len(spec["pages"])
    if spec.get("duplex"):
        n *= 2
    if spec["out"] == "pdf-2up":
        n = (n + 1) // 2
    return n


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--samples", default=os.environ.get("GONGKAI_SAMPLES"))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--keep-work", action="store_true")
    ap.add_argument("--skip-existing", action="store_true", help="keep scans already in OUT (faster re-runs)")
    a = ap.parse_args()
    samples = a.samples
    if not samples:
        for cand in (os.path.join(here, "../samples"), os.path.join(here, "../../samples")):
            if os.path.isdir(cand):
                samples = cand
                break
    samples = os.path.abspath(samples)
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="scangen-")
    ctx = Ctx(samples, work)
    import json
    rows = []
    specs = [s for s in SPECS if not a.only or any(o in s["name"] for o in a.only)]
    names = [s["name"] for s in SPECS]
    assert len(names) == len(set(names)), "duplicate names"
    for n, spec in enumerate(specs):
        truth = json.load(open(os.path.join(samples, spec["sample"] + ".truth.json"), encoding="utf-8"))
        seed = int(hashlib.sha256(spec["name"].encode()).hexdigest()[:6], 16)
        spec = dict(spec, agency=truth["report"]["agency"] or "", year=truth["report"]["year"] or 2023, seed=seed)
        dpi = spec["dpi"]
        color = bool(spec.get("color"))
        dest = os.path.join(a.out, spec["name"] + "." + spec["ext"])
        rows.append((spec["name"] + "." + spec["ext"], spec["sample"], str(expected_pages(ctx, spec)), spec["kinds"],
                     spec["desc"]))
        with open(os.path.join(a.out, spec["name"] + ".twin"), "w") as f:
            f.write(spec["sample"] + "\n")
        if a.skip_existing and os.path.exists(dest):
            print("[%d/%d] %s (kept)" % (n + 1, len(specs), dest), flush=True)
            continue
        mono = bool(spec.get("mono_direct"))
        pages = ctx.raster(spec["sample"], spec.get("render_dpi", dpi), color, mono)
        if spec.get("pages"):
            pages = [pages[i] for i in spec["pages"]]
        if mono:  # straight 1-bit render, no soiling
            assert not spec.get("ops") and not spec.get("page_ops")
            soiled = pages
        else:
            soiled = soil(ctx, spec, pages, dpi, color, seed)
        if spec.get("duplex"):  # duplex scan of one-sided originals: a near-blank back after every page
            with_backs = []
            for i, p in enumerate(soiled):
                w, h = size_of(p)
                back = os.path.join(ctx.work, "%s-back%d.png" % (spec["name"], i))
                im("-size", "%dx%d" % (w, h), "xc:%s" % ("#F7F4EC" if color else "gray97"), "(", p, "-flop",
                   "-colorspace", "Gray", "-blur", "0x2", "+level", "93%,100%", ")", "-compose", "Multiply",
                   "-composite", "-seed", str(seed + i), "-attenuate", "0.3", "+noise", "Gaussian",
                   *(["-colorspace", "Gray"] if not color else []), "-density", str(dpi), "-units", "PixelsPerInch",
                   "-strip", *PNG_CLEAN, back)
                with_backs += [p, back]
            soiled = with_backs
        part = os.path.join(a.out, ".part-" + spec["name"] + "." + spec["ext"])  # same extension: IM picks the format by it
        write(ctx, spec, soiled, part)
        os.replace(part, dest)
        if not mono:
            for p in soiled:
                os.remove(p)
        print("[%d/%d] %s" % (n + 1, len(specs), dest), flush=True)
    if not a.only:
        with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8") as f:
            f.write("file\ttwin\tpages\tkinds\twhat was done\n")
            for r in rows:
                f.write("\t".join(r) + "\n")
    if not a.keep_work:
        shutil.rmtree(work)
    else:
        print("work dir kept:", work)


if __name__ == "__main__":
    main()
