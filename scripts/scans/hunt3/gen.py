#!/usr/bin/python3
"""hunt3: a scan set for gongkai built without reading src/ — printed reports degraded by scanning,
copying, photographing, stamping and annotating, each with one condition none of scanset/, scanset-fresh/
or scanset-hunt2/ has.  Seeded (per-scan seed from its name).

Usage: [REPO=<checkout>] /usr/bin/python3 gen.py OUT_DIR [name-substring ...]
Needs Debian python3 with numpy, scipy, PIL; poppler-utils (pdftoppm, pdftotext); img2pdf.
Source documents: REPO/samples/<twin>.pdf (born-digital) — each scan's X.twin names it.
"""
import glob, hashlib, math, os, random, re, subprocess, sys, tempfile
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from scipy import ndimage as ndi

OUT = sys.argv[1]
ONLY = sys.argv[2:]
REPO = os.environ.get("REPO", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
TMP = tempfile.mkdtemp(prefix="hunt3-")
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SERIFB = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
os.makedirs(OUT, exist_ok=True)
MANIFEST = os.path.join(OUT, "manifest.tsv")


# ------------------------------------------------------------------ helpers
def seed_of(name):
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)


def render(twin, dpi=None, color=False, rx=None, ry=None):
    pre = os.path.join(TMP, f"{twin}-{dpi}-{rx}-{ry}-{int(color)}")
    args = ["pdftoppm"] + (["-rx", str(rx), "-ry", str(ry)] if rx else ["-r", str(dpi)])
    if not color:
        args.append("-gray")
    subprocess.run(args + [f"{REPO}/samples/{twin}.pdf", pre], check=True)
    files = sorted(glob.glob(pre + "-*.p?m"), key=lambda f: int(re.findall(r"-(\d+)\.p.m$", f)[0]))
    pages = [np.asarray(Image.open(f)).astype(np.float32) for f in files]
    for f in files:
        os.remove(f)
    return pages


def words(twin, page, dpi):
    """(x0,y0,x1,y1,text) in pixels at dpi, page 1-based."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), f"{REPO}/samples/{twin}.pdf", "-"],
                         check=True, capture_output=True, text=True).stdout
    s = dpi / 72.0
    return [(float(a) * s, float(b) * s, float(c) * s, float(d) * s, t) for a, b, c, d, t in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


NUMRE = re.compile(r"^[0-9０-９][0-9０-９,.，]*$")


def nums(twin, page, dpi):
    return [w for w in words(twin, page, dpi) if NUMRE.match(w[4])]


def page_with(twin, text):
    n = int(re.findall(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", f"{REPO}/samples/{twin}.pdf"], capture_output=True, text=True).stdout)[0])
    for p in range(1, n + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), f"{REPO}/samples/{twin}.pdf", "-"], capture_output=True, text=True).stdout
        if text in t.replace(" ", ""):
            return p
    return None


def u8(a):
    return np.clip(np.rint(a), 0, 255).astype(np.uint8)


def pil(a):
    return Image.fromarray(u8(a), "L" if a.ndim == 2 else "RGB")


def arr(im):
    return np.asarray(im).astype(np.float32)


def rotate(a, deg, fill=255):
    f = fill if a.ndim == 2 else ((fill,) * 3 if np.ndim(fill) == 0 else tuple(fill))
    return arr(pil(a).rotate(deg, Image.BICUBIC, expand=False, fillcolor=f))


def blur(a, s):
    return arr(pil(a).filter(ImageFilter.GaussianBlur(s))) if s > 0 else a


def lowfreq(h, w, cells, rng):
    a = rng.random((cells, cells)).astype(np.float32)
    return arr(Image.fromarray(u8(a * 255)).resize((w, h), Image.BICUBIC)) / 255


def noise(a, rng, s):
    return a + rng.normal(0, s, a.shape).astype(np.float32)


def to_rgb(g):
    return np.repeat(g[..., None], 3, axis=2)


def sample(img, sx, sy, fill):
    """Bilinear sampling of img at float coords (same shape arrays)."""
    H, W = img.shape[:2]
    x0 = np.floor(sx).astype(np.int64); y0 = np.floor(sy).astype(np.int64)
    fx = (sx - x0).astype(np.float32); fy = (sy - y0).astype(np.float32)
    inside = (x0 >= 0) & (y0 >= 0) & (x0 < W - 1) & (y0 < H - 1)
    x0 = np.clip(x0, 0, W - 2); y0 = np.clip(y0, 0, H - 2)
    if img.ndim == 3:
        fx = fx[..., None]; fy = fy[..., None]; inside = inside[..., None]
    v = (img[y0, x0] * (1 - fx) + img[y0, x0 + 1] * fx) * (1 - fy) + (img[y0 + 1, x0] * (1 - fx) + img[y0 + 1, x0 + 1] * fx) * fy
    return np.where(inside, v, np.array(fill, np.float32))


def save_jpeg(a, path, dpi, q, sub=2):
    pil(a).save(path, "JPEG", quality=q, dpi=(dpi, dpi), subsampling=sub, optimize=True)


def pack_jpeg(name, pages, dpi, q=75, sub=2):
    files = []
    for i, p in enumerate(pages):
        f = os.path.join(TMP, f"{name}-{i}.jpg"); save_jpeg(p, f, dpi, q, sub); files.append(f)
    subprocess.run(["img2pdf", "-D", "--engine", "internal", "-o", os.path.join(OUT, name)] + files, check=True)


def pack_g4(name, bitpages, dpi):
    files = []
    for i, b in enumerate(bitpages):
        f = os.path.join(TMP, f"{name}-{i}.tif")
        Image.fromarray(~b).convert("1").save(f, "TIFF", compression="group4", dpi=(dpi, dpi))
        files.append(f)
    subprocess.run(["img2pdf", "-D", "--engine", "internal", "-o", os.path.join(OUT, name)] + files, check=True)


ROWS = []


def done(name, twin, pages, kinds, what):
    with open(os.path.join(OUT, name.rsplit(".", 1)[0] + ".twin"), "w") as f:
        f.write(twin + "\n")
    ROWS.append((name, twin, str(pages), kinds, what))
    print("made", name, flush=True)


def multiply_at(page, img, cx, cy):
    """page float (H,W[,3]); img float same channels, white = no effect; centred at cx, cy."""
    h, w = img.shape[:2]; H, W = page.shape[:2]
    x0 = int(round(cx - w / 2)); y0 = int(round(cy - h / 2))
    xa, ya, xb, yb = max(0, x0), max(0, y0), min(W, x0 + w), min(H, y0 + h)
    if xa < xb and ya < yb:
        page[ya:yb, xa:xb] *= img[ya - y0:yb - y0, xa - x0:xb - x0] / 255.0


def densest(boxes, r, exclude=()):
    best = None
    for b in boxes:
        cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        if any(abs(cx - ex) < r and abs(cy - ey) < r for ex, ey in exclude):
            continue
        n = sum(1 for o in boxes if abs((o[0] + o[2]) / 2 - cx) < r and abs((o[1] + o[3]) / 2 - cy) < r)
        if best is None or n > best[0]:
            best = (n, cx, cy)
    return best


def rows_of(boxes, tol):
    """Group numeric boxes into rows by their centre y."""
    rows = []
    for b in sorted(boxes, key=lambda b: (b[1] + b[3]) / 2):
        cy = (b[1] + b[3]) / 2
        if rows and abs(rows[-1][0] - cy) < tol:
            rows[-1][1].append(b)
        else:
            rows.append([cy, [b]])
    return [r[1] for r in rows]


def seal(d, color, agency, seed, text2="政务公开专用章"):
    rnd = random.Random(seed)
    im = Image.new("RGB", (d, d), (255, 255, 255)); dr = ImageDraw.Draw(im)
    ring = max(2, int(d * 0.03)); c = d / 2
    dr.ellipse([ring, ring, d - ring, d - ring], outline=color, width=ring)
    R1, R2 = 0.12 * d, 0.12 * d * 0.382
    pts = [(c + (R1 if k % 2 == 0 else R2) * math.cos(-math.pi / 2 + k * math.pi / 5),
            c + (R1 if k % 2 == 0 else R2) * math.sin(-math.pi / 2 + k * math.pi / 5)) for k in range(10)]
    dr.polygon(pts, fill=color)
    fs = int(0.13 * d); font = ImageFont.truetype(SERIF, fs)
    span = min(250.0, 22.0 * len(agency))
    for i, ch in enumerate(agency):
        ang = -span / 2 + span * (i + 0.5) / len(agency)
        g = Image.new("L", (fs * 2, fs * 2), 0); ImageDraw.Draw(g).text((fs / 2, fs / 4), ch, font=font, fill=255)
        g = g.rotate(-ang, Image.BICUBIC)
        rr = c - ring * 2.2 - fs * 0.75
        x = c + rr * math.sin(math.radians(ang)) - fs; y = c - rr * math.cos(math.radians(ang)) - fs
        im.paste(Image.new("RGB", g.size, color), (int(x), int(y)), g)
    f2 = ImageFont.truetype(SERIF, int(0.085 * d))
    dr.text((c - 0.085 * d * len(text2) / 2, c + 0.24 * d), text2, font=f2, fill=color)
    a = arr(im)
    rng = np.random.default_rng(seed)
    ink = 0.55 + 0.45 * lowfreq(d, d, 6, rng)
    a = 255 - (255 - a) * ink[..., None]
    return arr(pil(a).rotate(rnd.uniform(-25, 25), Image.BICUBIC, fillcolor=(255, 255, 255)).filter(ImageFilter.GaussianBlur(0.6)))


def want(name):
    return not ONLY or any(o in name for o in ONLY)


def agency_of(twin):
    import json
    return json.load(open(f"{REPO}/samples/{twin}.truth.json"))["report"]["agency"]


# ------------------------------------------------------------------ scans
def k01():
    name, twin, dpi = "k01-three-line-200-coffee-stains.pdf", "three-line-2022", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi, color=True)
    out = []
    nst = 0
    for i, p in enumerate(pages):
        H, W = p.shape[:2]
        p = p * np.array([0.985, 0.975, 0.95], np.float32)
        nb = nums(twin, i + 1, dpi)
        centres = []
        for k in range(2 if len(nb) > 15 else (1 if nb else 0)):
            d = densest(nb, 160, exclude=centres)
            if not d:
                break
            centres.append((d[1] + rnd.uniform(-60, 60), d[2] + rnd.uniform(-60, 60)))
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        for cx, cy in centres:
            nst += 1
            R = rnd.uniform(30, 40) / 25.4 * dpi  # cup base 60-80 mm diameter
            ang = np.arctan2(yy - cy, xx - cx); r = np.hypot(xx - cx, yy - cy)
            # radius wobble
            wob = sum(rnd.uniform(0.01, 0.035) * np.sin(k * ang + rnd.uniform(0, 6.3)) for k in (2, 3, 5, 7))
            rr = r / (R * (1 + wob))
            rim = np.exp(-((rr - 1.0) / 0.018) ** 2) * (0.55 + 0.45 * lowfreq(H, W, 9, rng))
            inside = (rr < 1.0) * (0.18 + 0.12 * lowfreq(H, W, 7, rng))
            # a second, partial ring (cup set down twice), offset
            ox, oy = rnd.uniform(-0.25, 0.25) * R, rnd.uniform(-0.25, 0.25) * R
            r2 = np.hypot(xx - cx - ox, yy - cy - oy) / (R * 0.97)
            arc = np.exp(-((r2 - 1.0) / 0.012) ** 2) * np.clip(np.sin(np.arctan2(yy - cy - oy, xx - cx - ox) + rnd.uniform(0, 6.3)), 0, 1)
            alpha = np.clip(0.62 * rim + inside + 0.4 * arc, 0, 0.85)
            brown = np.array([120, 72, 28], np.float32) / 255
            p = p * (1 - alpha[..., None] * (1 - brown))
            # drips
            for _ in range(rnd.randint(3, 6)):
                a0 = rnd.uniform(0, 6.3); dist = R * rnd.uniform(1.05, 1.6)
                dx, dy = cx + dist * math.cos(a0), cy + dist * math.sin(a0); dr = rnd.uniform(5, 16)
                m = np.exp(-(np.hypot(xx - dx, yy - dy) / dr) ** 4) * 0.35
                p = p * (1 - m[..., None] * (1 - brown))
        p = rotate(p, rnd.uniform(-0.7, 0.7), fill=(250, 248, 240))
        p = blur(p, 0.5); p = noise(p, rng, 2.5)
        out.append(p)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "coffee stains; colour; 200dpi; three-line",
         f"coffee-cup rings ({nst}: 60-85 mm rings, darker brown rim, tinted inside, a second partial ring, drips) centred near the densest numbers of each table page; slightly warm paper; turned <=0.7 deg; colour 200 dpi JPEG q75 4:2:0")


def k02():
    name, twin, dpi = "k02-unruled-200-gray-highlighter.pdf", "unruled-2024", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi, color=True)
    out = []; n = 0
    cols = [(250, 235, 40), (120, 230, 110), (255, 140, 200), (255, 180, 60)]  # yellow, green, pink, orange
    for i, p in enumerate(pages):
        H, W = p.shape[:2]
        for row in rows_of(nums(twin, i + 1, dpi), 8):
            if rnd.random() > 0.45:
                continue
            n += 1
            x0 = min(b[0] for b in row) - rnd.uniform(5, 60); x1 = max(b[2] for b in row) + rnd.uniform(5, 50)
            if rnd.random() < 0.5:  # sometimes from the row label on
                x0 = rnd.uniform(0.1, 0.2) * W
            y0 = min(b[1] for b in row); y1 = max(b[3] for b in row); hh = y1 - y0
            c = np.array(rnd.choice(cols), np.float32) / 255
            band = Image.new("L", (W, H), 0); dr = ImageDraw.Draw(band)
            slope = math.tan(math.radians(rnd.uniform(-0.8, 0.8)))
            top = y0 - hh * rnd.uniform(0.05, 0.35); bot = y1 + hh * rnd.uniform(0.05, 0.35)
            dr.polygon([(x0, top), (x1, top + slope * (x1 - x0)), (x1, bot + slope * (x1 - x0)), (x0, bot)], fill=255)
            m = arr(band.filter(ImageFilter.GaussianBlur(1.5))) / 255
            streak = 0.8 + 0.2 * arr(Image.fromarray(u8(rng.random((H // 2, 8)) * 255)).resize((W, H), Image.BILINEAR)) / 255
            m = m * streak
            p = p * (1 - m[..., None] * (1 - c))
        g = p @ np.array([0.299, 0.587, 0.114], np.float32)  # office scanner set to gray
        g = g * 0.97
        g = rotate(g, rnd.uniform(-0.6, 0.6), fill=246)
        g = blur(g, 0.5); g = noise(g, rng, 2.5)
        out.append(g)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "highlighter over number rows; scanned gray; 200dpi; unruled",
         f"highlighter marker (yellow/green/pink/orange, streaky, ragged ends, slight slope) over {n} rows of numbers (about 45%, half of them from the label on), then scanned in 8-bit gray so the bands become grey 185-235 behind the digits; turned <=0.6 deg; gray 200 dpi JPEG q75")


def pencil_stroke(draw_mask, pts, width):
    draw_mask.line(pts, fill=255, width=width, joint="curve")


def k03():
    name, twin, dpi = "k03-county-rules-200-pencil-ticks.pdf", "county-rules-2024", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    out = []; n = 0; inside = 0
    for i, p in enumerate(pages):
        H, W = p.shape
        nb = [b for b in nums(twin, i + 1, dpi) if b[3] < 0.92 * H]
        mask = Image.new("L", (W, H), 0); dr = ImageDraw.Draw(mask)
        if len(nb) >= 10:
            # table right edge: first dark column right of the rightmost numbers
            xr = max(b[2] for b in nb)
            dark = (p[:, int(xr):] < 128).sum(axis=0)
            cand = np.where(dark > 0.2 * H * 0.3)[0]
            edge = int(xr + (cand[0] if len(cand) else 20))
            colx = edge + rnd.uniform(14, 24)
            for row in rows_of(nb, 8):
                cy = sum((b[1] + b[3]) / 2 for b in row) / len(row); hh = row[0][3] - row[0][1]
                if rnd.random() < 0.12:
                    continue
                n += 1
                last = max(row, key=lambda b: b[2])
                if rnd.random() < 0.22:  # tick made inside the last cell, right after the number
                    x = last[2] + rnd.uniform(6, 12); inside += 1
                else:
                    x = colx + rnd.uniform(-4, 4)
                s = hh * rnd.uniform(0.8, 1.25)
                pts = [(x, cy - 0.05 * s), (x + 0.3 * s, cy + 0.45 * s), (x + 1.0 * s, cy - 0.6 * s + rnd.uniform(-3, 3))]
                pencil_stroke(dr, pts, rnd.choice([2, 2, 3]))
            # a pencil line down the tick column and a sum note-free bracket
            ys = [(b[1] + b[3]) / 2 for b in nb]
            dr.line([(colx - 10, min(ys) - 10), (colx - 12 + rnd.uniform(-3, 3), max(ys) + 10)], fill=160, width=2)
        m = arr(mask.filter(ImageFilter.GaussianBlur(0.6))) / 255
        grain = 0.55 + 0.45 * (rng.random(p.shape) > 0.35)  # graphite grain
        p = p * (1 - 0.55 * m * grain)
        p = p * 0.96
        p = rotate(p, rnd.uniform(-0.6, 0.6), fill=245)
        p = blur(p, 0.5); p = noise(p, rng, 2.5)
        out.append(p)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "pencil tick column beside the table; 200dpi gray; ruled",
         f"reader's pencil check-marks ({n}, graphite grey ~45%, grainy) in a column 14-24 px right of the ruled table's right edge, one per row of numbers, plus a faint pencil line down that column; {inside} of the ticks were made inside the last cell just right of its number (6-12 px gap); turned <=0.6 deg; gray 200 dpi JPEG q75")


def k04():
    name, twin, dpi = "k04-v2019-ruled-200-tight-spacing.pdf", "v2019-ruled-2020", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    out = []; removed = []
    for p in pages:
        H, W = p.shape
        ink = p < 160
        vr = ndi.binary_opening(ink, structure=np.ones((41, 1), bool))  # vertical rules
        rowink = (ink & ~vr).sum(axis=1)
        blank = rowink == 0
        keep = np.ones(H, bool)
        y = 0
        while y < H:
            if blank[y]:
                y1 = y
                while y1 < H and blank[y1]:
                    y1 += 1
                L = y1 - y
                if 0 < y and y1 < H and L > 3:
                    k = max(2, int(round(L * 0.3)))
                    drop = L - k
                    keep[y + k // 2: y + k // 2 + drop] = False
                y = y1
            else:
                y += 1
        q = p[keep]
        removed.append(int((~keep).sum()))
        pad = np.full((H - q.shape[0], W), 255, np.float32)
        q = np.vstack([q, pad])
        q = q * 0.96
        q = rotate(q, rnd.uniform(-0.6, 0.6), fill=245)
        q = blur(q, 0.5); q = noise(q, rng, 2.5)
        out.append(q)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "very tight line spacing (gaps between lines cut to 30%); 200dpi gray; v2019 ruled",
         f"very tight line spacing: every white gap between text lines and rules cut to 30% of its height (min 2 px), glyphs untouched, so text sits 1-4 px from the rules above and below and table rows are ~half as tall (rows removed per page: {removed}); page filled with white below; turned <=0.6 deg; gray 200 dpi JPEG q75")


def homography(src, dst):
    A = []
    for (x, y), (u, v) in zip(src, dst):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y, -u]); A.append([0, 0, 0, x, y, 1, -v * x, -v * y, -v])
    _, _, Vt = np.linalg.svd(np.array(A, float))
    return Vt[-1].reshape(3, 3) / Vt[-1, -1]


def k05():
    name, twin = "k05-vertical-merged-photo-keystone-shadow.pdf", "vertical-merged-2022"
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    rdpi = 240
    pages = render(twin, rdpi, color=True)
    out = []
    for i, p in enumerate(pages):
        h, w = p.shape[:2]
        OW, OH = 1560, 2080  # photo 4:3 portrait (3.2 MP after messenger resize)
        # page corners in the photo: strong keystone (camera held low: top edge 9-11% narrower), turned
        sc = OH * 0.86 / h
        pw, ph = w * sc, h * sc
        k = rnd.uniform(0.09, 0.11)
        cx, cy = OW / 2 + rnd.uniform(-30, 30), OH / 2 + rnd.uniform(-20, 20)
        tl = (cx - pw / 2 * (1 - k), cy - ph / 2); tr = (cx + pw / 2 * (1 - k), cy - ph / 2)
        br = (cx + pw / 2, cy + ph / 2); bl = (cx - pw / 2, cy + ph / 2)
        th = math.radians(rnd.uniform(-2.5, 2.5))
        rot = lambda x, y: (cx + (x - cx) * math.cos(th) - (y - cy) * math.sin(th), cy + (x - cx) * math.sin(th) + (y - cy) * math.cos(th))
        dst = [rot(*tl), rot(*tr), rot(*br), rot(*bl)]
        Hm = homography(dst, [(0, 0), (w, 0), (w, h), (0, h)])  # photo -> page
        yy, xx = np.mgrid[0:OH, 0:OW].astype(np.float32)
        den = Hm[2, 0] * xx + Hm[2, 1] * yy + Hm[2, 2]
        sx = (Hm[0, 0] * xx + Hm[0, 1] * yy + Hm[0, 2]) / den; sy = (Hm[1, 0] * xx + Hm[1, 1] * yy + Hm[1, 2]) / den
        paper = p * np.array([0.97, 0.95, 0.90], np.float32)
        desk = np.array([92, 70, 52], np.float32)
        img = sample(blur(paper, 0.6 / sc), sx, sy, desk)
        wood = (0.85 + 0.15 * lowfreq(OH, OW, 30, rng))[..., None]
        onpage = ((sx >= 0) & (sy >= 0) & (sx < w - 1) & (sy < h - 1))[..., None]
        img = np.where(onpage, img, img * wood)
        # vignetting: strong radial fall-off (corners ~0.55)
        r = np.hypot((xx - OW / 2) / (OW / 2), (yy - OH / 2) / (OH / 2)) / math.sqrt(2)
        vig = 1 - 0.45 * r ** 2.2
        # shadow of the phone/hand from one side: soft dark blob entering from an edge
        side = rnd.choice(["right", "bottom", "left"])
        sh = Image.new("L", (OW, OH), 0); d = ImageDraw.Draw(sh)
        if side == "right":
            d.ellipse([OW * rnd.uniform(0.62, 0.72), OH * 0.35, OW * 1.4, OH * 1.3], fill=255)
        elif side == "left":
            d.ellipse([-OW * 0.4, OH * 0.45, OW * rnd.uniform(0.28, 0.36), OH * 1.3], fill=255)
        else:
            d.ellipse([OW * 0.2, OH * rnd.uniform(0.72, 0.8), OW * 1.1, OH * 1.6], fill=255)
        shadow = arr(sh.filter(ImageFilter.GaussianBlur(70))) / 255
        light = vig * (1 - 0.42 * shadow) * (0.92 + 0.08 * lowfreq(OH, OW, 4, rng))
        img = img * light[..., None] * np.array([1.0, 0.97, 0.9], np.float32)
        img = blur(img, 0.7); img = noise(img, rng, 3.5)
        out.append(img)
    pack_jpeg(name, out, 150, q=80)
    done(name, twin, len(pages), "phone photo: strong keystone (top ~10% narrower), strong vignetting, shadow of phone/hand; colour",
         "phone photo, camera held low: strong keystone (top edge 9-11% narrower than the bottom), turned up to 2.5 deg, page ~1790 px tall (~150 px/in) on a wooden desk, strong vignetting (corners at ~55%), a soft shadow of the phone/hand over one side (right/left/bottom, down to ~58%), warm cast, blur 0.7, colour JPEG q80 (stored as 150 dpi)")


def k06():
    name, twin, dpi = "k06-fee-unit-200-diagonal-fold.pdf", "fee-unit-2022", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    out = []
    for i, p in enumerate(pages):
        H, W = p.shape
        nb = nums(twin, i + 1, dpi)
        # fold line through the centre of the numbers (or page centre), at 25-40 deg
        if nb:
            d = densest(nb, 200); px, py = d[1], d[2]
        else:
            px, py = W / 2, H / 2
        a = math.radians(rnd.choice([-1, 1]) * rnd.uniform(25, 40))
        nx, ny = -math.sin(a), math.cos(a)  # normal
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        s = (xx - px) * nx + (yy - py) * ny  # signed distance to fold
        # the lifted side (s>0) is shifted along the normal by up to 3 px near the fold and blurred (off the glass)
        lift = np.clip(1 - s / 300, 0, 1) * (s > 0)
        shift = 2.5 * lift
        q = sample(p, xx - shift * nx, yy - shift * ny, 255)
        qb = blur(q, 1.3)
        q = np.where(s > 0, q * (1 - 0.7 * lift) + qb * (0.7 * lift), q)
        # brightness: lifted side darker near fold, a dark crease line with a light rim
        light = 1 - 0.16 * np.exp(-np.maximum(s, 0) / 120) * (s > 0) - 0.05 * (s > 0)
        crease = 0.55 * np.exp(-(s / 1.3) ** 2) * (0.6 + 0.4 * lowfreq(H, W, 20, rng))
        rim = 0.06 * np.exp(-((s + 4) / 2.5) ** 2)
        q = q * light * (1 - crease) + 255 * rim
        # ink worn off along the crease
        wear = (np.abs(s) < 2.5) & (rng.random(p.shape) < 0.5)
        q = np.where(wear & (q < 150), q + 80, q)
        q = q * 0.965
        q = rotate(q, rnd.uniform(-0.6, 0.6), fill=245)
        q = blur(q, 0.4); q = noise(q, rng, 2.5)
        out.append(q)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "diagonal fold across the table (crease, step shift, lifted side darker/blurred); 200dpi gray",
         "each page folded diagonally (25-40 deg) with the fold through the densest numbers: dark 2-3 px crease with a light rim, ink worn on the crease, the lifted side shifted up to 2.5 px across the fold, blurred and shaded (-21% at the fold, fading); turned <=0.6 deg; gray 200 dpi JPEG q75")


def k07():
    name, twin, dpi = "k07-wrapped-labels-600-g4-hairline.pdf", "wrapped-labels-2024", 600
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    bits = []
    for p in pages:
        p = rotate(p, rnd.uniform(-0.4, 0.4), fill=255)
        b = p < 70  # only the cores of strokes
        b = ndi.binary_erosion(b, structure=np.ones((3, 3), bool), iterations=1)
        # keep strokes that vanished entirely at least as single pixels? no: light print loses them
        drop = ndi.zoom(rng.random((p.shape[0] // 6 + 1, p.shape[1] // 6 + 1)), 6, order=0)[:p.shape[0], :p.shape[1]] < 0.06
        b = b & ~drop
        b = b | (rng.random(p.shape) < 0.00004)
        bits.append(b)
    pack_g4(name, bits, dpi)
    done(name, twin, len(pages), "pdf:CCITT G4; 600dpi bilevel; hairline strokes (light print, core threshold + 1 px erosion); wrapped labels",
         "600 dpi bilevel from a light print: gray threshold at 70 (stroke cores only) then eroded 1 px, so body strokes are 1-3 px (a quarter of normal), ~6% of 6x6 px cells dropped (broken strokes), sparse specks; turned <=0.4 deg; CCITT G4 via img2pdf")


def k08():
    name, twin, dpi = "k08-mixed-s3-2019-row-100-oversharpened.pdf", "mixed-s3-2019-row-2024", 100
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, 300, color=True)
    out = []
    for p in pages:
        p = p * np.array([0.97, 0.97, 0.955], np.float32)
        p = rotate(p, rnd.uniform(-0.6, 0.6), fill=(247, 247, 244))
        q = arr(pil(p).resize((p.shape[1] // 3, p.shape[0] // 3), Image.BOX))
        q = arr(pil(q).filter(ImageFilter.UnsharpMask(radius=1.6, percent=260, threshold=2)))
        q = noise(q, rng, 2.0)
        out.append(q)
    pack_jpeg(name, out, dpi, q=70)
    done(name, twin, len(pages), "100dpi colour; copier 'text enhance' oversharpening (halos); DCT q70 4:2:0",
         "100 dpi colour scan with the copier's text sharpening: unsharp mask radius 1.6, 260% (dark/bright halos round every stroke, thin gaps in digits close or open), JPEG q70 4:2:0; turned <=0.6 deg")


def k09():
    name, twin, dpi = "k09-haiyuan-200-seal-over-title-agency.pdf", "haiyuan-2021", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi, color=True)
    ag = agency_of(twin)
    w1 = words(twin, 1, dpi)
    t = next(w for w in w1 if ag in w[4] or w[4].startswith(ag[:4]))
    out = []
    for i, p in enumerate(pages):
        p = p * np.array([0.98, 0.97, 0.95], np.float32)
        if i == 0:
            d = int(42 / 25.4 * dpi)
            s = seal(d, (215, 30, 35), ag, seed_of(name))
            # centred over the right half of the agency name in the title, a bit below its baseline
            cx = t[0] + (t[2] - t[0]) * rnd.uniform(0.55, 0.7); cy = (t[1] + t[3]) / 2 + rnd.uniform(10, 30)
            multiply_at(p, s, cx, cy)
        p = rotate(p, rnd.uniform(-0.6, 0.6), fill=(248, 246, 240))
        p = blur(p, 0.5); p = noise(p, rng, 2.5)
        out.append(p)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "red seal over the agency name in the page-1 title; colour 200dpi; real report",
         f"red 公章 (42 mm, {ag}) stamped over the right half of the agency name in the page-1 title (and the first body lines under it); no other soiling; turned <=0.6 deg; colour 200 dpi JPEG q75 4:2:0")


def k10():
    name, twin, dpi = "k10-page-split-200-split-pages-opposite-skew.pdf", "page-split-2023", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    p3 = page_with(twin, "三、收到和处理")
    turns = {p3 - 1: 2.7, p3: -2.9}
    out = []
    for i, p in enumerate(pages):
        t = turns.get(i, rnd.uniform(-0.3, 0.3))
        p = p * 0.965
        if i == p3:  # continuation page fed crooked: also shifted right/down
            H, W = p.shape
            q = np.full_like(p, 245); q[40:, 55:] = p[:H - 40, :W - 55]; p = q
        p = rotate(p, t, fill=245)
        p = blur(p, 0.5); p = noise(p, rng, 2.5)
        out.append(p)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "table 三 split over two pages turned opposite ways (+2.7 / -2.9 deg); 200dpi gray",
         f"table 三 starts on page {p3} turned +2.7 deg and continues on page {p3 + 1} turned -2.9 deg and shifted 55 px right, 40 px down (fed crooked); other pages within 0.3 deg; gray 200 dpi JPEG q75")


def k11():
    name, twin, dpi = "k11-ruled-clean-200-toner-ghost.pdf", "ruled-clean-2023", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    off = int(75 / 25.4 * dpi)  # drum circumference ~75 mm
    out = []
    for p in pages:
        H, W = p.shape
        ink = (255 - p) / 255
        g = np.zeros_like(ink); g[off:] = ink[:-off]
        g2 = np.zeros_like(ink); g2[2 * off:] = ink[:-2 * off]
        g = blur(g * 255, 0.8) / 255; g2 = blur(g2 * 255, 1.0) / 255
        dens = 1 - np.clip(ink + 0.24 * g + 0.10 * g2, 0, 1)
        q = 246 * dens
        q = rotate(q, rnd.uniform(-0.5, 0.5), fill=246)
        q = blur(q, 0.4); q = noise(q, rng, 2.5)
        out.append(q)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "photocopier toner ghosting (drum memory, 75 mm repeat); 200dpi gray; ruled",
         "photocopy with drum ghosting: a faint copy of the page (24% density, softened) repeated 75 mm (590 px) lower and a fainter one (10%) 150 mm lower, so ghost digits and rules fall inside other cells and across the real digits; turned <=0.5 deg; gray 200 dpi JPEG q75")


def k12():
    name, twin, dpi = "k12-no-caption-200-clear-tape-glare.pdf", "no-caption-2022", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    out = []; n = 0
    for i, p in enumerate(pages):
        H, W = p.shape
        nb = nums(twin, i + 1, dpi)
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        ks = 2 if len(nb) > 20 else (1 if nb else 0)
        used = []
        for k in range(ks):
            d = densest(nb, 120, exclude=used); used.append((d[1], d[2])); n += 1
            a = math.radians(rnd.uniform(-12, 12) + (90 if rnd.random() < 0.3 else 0))
            nx, ny = -math.sin(a), math.cos(a)
            s = (xx - d[1]) * nx + (yy - d[2]) * ny
            wid = 19 / 25.4 * dpi / 2
            on = np.abs(s) < wid
            tape = np.where(on, 1.0, 0.0)
            # glare: bright specular streak inside the tape, washes ink out
            gl = np.exp(-((s - rnd.uniform(-0.3, 0.3) * wid) / (wid * 0.28)) ** 2) * on * (0.7 + 0.3 * lowfreq(H, W, 12, rng))
            ink = (255 - p) / 255
            ink = ink * (1 - 0.6 * gl)
            p = 255 - 255 * ink
            p = p * (1 - 0.05 * tape) + (255 - p) * 0.5 * gl
            # edges of the tape: thin darker lines
            edge = np.exp(-((np.abs(s) - wid) / 1.2) ** 2)
            p = p * (1 - 0.25 * edge)
            # bubbles
            for _ in range(rnd.randint(2, 5)):
                t = rnd.uniform(-W, W)
                bx = d[1] + t * math.cos(a) + rnd.uniform(-0.6, 0.6) * wid * nx; by = d[2] + t * math.sin(a) + rnd.uniform(-0.6, 0.6) * wid * ny
                rr = rnd.uniform(4, 12)
                ring = np.exp(-((np.hypot(xx - bx, yy - by) - rr) / 1.0) ** 2)
                p = p * (1 - 0.3 * ring)
        p = p * 0.965
        p = rotate(p, rnd.uniform(-0.6, 0.6), fill=245)
        p = blur(p, 0.5); p = noise(p, rng, 2.5)
        out.append(p)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "clear adhesive tape over numbers (glare washes ink out, edge lines, bubbles); 200dpi gray",
         f"{n} strips of clear tape (19 mm) stuck across the densest numbers (mostly horizontal, some vertical, within 12 deg): a specular glare streak inside the tape lightens the ink by up to 60%, darker tape edges, air bubbles; turned <=0.6 deg; gray 200 dpi JPEG q75")


def k13():
    name, twin, dpi = "k13-chromium-unruled-200-oa-watermark.pdf", "chromium-unruled-2024", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    out = []
    font = ImageFont.truetype(SANS, int(15 / 72 * dpi))
    txt = "政务内网 李建国 2025-01-16 09:42"
    for i, p in enumerate(pages):
        H, W = p.shape
        big = Image.new("L", (W * 2, H * 2), 0); d = ImageDraw.Draw(big)
        tw = d.textlength(txt, font=font)
        sx, sy = tw + 0.6 * dpi, 0.36 * dpi * 2.6  # one text length + 15 mm between copies, rows 24 mm apart
        for r in range(int(2 * H / sy) + 1):
            for c in range(int(2 * W / sx) + 1):
                d.text((c * sx + (r % 2) * sx / 2, r * sy), txt, font=font, fill=255)
        big = big.rotate(30, Image.BICUBIC)
        wm = arr(big.crop((W // 2, H // 2, W // 2 + W, H // 2 + H))) / 255
        p = p * (1 - 0.16 * wm)  # light grey (~214) printed with the page
        p = p * 0.965
        p = rotate(p, rnd.uniform(-0.5, 0.5), fill=245)
        p = blur(p, 0.5); p = noise(p, rng, 2.5)
        out.append(p)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "OA-system watermark (user name + date/time digits) tiled at 30 deg over every page; 200dpi gray; unruled",
         f"printed from an OA system: a light grey (~214) watermark '{txt}' (15 pt) tiled diagonally at 30 deg over every page, under and across the table digits; turned <=0.5 deg; gray 200 dpi JPEG q75")


def k14():
    name, twin, dpi = "k14-chromium-ruled-200-embossed-steel-seal.pdf", "chromium-ruled-2023", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    ag = agency_of(twin)
    out = []; n = 0
    for i, p in enumerate(pages):
        H, W = p.shape
        nb = nums(twin, i + 1, dpi)
        used = []
        for k in range(2 if len(nb) > 20 else (1 if nb else 0)):
            dd = densest(nb, 150, exclude=used); used.append((dd[1], dd[2])); n += 1
            D = int(40 / 25.4 * dpi)
            s = seal(D, (0, 0, 0), ag, seed_of(name) + k, text2="")
            h = (255 - s.mean(axis=2)) / 255  # relief height
            h = blur(h * 255, 1.2) / 255
            gy, gx = np.gradient(h)
            shade = -(gx * 0.7 + gy * 0.7) * 6.0  # light from the upper left
            relief = np.clip(1 + shade, 0.55, 1.35) * (1 - 0.04 * h)
            img = relief * 255
            # apply: darkening multiplies, highlights lift the paper (and ink a little)
            cx, cy = dd[1], dd[2]
            x0 = int(cx - D / 2); y0 = int(cy - D / 2)
            xa, ya, xb, yb = max(0, x0), max(0, y0), min(W, x0 + D), min(H, y0 + D)
            r = relief[ya - y0:yb - y0, xa - x0:xb - x0]
            p[ya:yb, xa:xb] = np.clip(p[ya:yb, xa:xb] * r, 0, 255)
        p = p * 0.955
        p = rotate(p, rnd.uniform(-0.5, 0.5), fill=244)
        p = blur(p, 0.5); p = noise(p, rng, 2.5)
        out.append(p)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "embossed steel seal (钢印, relief shading only, no ink) over table numbers; 200dpi gray; ruled",
         f"{n} dry embossed seals (钢印, 40 mm: ring, star, agency name) pressed over the densest numbers: no ink, only relief shading (light from the upper left: dark and bright edges, x0.55-1.35) crossing the digits and rules; turned <=0.5 deg; gray 200 dpi JPEG q75")


def k15():
    name, twin, dpi = "k15-v2019-unruled-200-adf-vertical-streaks.pdf", "v2019-unruled-2020", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    # streak positions from the page with most numbers: through a digit column, just right of one, mid-gap
    best = max(range(len(pages)), key=lambda i: len(nums(twin, i + 1, dpi)))
    nb = nums(twin, best + 1, dpi)
    cols = sorted(set(int(round((b[0] + b[2]) / 2 / 10)) * 10 for b in nb))
    xs_c = sorted(cols, key=lambda c: -sum(1 for b in nb if abs((b[0] + b[2]) / 2 - c) < 10))
    c1, c2 = xs_c[0], xs_c[1]
    near = [b for b in nb if abs((b[0] + b[2]) / 2 - c2) < 10]
    right = int(max(b[2] for b in near) + 2)
    streaks = [(c1 + 1, 2, 60), (right, 1, 45), (int((c1 + c2) / 2) if abs(c1 - c2) > 60 else c1 + 40, 2, 90), (rnd.randint(100, 300), 3, 70)]
    white = (xs_c[2] if len(xs_c) > 2 else c1 + 80)
    out = []
    for i, p in enumerate(pages):
        H, W = p.shape
        p = p * 0.965
        p = rotate(p, rnd.uniform(-0.3, 0.3), fill=245)
        for x, wd, lv in streaks:  # dirt on the ADF glass: same x on every page, whole length
            prof = lv + 25 * lowfreq(H, 1, 8, rng)[:, 0]
            p[:, x:x + wd] = np.minimum(p[:, x:x + wd], prof[:, None])
        p[:, white:white + 1] = np.maximum(p[:, white:white + 1], 235)  # a dead sensor pixel (white line)
        p = blur(p, 0.45); p = noise(p, rng, 2.5)
        out.append(p)
    pack_jpeg(name, out, dpi, q=80)
    done(name, twin, len(pages), "ADF glass dirt: dark vertical streaks down every page through/beside number columns + a white dropout line; 200dpi gray; unruled",
         f"document-feeder streaks: 4 dark vertical lines (1-3 px, grey 45-115) the full page length at the same x on every page — through the middle of the busiest digit column (x={c1 + 1}), 2 px right of another column's digits (x={right}), in a gap, and in the left margin — plus a 1 px white dropout line (x={white}) through a digit column; turned <=0.3 deg before the streaks; gray 200 dpi JPEG q80")


def k16():
    name, twin, dpi = "k16-fullwidth-large-200-receipt-date-stamp.pdf", "fullwidth-large-2023", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi, color=True)
    p3 = page_with(twin, "三、收到和处理") or 2
    out = []

    def stamp(seed):
        r = random.Random(seed)
        Wd, Hd = int(48 / 25.4 * dpi), int(24 / 25.4 * dpi)
        im = Image.new("RGB", (Wd, Hd), (255, 255, 255)); d = ImageDraw.Draw(im)
        col = (40, 60, 170)
        d.rectangle([2, 2, Wd - 3, Hd - 3], outline=col, width=4)
        d.line([(2, Hd // 3), (Wd - 3, Hd // 3)], fill=col, width=3)
        d.line([(2, 2 * Hd // 3), (Wd - 3, 2 * Hd // 3)], fill=col, width=3)
        f = ImageFont.truetype(SANS, int(Hd / 3 * 0.62))
        d.text((10, 6), "收文", font=f, fill=col); d.line([(Wd // 3, 2), (Wd // 3, Hd // 3)], fill=col, width=3)
        d.text((Wd // 3 + 10, 6), f"编号 {r.randint(100, 999)}", font=f, fill=col)
        d.text((10, Hd // 3 + 6), f"2024年{r.randint(1, 3)}月{r.randint(10, 28)}日", font=f, fill=col)
        d.text((10, 2 * Hd // 3 + 6), f"共 {r.randint(2, 6)} 页  {r.randint(1, 9)} 份", font=f, fill=col)
        a = arr(im)
        ink = 0.5 + 0.5 * lowfreq(Hd, Wd, 7, rng)
        a = 255 - (255 - a) * ink[..., None]
        return arr(pil(a).rotate(r.uniform(-6, 6), Image.BICUBIC, expand=True, fillcolor=(255, 255, 255)).filter(ImageFilter.GaussianBlur(0.7)))

    for i, p in enumerate(pages):
        p = p * np.array([0.98, 0.975, 0.96], np.float32)
        if i == 0:  # over the top right of page 1 (title area)
            s = stamp(seed_of(name)); multiply_at(p, s, p.shape[1] * 0.72, p.shape[0] * 0.08)
        if i + 1 == p3 or i == p3:
            nb = nums(twin, i + 1, dpi)
            if nb:
                d = densest(nb, 140)
                s = stamp(seed_of(name) + i + 1); multiply_at(p, s, d[1] + rnd.uniform(-40, 40), d[2] + rnd.uniform(-30, 30))
        p = rotate(p, rnd.uniform(-0.6, 0.6), fill=(248, 246, 240))
        p = blur(p, 0.5); p = noise(p, rng, 2.5)
        out.append(p)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "blue rectangular 收文 receipt stamp with its own digits (number, date, page count) over page-1 title and over table numbers; colour 200dpi",
         f"blue 收文 registration stamp (48x24 mm box: 收文 / 编号 NNN / 2024年M月D日 / 共 N 页 N 份, uneven ink, turned <=6 deg) at the top right of page 1 and over the densest numbers of pages {p3} and {p3 + 1} (its digits mix with the table's); turned <=0.6 deg; colour 200 dpi JPEG q75 4:2:0")


def k17():
    name, twin, dpi = "k17-arith-errors-200-ccd-colour-misregistration.pdf", "arith-errors-2023", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, 400)
    out = []
    for p in pages:
        p = rotate(p, rnd.uniform(-0.5, 0.5), fill=255)
        H, W = p.shape
        # tri-linear CCD: R and B lines read 4 px (at 400 dpi) before/after G -> vertical fringes; plus 2 px lateral
        ch = []
        for dy, dx, paper in ((-4, 2, 246), (0, 0, 243), (4, -2, 232)):
            q = np.roll(np.roll(p, dy, axis=0), dx, axis=1) * paper / 255
            ch.append(q)
        rgb = np.stack(ch, axis=2)
        rgb = arr(pil(rgb).resize((W // 2, H // 2), Image.BOX))
        rgb = noise(blur(rgb, 0.4), rng, 2.5)
        out.append(rgb)
    pack_jpeg(name, out, dpi, q=78)
    done(name, twin, len(pages), "colour CCD misregistration (R/B channels shifted 2 px vertically, 1 px laterally: colour fringes); 200dpi colour; arithmetic errors",
         "colour scan from a tri-linear CCD out of alignment: red and blue channels offset by 2 px vertically (opposite ways) and 1 px sideways relative to green (cyan/red fringes on every stroke, blurred luminance), yellowish paper; turned <=0.5 deg; colour 200 dpi JPEG q78 4:2:0; published arithmetic errors must stay flagged")


def k18():
    name, twin, dpi = "k18-narrative-mismatch-200-red-letterhead-docno.pdf", "narrative-mismatch-2022", 200
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi, color=True)
    ag = agency_of(twin)
    head = ag + "办公室"
    docno = "五华政办〔2023〕" + str(rnd.randint(3, 19)) + "号"
    out = []
    for i, p in enumerate(pages):
        H, W = p.shape[:2]
        if i == 0:
            im = pil(p); d = ImageDraw.Draw(im)
            red = (205, 25, 30)
            fs = int(24 / 72 * dpi); f = ImageFont.truetype(SERIFB, fs)
            tw = d.textlength(head + "文件", font=f)
            d.text(((W - tw) / 2, int(14 / 72 * dpi)), head + "文件", font=f, fill=red)
            f2 = ImageFont.truetype(SERIF, int(10.5 / 72 * dpi))
            t2 = d.textlength(docno, font=f2)
            d.text(((W - t2) / 2, int(46 / 72 * dpi)), docno, font=f2, fill=(30, 30, 30))
            y = int(66 / 72 * dpi); x0, x1 = int(88 / 72 * dpi), W - int(88 / 72 * dpi)
            d.rectangle([x0, y, x1, y + 4], fill=red); d.rectangle([x0, y + 8, x1, y + 9], fill=red)
            p = arr(im)
        g = p @ np.array([0.299, 0.587, 0.114], np.float32)  # gray scan: the red head prints dark grey (~75)
        g = g * 0.965
        g = rotate(g, rnd.uniform(-0.6, 0.6), fill=245)
        g = blur(g, 0.5); g = noise(g, rng, 2.5)
        out.append(g)
    pack_jpeg(name, out, dpi, q=75)
    done(name, twin, len(pages), "red-header official document (红头: issuer + 文件, document number with digits, red double rule) squeezed into the top margin of page 1; scanned gray",
         f"page 1 printed as a red-header document: '{head}文件' in 24 pt bold red, the document number '{docno}' under it, a red double rule above the title, all in the top margin; scanned in 8-bit gray (red -> grey ~75, reads like black text); the issuer named in the header is the 办公室, not the title's agency; turned <=0.6 deg; gray 200 dpi JPEG q75")


def k19():
    name, twin, dpi = "k19-v2019-mismatch-300-inkjet-banding-lzw.tif", "v2019-mismatch-2022", 300
    rng = np.random.default_rng(seed_of(name)); rnd = random.Random(seed_of(name))
    pages = render(twin, dpi)
    ims = []
    sw = int(0.5 * dpi)  # print-head swath 1/2 inch
    clog = sorted(rnd.sample(range(4, sw - 4), 5))
    for p in pages:
        H, W = p.shape
        ink = (255 - p) / 255
        outk = np.zeros_like(ink)
        for k, y0 in enumerate(range(0, H, sw)):
            y1 = min(H, y0 + sw)
            dx = (1 if k % 2 else -1) * rnd.choice([1, 2])  # bidirectional misalignment
            band = np.roll(ink[y0:y1], dx, axis=1) * rnd.uniform(0.82, 1.0)
            for c in clog:  # clogged nozzles: white lines at fixed rows in every swath
                if c < y1 - y0:
                    band[c:c + 2] *= 0.05
            outk[y0:y1] = band
        outk = outk * (0.9 + 0.1 * lowfreq(H, W, 5, rng))
        q = 250 - 250 * np.clip(outk, 0, 1)
        q = rotate(q, rnd.uniform(-0.5, 0.5), fill=250)
        q = blur(q, 0.6); q = noise(q, rng, 2.0)
        ims.append(pil(q))
    ims[0].save(os.path.join(OUT, name), "TIFF", compression="tiff_lzw", dpi=(dpi, dpi), save_all=True, append_images=ims[1:])
    done(name, twin, len(pages), "tiff:multi-page LZW 300dpi gray; inkjet banding (swath misalignment, clogged nozzles, swath density steps); v2019 layout in a 2022 report",
         f"printed on an inkjet with a worn head, then scanned: 1/2-inch swaths alternately shifted 1-2 px left/right (bidirectional misalignment, vertical strokes jag at every swath edge), 5 clogged nozzles leave 2 px white lines at the same rows in every swath (rows {clog} of {sw}), swath density 82-100%; turned <=0.5 deg; multi-page 8-bit gray TIFF, LZW, 300 dpi")


SCANS = [k01, k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, k12, k13, k14, k15, k16, k17, k18, k19]

if __name__ == "__main__":
    for f in SCANS:
        if want(f.__name__):
            f()
    old = {}
    if os.path.exists(MANIFEST):
        for line in open(MANIFEST).read().splitlines()[1:]:
            old[line.split("\t")[0]] = line
    for r in ROWS:
        old[r[0]] = "\t".join(r)
    with open(MANIFEST, "w") as f:
        f.write("file\ttwin\tpages\tkinds\twhat was done\n")
        for k in sorted(old):
            f.write(old[k] + "\n")
