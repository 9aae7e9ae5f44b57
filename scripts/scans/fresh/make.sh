#!/bin/bash
# Fresh independent scan set for gongkai (built without reading src/).
# Usage: bash scripts/scans/fresh/make.sh OUT_DIR [--only name-substring ...]
# Made by a helper session that had not read src/ (session 10); its manifest.tsv says what each scan is.
# Needs: poppler-utils (pdftoppm, pdftotext), img2pdf, Debian python3 with numpy + PIL (/usr/bin/python3).
# Source documents: <repo>/samples/<twin>.pdf (born-digital, with <twin>.truth.json). Seeded: reruns give same images.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="${1:?usage: make.sh OUT_DIR [--only name ...]}"; shift || true
REPO="${REPO:-$(cd "$HERE/../../.." && pwd)}"
mkdir -p "$OUT"
export OUT REPO
exec nice -n 10 /usr/bin/python3 - "$@" <<'PY'
import io, os, subprocess, sys, tempfile, zlib, glob, math, random, re
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = os.environ["OUT"]; REPO = os.environ["REPO"]
ONLY = sys.argv[1:]
TMP = tempfile.mkdtemp(prefix="fresh-")
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
manifest = []

def render(twin, dpi, color=False, rx=None, ry=None):
    """Rasterise samples/<twin>.pdf; returns list of uint8 arrays (H,W) or (H,W,3)."""
    pre = os.path.join(TMP, f"{twin}-{dpi}-{int(color)}")
    args = ["pdftoppm"]
    if rx: args += ["-rx", str(rx), "-ry", str(ry)]
    else: args += ["-r", str(dpi)]
    if not color: args += ["-gray"]
    subprocess.run(args + [f"{REPO}/samples/{twin}.pdf", pre], check=True)
    files = sorted(glob.glob(pre + "-*.p?m"), key=lambda f: int(re.findall(r"-(\d+)\.p.m$", f)[0]))
    pages = [np.asarray(Image.open(f)).copy() for f in files]
    for f in files: os.remove(f)
    return pages

def lowfreq(h, w, cells, rng):
    """Smooth noise in [0,1], (h,w)."""
    a = rng.random((cells, cells)).astype(np.float32)
    im = Image.fromarray((a * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)
    return np.asarray(im).astype(np.float32) / 255

def gblur(a, s):
    if s <= 0: return a
    mode = "L" if a.ndim == 2 else "RGB"
    return np.asarray(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode).filter(ImageFilter.GaussianBlur(s))).astype(np.float32)

def rotate(a, deg, fill=255):
    mode = "L" if a.ndim == 2 else "RGB"
    f = fill if a.ndim == 2 else (fill, fill, fill) if isinstance(fill, int) else fill
    return np.asarray(Image.fromarray(a.astype(np.uint8), mode).rotate(deg, Image.BICUBIC, expand=False, fillcolor=f))

def u8(a): return np.clip(np.rint(a), 0, 255).astype(np.uint8)

def sample(img, sx, sy, fill):
    """Bilinear sampling of img (H,W[,C]) float at coords sx, sy (arrays same shape)."""
    H, W = img.shape[:2]
    x0 = np.floor(sx).astype(np.int64); y0 = np.floor(sy).astype(np.int64)
    fx = (sx - x0).astype(np.float32); fy = (sy - y0).astype(np.float32)
    inside = (x0 >= 0) & (y0 >= 0) & (x0 < W - 1) & (y0 < H - 1)
    x0c = np.clip(x0, 0, W - 2); y0c = np.clip(y0, 0, H - 2)
    if img.ndim == 3: fx = fx[..., None]; fy = fy[..., None]; ins = inside[..., None]
    else: ins = inside
    a = img[y0c, x0c]; b = img[y0c, x0c + 1]; c = img[y0c + 1, x0c]; d = img[y0c + 1, x0c + 1]
    v = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy
    return np.where(ins, v, np.float32(fill) if np.ndim(fill) == 0 else np.array(fill, np.float32))

def save_jpeg(a, path, dpi, q, sub=2):
    mode = "L" if a.ndim == 2 else "RGB"
    Image.fromarray(u8(a), mode).save(path, "JPEG", quality=q, dpi=(dpi, dpi), subsampling=sub, optimize=True)

def save_g4(bits, path, dpi):
    """bits: bool array, True = black."""
    Image.fromarray(~bits).convert("1").save(path, "TIFF", compression="group4", dpi=(dpi, dpi))

def img2pdf(files, out):
    subprocess.run(["img2pdf", "-D", "-o", out] + files, check=True)

def twin_file(name, twin, what):
    with open(os.path.join(OUT, name.rsplit(".", 1)[0] + ".twin"), "w") as f: f.write(twin + "\n")
    manifest.append((name, twin, what))
    print("made", name, flush=True)

def want(name): return not ONLY or any(o in name for o in ONLY)

def pack_pages(name, pages, dpi, q=80, sub=2):
    files = []
    for i, p in enumerate(pages):
        f = os.path.join(TMP, f"{name}-{i}.jpg"); save_jpeg(p, f, dpi, q, sub); files.append(f)
    img2pdf(files, os.path.join(OUT, name))

def bits_pdf(name, bitpages, dpi):
    files = []
    for i, b in enumerate(bitpages):
        f = os.path.join(TMP, f"{name}-{i}.tif"); save_g4(b, f, dpi); files.append(f)
    img2pdf(files, os.path.join(OUT, name))

def paper(a, level, rng, noise=3.0):
    """Map white to `level`, keep ink; add fine noise."""
    a = a.astype(np.float32)
    a = a * (level / 255.0)
    return a + rng.normal(0, noise, a.shape).astype(np.float32)

BAYER8 = None
def bayer(n):
    m = np.array([[0]])
    while m.shape[0] < n:
        m = np.block([[4 * m, 4 * m + 2], [4 * m + 3, 4 * m + 1]])
    return (m + 0.5) / m.size

def ordered_dither(a, n=8):
    H, W = a.shape
    t = np.tile(bayer(n), (H // n + 1, W // n + 1))[:H, :W]
    return (a / 255.0) < t  # True = black

def fs_dither(a):
    return np.asarray(Image.fromarray(u8(a), "L").convert("1")) == 0  # PIL uses Floyd-Steinberg

def word_boxes(twin, page, dpi):
    """Word boxes (xmin,ymin,xmax,ymax,text) in pixels at dpi from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), f"{REPO}/samples/{twin}.pdf", "-"],
                         check=True, capture_output=True, text=True).stdout
    s = dpi / 72.0
    return [(float(m[0]) * s, float(m[1]) * s, float(m[2]) * s, float(m[3]) * s, m[4]) for m in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]

# ---------------------------------------------------------------- scans
def x01():  # FS dither 300 dpi
    name = "x01-ruled-clean-300-fs-dither-g4.pdf"; twin = "ruled-clean-2023"
    if not want(name): return
    rng = np.random.default_rng(101)
    outp = []
    for i, p in enumerate(render(twin, 300)):
        a = gblur(p.astype(np.float32), 0.7)
        H, W = a.shape
        light = 0.93 + 0.05 * lowfreq(H, W, 4, rng)
        a = paper(a, 255, rng, 4) * light
        a = rotate(u8(a), [0.5, -0.3, 0.6, -0.4][i % 4], 240)
        outp.append(fs_dither(a.astype(np.float32)))
    bits_pdf(name, outp, 300)
    twin_file(name, twin, "Floyd-Steinberg dithered bilevel 300 dpi: grey paper (~93-98%) + blur 0.7 + noise dithered to 1-bit (background dot pattern, dithered stroke edges), turned <=0.6 deg, CCITT G4 via img2pdf")

def x02():  # ordered dither 200 dpi
    name = "x02-v2019-ruled-200-bayer-dither.pdf"; twin = "v2019-ruled-2020"
    if not want(name): return
    rng = np.random.default_rng(102)
    outp = []
    for i, p in enumerate(render(twin, 200)):
        a = p.astype(np.float32)
        a = 70 + a * (185 / 255.0)  # grey ink (70), paper 255*? -> 255
        a = gblur(a, 0.9)
        a = a * 0.94 + rng.normal(0, 3, a.shape)
        a = rotate(u8(a), -0.7 if i % 2 else 0.4, 240)
        outp.append(ordered_dither(a.astype(np.float32), 8))
    bits_pdf(name, outp, 200)
    twin_file(name, twin, "ordered (Bayer 8x8) dithered bilevel 200 dpi: grey ink (~27%) + blur 0.9 + paper 94%, so strokes and background are screened; turned 0.4/-0.7 deg; CCITT G4")

def x03():  # gutter shadow + uneven illumination
    name = "x03-three-line-300-gutter-shadow.pdf"; twin = "three-line-2022"
    if not want(name): return
    rng = np.random.default_rng(103)
    outp = []
    for i, p in enumerate(render(twin, 300)):
        a = p.astype(np.float32); H, W = a.shape
        x = np.arange(W, dtype=np.float32)[None, :] / W
        y = np.arange(H, dtype=np.float32)[:, None] / H
        d = x if i % 2 == 0 else 1 - x  # gutter alternates side (bound volume)
        shade = 1 - 0.62 * np.exp(-d / 0.045) - 0.12 * np.exp(-d / 0.18)
        shade = shade * (1 - 0.10 * y) * (0.97 + 0.03 * lowfreq(H, W, 3, rng))
        a = paper(a, 246, rng, 2.5) * shade
        # curl near the gutter: compress the text toward the gutter a little
        xs = np.arange(W, dtype=np.float32)
        dd = xs / W if i % 2 == 0 else 1 - xs / W
        shift = 18 * np.exp(-dd / 0.06)
        sx = xs + (shift if i % 2 == 0 else -shift)
        sx = np.broadcast_to(sx[None, :], (H, W)); sy = np.broadcast_to(np.arange(H, dtype=np.float32)[:, None], (H, W))
        a = sample(a, sx, sy, 30)
        a = rotate(u8(a), 0.8 if i % 2 else -0.5, 200)
        outp.append(a)
    pack_pages(name, outp, 300, q=80)
    twin_file(name, twin, "bound-volume copy: gutter shadow (down to ~35% at the binding, alternating left/right side by page) + text curling into the gutter (<=18 px shift), light falling 10% top to bottom, 300 dpi gray JPEG q80, turned <=0.8 deg")

def x04():  # fold crease + lid edge band
    name = "x04-wrapped-labels-200-creases-lid-band.pdf"; twin = "wrapped-labels-2024"
    if not want(name): return
    rng = np.random.default_rng(104)
    outp = []
    for i, p in enumerate(render(twin, 200)):
        a = paper(p.astype(np.float32), 247, rng, 2.5); H, W = a.shape
        yy = np.arange(H, dtype=np.float32)[:, None]; xx = np.arange(W, dtype=np.float32)[None, :]
        for frac in (1 / 3, 2 / 3):  # letter fold, two creases
            y0 = H * frac + 6 * np.sin(xx / W * 3.1 + i) + rng.uniform(-10, 10)
            dist = yy - y0
            crease = 1 - 0.45 * np.exp(-(dist / 1.6) ** 2)           # dark fold line
            crease *= np.where(dist > 0, 1 - 0.10 * np.exp(-np.abs(dist) / 25), 1)   # shadow on one side
            crease *= np.where(dist < 0, 1 + 0.03 * np.exp(-np.abs(dist) / 12), 1)   # highlight on other
            # worn ink along the fold
            wear = np.exp(-(dist / 3.0) ** 2) * (rng.random((H, W)) < 0.5)
            a = a * crease + wear * (240 - a) * 0.6 * (a < 160)
        # dark scanner-lid band along right and top edges
        band_r = int(W * 0.035); band_t = int(H * 0.02)
        edge = 35 + 25 * lowfreq(H, W, 6, rng)
        ramp_r = np.clip((xx - (W - band_r)) / 8, 0, 1)
        ramp_t = np.clip((band_t - yy) / 8, 0, 1)
        m = np.maximum(np.broadcast_to(ramp_r, (H, W)), np.broadcast_to(ramp_t, (H, W)))
        a = a * (1 - m) + edge * m
        a = rotate(u8(a), 0.6, 40)
        outp.append(a)
    pack_pages(name, outp, 200, q=75)
    twin_file(name, twin, "letter-folded original: two horizontal fold creases at 1/3 and 2/3 (dark 1-2 px line, side shadow, ink worn along the fold), dark scanner-lid band along right (3.5%) and top (2%) edges, 200 dpi gray JPEG q75, turned 0.6 deg")

def x05():  # moire / screen texture
    name = "x05-county-rules-200-moire-screen.pdf"; twin = "county-rules-2024"
    if not want(name): return
    rng = np.random.default_rng(105)
    outp = []
    for i, p in enumerate(render(twin, 600)):
        # the original was printed through a halftone screen (~85 lpi, 15 deg, clustered dots) on a grey tint;
        # the scanner point-samples it at 200 dpi -> beat (moire) patterns
        a = p.astype(np.float32); H, W = a.shape
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        t = np.deg2rad(15); P = 600 / 95.0
        u = xx * np.cos(t) + yy * np.sin(t); v = -xx * np.sin(t) + yy * np.cos(t)
        scr = (np.cos(2 * np.pi * u / P) + np.cos(2 * np.pi * v / P)) / 4 + 0.5
        del u, v, yy, xx
        tone = 0.16 + a / 255.0 * 0.68  # grey tint and grey (screened) text
        printed = np.where(tone > scr * 0.98 + 0.01, 250.0, 25.0).astype(np.float32)
        del scr, tone
        printed = gblur(printed, 0.7)
        b = printed[1::3, 1::3]
        b = b + rng.normal(0, 2.5, b.shape)
        outp.append(rotate(u8(b), -0.5, 225))
    pack_pages(name, outp, 200, q=85)
    twin_file(name, twin, "moire: original printed as a clustered-dot halftone (~95 lpi, 15 deg) on an 84% grey tint with the text screened too (16% grey), rendered at 600 dpi, scanner blur 0.7 then point-sampled every 3rd pixel to 200 dpi (beat patterns), 200 dpi gray JPEG q85, turned -0.5 deg")

def x06():  # JPEG 4:2:0 colour, tinted paper
    name = "x06-no-caption-250-color-420-tinted.pdf"; twin = "no-caption-2022"
    if not want(name): return
    rng = np.random.default_rng(106)
    tint = np.array([236, 246, 230], np.float32)  # pale green office paper
    outp = []
    for i, p in enumerate(render(twin, 250, color=True)):
        a = p.astype(np.float32); H, W = a.shape[:2]
        a = a / 255.0 * tint[None, None, :]
        a = a * (0.95 + 0.05 * lowfreq(H, W, 4, rng))[..., None] + rng.normal(0, 2.5, a.shape)
        ink = a.mean(axis=2) < 120
        a[ink] = a[ink] * 0.6 + np.array([25, 22, 40], np.float32) * 0.4  # slightly bluish-black toner
        a = rotate(u8(a), 0.35, (236, 246, 230))
        outp.append(a)
    pack_pages(name, outp, 250, q=72, sub=2)
    twin_file(name, twin, "colour office scan of pale green paper (236,246,230) with bluish-black toner, 250 dpi, JPEG q72 with 4:2:0 chroma subsampling, turned 0.35 deg")

def x07():  # 120 dpi
    name = "x07-fullwidth-large-120-q75.pdf"; twin = "fullwidth-large-2023"
    if not want(name): return
    rng = np.random.default_rng(107)
    outp = [rotate(u8(paper(p.astype(np.float32), 245, rng, 2)), -0.3, 245) for p in render(twin, 120)]
    pack_pages(name, outp, 120, q=75)
    twin_file(name, twin, "low resolution 120 dpi gray, paper 96%, JPEG q75, turned -0.3 deg")

def x08():  # 600 dpi gray
    name = "x08-garbled-font-600-gray-q70.pdf"; twin = "garbled-font-2023"
    if not want(name): return
    rng = np.random.default_rng(108)
    outp = []
    for i, p in enumerate(render(twin, 600)):
        a = gblur(paper(p.astype(np.float32), 242, rng, 3), 1.2)
        outp.append(rotate(u8(a), 0.25, 242))
    pack_pages(name, outp, 600, q=70)
    twin_file(name, twin, "high resolution 600 dpi 8-bit gray (not bilevel), blur 1.2 px, paper 95%, JPEG q70, turned 0.25 deg")

def x09():  # blue pen marks near numbers
    name = "x09-page-split-200-blue-pen-marks.pdf"; twin = "page-split-2023"
    if not want(name): return
    rng = np.random.default_rng(109); R = random.Random(109)
    outp = []
    for i, p in enumerate(render(twin, 200, color=True)):
        a = paper(p.astype(np.float32), 250, rng, 2)
        im = Image.fromarray(u8(a), "RGB"); dr = ImageDraw.Draw(im)
        words = word_boxes(twin, i + 1, 200)
        digits = [w for w in words if re.search(r"\d", w[4])]
        def clear(box, pad=6):
            x0, y0, x1, y1 = box
            return all(x1 + pad < d[0] or x0 - pad > d[2] or y1 + pad < d[1] or y0 - pad > d[3] for d in digits)
        pen = (35, 55, 170)
        labels = [w for w in words if not re.search(r"\d", w[4]) and len(w[4]) >= 3]
        R.shuffle(labels)
        n = 0
        for (x0, y0, x1, y1, t) in labels:
            if n >= 4: break
            box = (x0 - 10, y0 - 8, x1 + 10, y1 + 8)
            if not clear(box, 4): continue
            # wobbly ellipse (hand-drawn circle)
            cx, cy, rx, ry = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
            pts = [(cx + rx * (1 + 0.06 * math.sin(3 * k / 9 + n)) * math.cos(k / 40 * 2 * math.pi * 1.08),
                    cy + ry * (1 + 0.08 * math.cos(2 * k / 7)) * math.sin(k / 40 * 2 * math.pi * 1.08)) for k in range(41)]
            dr.line(pts, fill=pen, width=3, joint="curve"); n += 1
        # underline under some label words
        m = 0
        for (x0, y0, x1, y1, t) in labels[4:]:
            if m >= 3: break
            box = (x0, y1 + 2, x1, y1 + 10)
            if not clear(box, 3): continue
            pts = [(x0 + (x1 - x0) * k / 12, y1 + 5 + 1.8 * math.sin(k * 1.3 + m)) for k in range(13)]
            dr.line(pts, fill=pen, width=2, joint="curve"); m += 1
        # tick marks and a wavy bracket in the left margin
        H, W = a.shape[:2]
        for k in range(3):
            ty = R.uniform(0.2, 0.85) * H; tx = R.uniform(0.03, 0.07) * W
            if clear((tx - 5, ty - 30, tx + 40, ty + 5)):
                dr.line([(tx, ty - 10), (tx + 9, ty), (tx + 34, ty - 28)], fill=pen, width=3, joint="curve")
        bx = 0.085 * W; by = R.uniform(0.3, 0.5) * H
        if clear((bx - 8, by, bx + 8, by + 0.15 * H)):
            dr.line([(bx + 3 * math.sin(k / 3), by + k * 0.15 * H / 30) for k in range(31)], fill=pen, width=2)
        # a handwritten note in the top margin
        f = ImageFont.truetype(FONT, 34)
        if i == 0: dr.text((0.55 * W, 0.035 * H), "已核 存档", fill=pen, font=f)
        a = np.asarray(im.filter(ImageFilter.GaussianBlur(0.5))).astype(np.float32)
        outp.append(rotate(u8(a), 0.5 if i % 2 else -0.4, (250, 250, 250)))
    pack_pages(name, outp, 200, q=78)
    twin_file(name, twin, "reader's blue ballpoint marks: wobbly circles around label text, underlines, ticks and a bracket in the left margin, note 已核 存档 in the top margin; kept >=4 px off every word with a digit; colour 200 dpi JPEG q78")

def x10():  # fax with horizontal streaks
    name = "x10-zero-styles-fax-streaks-g4.pdf"; twin = "zero-styles-2021"
    if not want(name): return
    rng = np.random.default_rng(110); R = random.Random(110)
    outp = []
    pages = render(twin, 0, rx=204, ry=196)
    n = len(pages)
    for i, p in enumerate(pages):
        a = p.astype(np.float32); H, W = a.shape
        # fit to 1728 px wide fax line
        im = Image.fromarray(u8(a), "L")
        if W != 1728:
            c = Image.new("L", (1728, H), 255); c.paste(im.crop((0, 0, min(W, 1728), H)), ((1728 - min(W, 1728)) // 2, 0)); im = c
        dr = ImageDraw.Draw(im); f = ImageFont.truetype(FONT, 22)
        dr.text((20, 6), f"2022-01-26 09:4{i} 来自:0951-5012366  致:政务公开办   第{i + 1}页/共{n}页", fill=0, font=f)
        a = np.asarray(im).astype(np.float32)
        a = rotate(u8(a), 0.5 - 0.35 * i, 255).astype(np.float32)
        b = a < 150
        H, W = b.shape
        # horizontal streaks: black lines (dirty sensor) and white dropouts (lost lines)
        for k in range(R.randint(4, 7)):
            y = R.randrange(60, H - 10); t = R.choice([1, 1, 2, 3])
            x0 = R.choice([0, R.randrange(0, W // 2)]); x1 = R.choice([W, R.randrange(W // 2, W)])
            b[y:y + t, x0:x1] = True
        for k in range(R.randint(5, 9)):
            y = R.randrange(60, H - 10); t = R.choice([1, 1, 2])
            b[y:y + t, :] = False
        # a few lines shifted (sync slip)
        for k in range(2):
            y = R.randrange(100, H - 40); h = R.randint(2, 5); s = R.choice([-3, 3, 5])
            b[y:y + h] = np.roll(b[y:y + h], s, axis=1)
        b ^= rng.random(b.shape) < 0.0008  # speckle
        outp.append(b)
    files = []
    for i, bb in enumerate(outp):
        f = os.path.join(TMP, f"x10-{i}.tif")
        Image.fromarray(~bb).convert("1").save(f, "TIFF", compression="group4", dpi=(204, 196)); files.append(f)
    img2pdf(files, os.path.join(OUT, name))
    twin_file(name, twin, "fax: 204x196 dpi bilevel 1728 px wide, sender header line (2022-01-26 ..., page i/n), 4-7 black horizontal streaks (1-3 px, partial or full width), 5-9 white dropout lines, 2 bands shifted by 3-5 px, speckle, turned 0.5..-0.2 deg; CCITT G4 via img2pdf")

def x11():  # phone photo perspective + barrel
    name = "x11-chromium-ruled-phone-barrel-persp.pdf"; twin = "chromium-ruled-2023"
    if not want(name): return
    rng = np.random.default_rng(111)
    outp = []
    for i, p in enumerate(render(twin, 220, color=True)):
        a = p.astype(np.float32) * np.array([0.97, 0.95, 0.90], np.float32)  # warm light
        H, W = a.shape[:2]
        # canvas: page on a dark desk, 8% margin
        mh, mw = int(H * 0.06), int(W * 0.07)
        CH, CW = H + 2 * mh, W + 2 * mw
        # output coords -> barrel (undo) -> perspective -> page coords
        yy, xx = np.mgrid[0:CH, 0:CW].astype(np.float32)
        cx, cy = CW / 2, CH / 2; r0 = math.hypot(cx, cy)
        nx, ny = (xx - cx) / r0, (yy - cy) / r0
        r2 = nx * nx + ny * ny
        k1 = 0.035 + 0.01 * i  # barrel: straight lines bow outward
        f = 1 + k1 * r2
        ux, uy = cx + nx * f * r0, cy + ny * f * r0
        # perspective: top edge narrower (camera tilted), plus slight rotation
        t = (uy - mh) / H  # 0 top .. 1 bottom
        shrink = 0.035 * (1 - t) + 0.0
        px = (ux - cx) / (1 - shrink) + cx
        ang = np.deg2rad(1.2 - 0.8 * i)
        qx = (px - cx) * math.cos(ang) - (uy - cy) * math.sin(ang) + cx
        qy = (px - cx) * math.sin(ang) + (uy - cy) * math.cos(ang) + cy
        sx, sy = qx - mw, qy - mh
        desk = np.array([48, 42, 38], np.float32)
        out = sample(a, sx, sy, desk)
        # vignetting + light from the upper left
        vig = 1 - 0.25 * r2 - 0.08 * (nx + ny)
        out = out * vig[..., None] + rng.normal(0, 3.5, out.shape)
        out = gblur(out, 0.8)
        outp.append(u8(out))
    pack_pages(name, outp, 220, q=75)
    twin_file(name, twin, "phone photo: barrel lens distortion (k1 0.035-0.055, ruled lines bow), perspective (top 3.5% narrower), turned 1.2..-0.4 deg, page on a dark desk, vignetting + light from the upper left, warm cast, blur 0.8, colour JPEG q75 (~220 px/in on the page)")

def x12():  # toner low
    name = "x12-vertical-merged-300-toner-low.pdf"; twin = "vertical-merged-2022"
    if not want(name): return
    rng = np.random.default_rng(112)
    outp = []
    for i, p in enumerate(render(twin, 300)):
        a = p.astype(np.float32); H, W = a.shape
        ink = 1 - a / 255.0  # 1 = full ink
        # toner-starved vertical bands (feed direction) + blotchy coverage
        xx = np.arange(W, dtype=np.float32)
        band = 0.85 + 0.15 * np.cos(2 * np.pi * xx / W * 1.7 + i)[None, :]
        cover = band * (0.7 + 0.3 * lowfreq(H, W, 40, rng))
        # broken strokes: pixel dropouts in ink, clustered
        fine = rng.random((H // 3, W // 3)).astype(np.float32)
        fine = np.asarray(Image.fromarray(u8(fine * 255), "L").resize((W, H), Image.BICUBIC).filter(ImageFilter.GaussianBlur(1.2))).astype(np.float32) / 255
        keep = fine > np.quantile(fine, 0.20)
        ink = ink * cover * keep
        a = 250 - 250 * np.clip(ink * 0.85, 0, 1)  # darkest ink ~ 15% grey -> lighter print
        a = gblur(a, 0.5) + rng.normal(0, 2.5, a.shape)
        outp.append(rotate(u8(a), -0.6 if i % 2 else 0.3, 250))
    pack_pages(name, outp, 300, q=82)
    twin_file(name, twin, "toner low: ink lightened (max ~85% coverage, 70-100% blotchy, x0.7-1.0 vertical bands along the feed direction), ~20% of stroke pixels dropped in small clusters (broken strokes), 300 dpi gray JPEG q82, turned 0.3/-0.6 deg")

def x13():  # cover + blank page
    name = "x13-unruled-200-cover-and-blank.pdf"; twin = "unruled-2024"
    if not want(name): return
    rng = np.random.default_rng(113)
    pages = render(twin, 200)
    H, W = pages[0].shape
    cov = Image.new("L", (W, H), 255); d = ImageDraw.Draw(cov)
    fb = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 62)
    fm = ImageFont.truetype(SERIF, 40)
    def ctext(y, t, f):
        w = d.textlength(t, font=f); d.text(((W - w) / 2, y), t, fill=0, font=f)
    ctext(int(H * 0.30), "广西壮族自治区人民政府", fb)
    ctext(int(H * 0.30) + 100, "2024年政府信息公开工作", fb)
    ctext(int(H * 0.30) + 200, "年度报告", fb)
    ctext(int(H * 0.78), "广西壮族自治区人民政府办公厅", fm)
    ctext(int(H * 0.78) + 60, "二〇二五年一月", fm)
    cover = np.asarray(cov).astype(np.float32)
    blank = np.full((H, W), 255, np.float32)
    # faint show-through of the cover on the blank (back of cover), mirrored
    blank = blank - 0.05 * (255 - cover[:, ::-1])
    seq = [cover, blank] + [p.astype(np.float32) for p in pages]
    outp = []
    for i, a in enumerate(seq):
        a = paper(a, 244, rng, 2.5)
        outp.append(rotate(u8(a), [0.3, 0.0, -0.6, 0.5, -0.2, 0.4][i % 6], 244))
    pack_pages(name, outp, 200, q=70)
    twin_file(name, twin, "archive scan with a printed cover page (agency, 2024年政府信息公开工作年度报告, 办公厅, 二〇二五年一月) and the near-blank back of the cover (faint mirrored show-through) before the report; 200 dpi gray JPEG q70; 5 pages")

def x14():  # multi-page TIFF LZW colour
    name = "x14-mixed-s3-2019-row-240-tiff-lzw-rgb.tif"; twin = "mixed-s3-2019-row-2024"
    if not want(name): return
    rng = np.random.default_rng(114)
    ims = []
    for i, p in enumerate(render(twin, 240, color=True)):
        a = p.astype(np.float32); H, W = a.shape[:2]
        a = a / 255.0 * np.array([242, 240, 236], np.float32)
        x = np.arange(W, dtype=np.float32)[None, :] / W
        a = a * (1 - 0.12 * x)[..., None] + rng.normal(0, 2.0, a.shape)  # lamp falls off to the right
        a = (a // 4) * 4  # 6-bit scanner
        ims.append(Image.fromarray(rotate(u8(a), 0.7, (242, 240, 236)), "RGB"))
    ims[0].save(os.path.join(OUT, name), "TIFF", compression="tiff_lzw", save_all=True, append_images=ims[1:], dpi=(240, 240))
    twin_file(name, twin, "multi-page RGB TIFF, LZW, 240 dpi, greyish paper, lamp falling off 12% to the right, 6-bit levels, turned 0.7 deg")

def pdf_strips(path, pages, dpi):
    """Minimal PDF: each page a list of strips (kind, data, w, h, ncomp) stacked top to bottom."""
    objs = []
    def add(b): objs.append(b); return len(objs)
    pages_id = None; page_ids = []
    kids_placeholder = add(b"")  # 1 = Pages
    cat = add(b"")              # 2 = Catalog
    for strips in pages:
        W = strips[0][2]; Htot = sum(s[3] for s in strips)
        pw, ph = W * 72.0 / dpi, Htot * 72.0 / dpi
        xo = []; content = []
        y = ph
        for k, (kind, data, w, h, nc) in enumerate(strips):
            cs = b"/DeviceGray" if nc == 1 else b"/DeviceRGB"
            flt = b"/DCTDecode" if kind == "dct" else b"/FlateDecode"
            d = b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter %s /Length %d >>\nstream\n" % (w, h, cs, flt, len(data)) + data + b"\nendstream"
            xo.append(add(d))
            sh = h * 72.0 / dpi; y -= sh
            content.append(b"q %.4f 0 0 %.4f 0 %.4f cm /Im%d Do Q" % (pw, sh, y, k))
        c = b"\n".join(content)
        cid = add(b"<< /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")
        res = b" ".join(b"/Im%d %d 0 R" % (k, o) for k, o in enumerate(xo))
        page_ids.append(add(b"<< /Type /Page /Parent 1 0 R /MediaBox [0 0 %.4f %.4f] /Resources << /XObject << %s >> >> /Contents %d 0 R >>" % (pw, ph, res, cid)))
    objs[0] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % p for p in page_ids), len(page_ids))
    objs[1] = b"<< /Type /Catalog /Pages 1 0 R >>"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"); offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out)); out += b"%d 0 obj\n" % n + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 2 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    open(path, "wb").write(out)

def x15():  # strips
    name = "x15-narrative-mismatch-200-3-strips-mixed.pdf"; twin = "narrative-mismatch-2022"
    if not want(name): return
    rng = np.random.default_rng(115); R = random.Random(115)
    pages = []
    for i, p in enumerate(render(twin, 200)):
        a = rotate(u8(paper(p.astype(np.float32), 246, rng, 2.5)), -0.4, 246); H, W = a.shape
        n = 2 if i % 2 else 3
        cuts = sorted(R.sample(range(int(H * 0.2), int(H * 0.8)), n - 1))
        bounds = [0] + cuts + [H]
        strips = []
        for k in range(n):
            s = a[bounds[k]:bounds[k + 1]]
            if (k + i) % 2 == 0:
                bio = io.BytesIO(); Image.fromarray(s, "L").save(bio, "JPEG", quality=75); strips.append(("dct", bio.getvalue(), W, s.shape[0], 1))
            else:
                strips.append(("flate", zlib.compress(s.tobytes(), 6), W, s.shape[0], 1))
        pages.append(strips)
    pdf_strips(os.path.join(OUT, name), pages, 200)
    twin_file(name, twin, "each page split into 3 (odd pages) or 2 (even pages) horizontal strips at random heights (cuts may cross table rows), strips alternate DCT q75 / Flate image XObjects, 200 dpi gray, turned -0.4 deg; hand-written PDF")

def x16():  # turned 90 ccw inside image
    name = "x16-arith-errors-250-turned90ccw.pdf"; twin = "arith-errors-2023"
    if not want(name): return
    rng = np.random.default_rng(116)
    outp = []
    for i, p in enumerate(render(twin, 250)):
        a = rotate(u8(paper(p.astype(np.float32), 243, rng, 3)), 0.7, 243)
        outp.append(np.rot90(a, 1).copy())  # 90 deg anticlockwise, no /Rotate
    pack_pages(name, outp, 250, q=75)
    twin_file(name, twin, "fed sideways: every page turned 90 deg anticlockwise inside a landscape image (no /Rotate) plus 0.7 deg skew, 250 dpi gray JPEG q75; published arithmetic errors must stay flagged")

def x17():  # gutter + FS dither bilevel 200 (photocopied bound volume)
    name = "x17-legacy-table-200-gutter-fs-dither.pdf"; twin = "legacy-table-2016"
    if not want(name): return
    rng = np.random.default_rng(117)
    outp = []
    for i, p in enumerate(render(twin, 200)):
        a = p.astype(np.float32); H, W = a.shape
        x = np.arange(W, dtype=np.float32)[None, :] / W
        d = x if i % 2 == 0 else 1 - x
        shade = 1 - 0.7 * np.exp(-d / 0.035) - 0.1 * np.exp(-d / 0.15)
        a = paper(a, 250, rng, 3) * shade * (0.95 + 0.05 * lowfreq(H, W, 3, rng))
        a = rotate(u8(gblur(a, 0.6)), 1.0, 250)
        outp.append(fs_dither(a.astype(np.float32)))
    bits_pdf(name, outp, 200)
    twin_file(name, twin, "photocopied bound volume, then bilevel scan: gutter shadow (to ~20% at the binding, alternating side) Floyd-Steinberg dithered to 1-bit at 200 dpi, blur 0.6, turned 1.0 deg; CCITT G4")

def x18():  # halftone clustered-dot 300 dpi ordered dither of colour-tinted gray, with lid band at left
    name = "x18-ruled-clean-300-halftone-dots-lid.pdf"; twin = "ruled-clean-2023"
    if not want(name): return
    rng = np.random.default_rng(118)
    outp = []
    # clustered-dot 6x6 threshold (45 deg screen-ish)
    c = np.array([[34, 25, 21, 17, 29, 33], [30, 13, 9, 5, 12, 24], [18, 6, 1, 0, 8, 20],
                  [22, 10, 2, 3, 4, 16], [26, 14, 7, 11, 15, 28], [35, 31, 19, 23, 27, 32]], np.float32)
    thr = (c + 0.5) / 36
    for i, p in enumerate(render(twin, 300)):
        a = p.astype(np.float32); H, W = a.shape
        a = 40 + a * (205 / 255.0)
        a = gblur(a, 1.0) * (0.90 + 0.06 * lowfreq(H, W, 4, rng))
        xx = np.arange(W, dtype=np.float32)[None, :]
        m = np.clip((int(W * 0.03) - xx) / 10, 0, 1)  # dark lid band at left
        a = a * (1 - m) + 30 * m
        a = rotate(u8(a), -0.45, 225)
        t = np.tile(thr, (H // 6 + 1, W // 6 + 1))[:H, :W]
        outp.append(a / 255.0 < t)
    bits_pdf(name, outp, 300)
    twin_file(name, twin, "clustered-dot halftone (6x6 cell, ~50 lpi at 300 dpi) bilevel: grey ink (~16%), paper 90-96%, blur 1.0 before screening, dark lid band along the left 3%, turned -0.45 deg; CCITT G4")

for fn in [x07, x01, x02, x03, x04, x05, x06, x09, x10, x11, x12, x13, x14, x15, x16, x17, x18, x08]:
    fn()

if not ONLY:
    with open(os.path.join(OUT, "manifest.tsv"), "w") as f:
        f.write("file\ttwin\twhat was done\n")
        for m in sorted(manifest): f.write("\t".join(m) + "\n")
subprocess.run(["rm", "-rf", TMP])
PY
