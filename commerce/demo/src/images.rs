//! Placeholder product photos for the demo shop, drawn without fonts or assets.
//!
//! Each picture is a soft vertical gradient in a pale tint of the product's colour, a few
//! translucent circles placed by a seed (so two products never look exactly alike), a floor
//! shadow, and a simple flat drawing of the item — a shoe, a jacket, a mug… — in the product's
//! colour with a darker and a lighter shade for details.
//!
//! Shapes are filled with an even-odd scanline rasteriser with 4× vertical supersampling and
//! exact horizontal coverage, so edges are anti-aliased while the per-pixel work stays tiny:
//! an 800 × 800 picture takes a few milliseconds in a release build.

use std::{
    f32::consts::PI,
    fs,
    io::{self, Cursor},
    path::{Path, PathBuf},
};

use image::{codecs::jpeg::JpegEncoder, RgbImage};

use crate::content::{ImageSeed, ProductSeed, IMAGE_SIZE, THUMB_SIZE};

/// What a placeholder picture shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Motif {
    /// A lace-up shoe.
    Shoe,
    /// A sneaker with a white sole.
    Sneaker,
    /// A strappy sandal.
    Sandal,
    /// A boot.
    Boot,
    /// A short-sleeved T-shirt.
    TShirt,
    /// A tank top.
    Tank,
    /// A shirt with collar and buttons.
    Shirt,
    /// A jumper with ribbed cuffs and hem.
    Knit,
    /// A jacket with lapels and a zip.
    Jacket,
    /// A quilted gilet.
    Vest,
    /// A long belted coat.
    Coat,
    /// A dress with straps.
    Dress,
    /// An A-line skirt.
    Skirt,
    /// A pair of trousers.
    Trousers,
    /// A pair of shorts.
    Shorts,
    /// A tote bag with two handles.
    Tote,
    /// A handbag with a flap.
    Handbag,
    /// A backpack.
    Backpack,
    /// A wallet.
    Wallet,
    /// A scarf with fringes.
    Scarf,
    /// A beanie with a pompom.
    Beanie,
    /// A belt with a buckle.
    Belt,
    /// A pair of sunglasses.
    Sunglasses,
    /// A brimmed hat.
    Hat,
    /// A pair of gloves.
    Gloves,
    /// A pair of socks.
    Socks,
    /// A mug.
    Mug,
    /// A bowl.
    Bowl,
    /// A plate.
    Plate,
    /// A jug.
    Jug,
    /// Two glass tumblers.
    Tumblers,
    /// A serving board.
    Board,
    /// A jar with a label.
    Jar,
    /// A bottle or tin with a label.
    Bottle,
    /// A stack of folded textiles.
    Textile,
    /// A cushion.
    Cushion,
    /// An apron.
    Apron,
    /// A lit candle.
    Candle,
    /// A vase.
    Vase,
    /// A basket with a handle.
    Basket,
}

impl Motif {
    /// Every motif.
    pub const ALL: [Motif; 40] = [
        Motif::Shoe,
        Motif::Sneaker,
        Motif::Sandal,
        Motif::Boot,
        Motif::TShirt,
        Motif::Tank,
        Motif::Shirt,
        Motif::Knit,
        Motif::Jacket,
        Motif::Vest,
        Motif::Coat,
        Motif::Dress,
        Motif::Skirt,
        Motif::Trousers,
        Motif::Shorts,
        Motif::Tote,
        Motif::Handbag,
        Motif::Backpack,
        Motif::Wallet,
        Motif::Scarf,
        Motif::Beanie,
        Motif::Belt,
        Motif::Sunglasses,
        Motif::Hat,
        Motif::Gloves,
        Motif::Socks,
        Motif::Mug,
        Motif::Bowl,
        Motif::Plate,
        Motif::Jug,
        Motif::Tumblers,
        Motif::Board,
        Motif::Jar,
        Motif::Bottle,
        Motif::Textile,
        Motif::Cushion,
        Motif::Apron,
        Motif::Candle,
        Motif::Vase,
        Motif::Basket,
    ];
}

/// Draws a placeholder for `text` in colour `hue` (degrees, 0–359): the motif and the
/// decoration are chosen from a hash of `text`, so the same text always gives the same picture.
pub fn generate_placeholder(text: &str, hue: u16, width: u32, height: u32) -> RgbImage {
    let seed = fnv1a(text.as_bytes());
    let motif = Motif::ALL[(seed % Motif::ALL.len() as u64) as usize];
    let rgb = hsl_to_rgb(f32::from(hue % 360), 0.55, 0.5);
    render(motif, rgb, seed, false, width, height)
}

/// Draws `motif` in colour `rgb`. `seed` places the decoration; `detail` zooms in on the item
/// as for a second, closer photo.
pub fn render(
    motif: Motif,
    rgb: [u8; 3],
    seed: u64,
    detail: bool,
    width: u32,
    height: u32,
) -> RgbImage {
    let pal = Palette::new(rgb);
    let mut p = Painter::new(width.max(1), height.max(1));
    p.background(pal.bg_top, pal.bg_bottom);

    // Decoration: two soft circles.
    let mut s = seed | 1;
    let mut rnd = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 40) as f32 / (1u64 << 24) as f32
    };
    for tint in [[1.0, 1.0, 1.0], pal.light] {
        let r = 0.07 + 0.09 * rnd();
        let (cx, cy) = (0.1 + 0.8 * rnd(), 0.08 + 0.3 * rnd());
        p.fill(&[ellipse(cx, cy, r, r)], tint, 0.14 + 0.10 * rnd());
    }

    if detail {
        // Zoom towards a point near the middle of the item.
        let (fx, fy) = (0.40 + 0.2 * rnd(), 0.40 + 0.15 * rnd());
        p.zoom = (1.7, fx, fy);
    }
    p.fill(&[ellipse(0.5, 0.86, 0.34, 0.035)], [0.0, 0.0, 0.0], 0.10);
    draw_motif(&mut p, motif, &pal);
    p.into_image()
}

/// The decoration seed of a product picture: the same for the same motif and colour, so such
/// pictures are drawn once and copied.
fn picture_seed(motif: Motif, rgb: [u8; 3]) -> u64 {
    let index = Motif::ALL.iter().position(|m| *m == motif).unwrap_or(0) as u8;
    fnv1a(&[index, rgb[0], rgb[1], rgb[2]])
}

/// Encodes `img` as a JPEG and writes it to `path` atomically (temporary file, then rename).
pub fn save_jpeg(img: &RgbImage, path: &Path) -> io::Result<()> {
    let mut buf = Cursor::new(Vec::with_capacity(64 * 1024));
    JpegEncoder::new_with_quality(&mut buf, 85)
        .encode_image(img)
        .map_err(io::Error::other)?;
    write_atomic(path, |tmp| fs::write(tmp, buf.get_ref()))
}

/// Runs `write` on a temporary path beside `path`, then renames it into place.
fn write_atomic(path: &Path, write: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    write(&tmp)?;
    fs::rename(&tmp, path)
}

/// What [`write_product_images`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImageStats {
    /// Product pictures written (each with its thumbnail).
    pub written: usize,
    /// Product pictures whose files were already there.
    pub skipped: usize,
    /// Distinct pictures drawn and encoded; the other written ones are copies.
    pub rendered: usize,
}

/// Product images sharing one motif and colour.
type PictureGroup<'a> = ((Motif, [u8; 3]), Vec<&'a ImageSeed>);

/// Writes every product image of `products` into `<images_dir>/products/` as an 800 × 800 JPEG
/// plus a 320 × 320 thumbnail, skipping pictures whose two files already exist.
///
/// Products of the same motif and colour share a picture: it is drawn and encoded once and
/// copied for the others, and the distinct pictures are spread over two threads.
pub fn write_product_images(images_dir: &Path, products: &[ProductSeed]) -> io::Result<ImageStats> {
    let mut groups: Vec<PictureGroup> = Vec::new();
    for img in products.iter().flat_map(|p| p.images.iter()) {
        let key = (img.motif, img.rgb);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(img),
            None => groups.push((key, vec![img])),
        }
    }
    fs::create_dir_all(images_dir.join("products"))?;
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 2);
    let groups = &groups;
    let results: Vec<io::Result<ImageStats>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mut stats = ImageStats::default();
                    for ((motif, rgb), list) in groups.iter().skip(t).step_by(threads) {
                        write_group(images_dir, *motif, *rgb, list, &mut stats)?;
                    }
                    Ok(stats)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(io::Error::other("image thread panicked")))
            })
            .collect()
    });
    let mut total = ImageStats::default();
    for r in results {
        let s = r?;
        total.written += s.written;
        total.skipped += s.skipped;
        total.rendered += s.rendered;
    }
    Ok(total)
}

/// Writes the pictures of one motif and colour: draws the first missing one (unless a complete
/// one exists to copy from) and copies it to the rest.
fn write_group(
    images_dir: &Path,
    motif: Motif,
    rgb: [u8; 3],
    list: &[&ImageSeed],
    stats: &mut ImageStats,
) -> io::Result<()> {
    let paths = |img: &ImageSeed| (images_dir.join(&img.path), images_dir.join(&img.thumb_path));
    let complete = |img: &&&ImageSeed| {
        let (full, thumb) = paths(img);
        full.is_file() && thumb.is_file()
    };
    let missing: Vec<&ImageSeed> = list.iter().filter(|i| !complete(i)).copied().collect();
    stats.skipped += list.len() - missing.len();
    let Some(first) = missing.first() else {
        return Ok(());
    };
    let (src_full, src_thumb) = match list.iter().find(complete) {
        Some(done) => paths(done),
        None => {
            let seed = picture_seed(motif, rgb);
            let (full, thumb) = paths(first);
            save_jpeg(
                &render(motif, rgb, seed, false, IMAGE_SIZE, IMAGE_SIZE),
                &full,
            )?;
            save_jpeg(
                &render(motif, rgb, seed, false, THUMB_SIZE, THUMB_SIZE),
                &thumb,
            )?;
            stats.rendered += 1;
            stats.written += 1;
            (full, thumb)
        }
    };
    for img in &missing {
        let (full, thumb) = paths(img);
        if full == src_full {
            continue;
        }
        write_atomic(&full, |tmp| fs::copy(&src_full, tmp).map(drop))?;
        write_atomic(&thumb, |tmp| fs::copy(&src_thumb, tmp).map(drop))?;
        stats.written += 1;
    }
    Ok(())
}

// ------------------------------------------------------------------------------------------------
// Colours
// ------------------------------------------------------------------------------------------------

type Rgb = [f32; 3];

struct Palette {
    main: Rgb,
    dark: Rgb,
    light: Rgb,
    bg_top: Rgb,
    bg_bottom: Rgb,
}

impl Palette {
    fn new(rgb: [u8; 3]) -> Self {
        let main = rgb.map(|c| f32::from(c) / 255.0);
        let lum = 0.2126 * main[0] + 0.7152 * main[1] + 0.0722 * main[2];
        let (bg_top, bg_bottom) = if lum > 0.78 {
            // Pale items on a cool grey so they stand out.
            ([0.80, 0.83, 0.86], [0.68, 0.72, 0.76])
        } else {
            (
                mix(main, [0.98, 0.97, 0.95], 0.86),
                mix(main, [0.90, 0.88, 0.85], 0.70),
            )
        };
        let dark = if lum < 0.12 {
            mix(main, [1.0, 1.0, 1.0], 0.22)
        } else {
            mix(main, [0.0, 0.0, 0.0], 0.30)
        };
        Self {
            main,
            dark,
            light: mix(main, [1.0, 1.0, 1.0], 0.45),
            bg_top,
            bg_bottom,
        }
    }
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

fn hsl_to_rgb(h: f32, s: f32, l: f32) -> [u8; 3] {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let hp = h / 60.0;
    let x = c * (1.0 - (hp % 2.0 - 1.0).abs());
    let (r, g, b) = match hp as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    [r, g, b].map(|v| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

// ------------------------------------------------------------------------------------------------
// Rasteriser
// ------------------------------------------------------------------------------------------------

/// Sub-scanlines per pixel row.
const SUB: usize = 4;

type Contour = Vec<(f32, f32)>;

/// An RGB canvas with an even-odd polygon filler.
///
/// Coverage of a pixel row is gathered from [`SUB`] sub-scanlines: pixels a span covers fully
/// are counted in a difference array (two writes per span, however long), the partly covered
/// pixels at its ends get their exact fraction. Writing the row then costs one pass over the
/// pixels the shape touches, which keeps even unoptimised builds quick.
struct Painter {
    w: usize,
    h: usize,
    px: Vec<u8>,
    /// Per pixel: change in the number of sub-scanlines that cover it fully.
    full: Vec<i32>,
    /// Per pixel: sum of partial coverages on the sub-scanlines, in pixels.
    part: Vec<f32>,
    /// `(scale, focus x, focus y)`: unit coordinates are zoomed around the focus.
    zoom: (f32, f32, f32),
}

impl Painter {
    fn new(w: u32, h: u32) -> Self {
        let (w, h) = (w as usize, h as usize);
        Self {
            w,
            h,
            px: vec![0; w * h * 3],
            full: vec![0; w + 1],
            part: vec![0.0; w + 1],
            zoom: (1.0, 0.5, 0.5),
        }
    }

    fn background(&mut self, top: Rgb, bottom: Rgb) {
        let w3 = self.w * 3;
        let mut row = vec![0u8; w3];
        let mut current = None;
        for y in 0..self.h {
            let c = to_u8(mix(top, bottom, y as f32 / self.h as f32));
            if current != Some(c) {
                for px in row.chunks_exact_mut(3) {
                    px.copy_from_slice(&c);
                }
                current = Some(c);
            }
            self.px[y * w3..(y + 1) * w3].copy_from_slice(&row);
        }
    }

    /// Fills the union of `contours` (unit coordinates, even-odd rule) with `col` at `alpha`.
    fn fill(&mut self, contours: &[Contour], col: Rgb, alpha: f32) {
        let (s, fx, fy) = self.zoom;
        let (wf, hf) = (self.w as f32, self.h as f32);
        // Edges in pixel space, top to bottom: (y0, y1, x at y0, dx/dy).
        let mut edges: Vec<(f32, f32, f32, f32)> = Vec::new();
        let (mut ymin, mut ymax) = (f32::MAX, f32::MIN);
        for c in contours {
            let pts: Vec<(f32, f32)> = c
                .iter()
                .map(|&(x, y)| (((x - fx) * s + 0.5) * wf, ((y - fy) * s + 0.5) * hf))
                .collect();
            for i in 0..pts.len() {
                let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
                if a.1 == b.1 {
                    continue;
                }
                let (top, bot) = if a.1 < b.1 { (a, b) } else { (b, a) };
                edges.push((top.1, bot.1, top.0, (bot.0 - top.0) / (bot.1 - top.1)));
                ymin = ymin.min(top.1);
                ymax = ymax.max(bot.1);
            }
        }
        if edges.is_empty() {
            return;
        }
        let solid = to_u8(col);
        let y_start = ymin.floor().max(0.0) as usize;
        let y_end = (ymax.ceil().max(0.0) as usize).min(self.h);
        let mut xs: Vec<f32> = Vec::with_capacity(16);
        let w = self.w;
        for row in y_start..y_end {
            let (mut lo, mut hi) = (w, 0usize);
            for sub in 0..SUB {
                let y = row as f32 + (sub as f32 + 0.5) / SUB as f32;
                xs.clear();
                for &(y0, y1, x0, dxdy) in &edges {
                    if y >= y0 && y < y1 {
                        xs.push(x0 + (y - y0) * dxdy);
                    }
                }
                if xs.len() < 2 {
                    continue;
                }
                xs.sort_by(f32::total_cmp);
                for pair in xs.chunks_exact(2) {
                    let (l, r) = (pair[0].max(0.0), pair[1].min(wf));
                    if r <= l {
                        continue;
                    }
                    let (il, ir) = (l as usize, (r as usize).min(w));
                    if il == ir {
                        self.part[il] += r - l;
                    } else {
                        self.part[il] += (il + 1) as f32 - l;
                        self.full[il + 1] += 1;
                        self.full[ir] -= 1;
                        self.part[ir] += r - ir as f32;
                    }
                    lo = lo.min(il);
                    hi = hi.max((ir + 1).min(w));
                }
            }
            let base = row * w * 3;
            let mut run = 0i32;
            for i in lo..hi {
                run += self.full[i];
                self.full[i] = 0;
                let cov = (run as f32 + self.part[i]) / SUB as f32;
                self.part[i] = 0.0;
                if cov <= 0.0 {
                    continue;
                }
                let a = cov.min(1.0) * alpha;
                let p = &mut self.px[base + i * 3..base + i * 3 + 3];
                if a >= 0.999 {
                    p.copy_from_slice(&solid);
                } else {
                    for k in 0..3 {
                        let v = f32::from(p[k]);
                        p[k] = (v + (f32::from(solid[k]) - v) * a + 0.5) as u8;
                    }
                }
            }
            self.full[w] = 0;
            self.part[w] = 0.0;
        }
    }

    fn into_image(self) -> RgbImage {
        RgbImage::from_raw(self.w as u32, self.h as u32, self.px)
            .expect("buffer matches the image size")
    }
}

fn to_u8(c: Rgb) -> [u8; 3] {
    c.map(|v| (v * 255.0 + 0.5).clamp(0.0, 255.0) as u8)
}

// ------------------------------------------------------------------------------------------------
// Shapes (unit coordinates: x right, y down, the picture is 1 × 1)
// ------------------------------------------------------------------------------------------------

fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Contour {
    vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
}

fn rrect(x0: f32, y0: f32, x1: f32, y1: f32, r: f32) -> Contour {
    let r = r.min((x1 - x0) / 2.0).min((y1 - y0) / 2.0);
    let mut pts = Vec::with_capacity(28);
    let corners = [
        (x1 - r, y0 + r, -PI / 2.0),
        (x1 - r, y1 - r, 0.0),
        (x0 + r, y1 - r, PI / 2.0),
        (x0 + r, y0 + r, PI),
    ];
    for (cx, cy, a0) in corners {
        for k in 0..=6 {
            let a = a0 + (PI / 2.0) * k as f32 / 6.0;
            pts.push((cx + r * a.cos(), cy + r * a.sin()));
        }
    }
    pts
}

fn ellipse(cx: f32, cy: f32, rx: f32, ry: f32) -> Contour {
    (0..48)
        .map(|k| {
            let a = 2.0 * PI * k as f32 / 48.0;
            (cx + rx * a.cos(), cy + ry * a.sin())
        })
        .collect()
}

/// A band between two concentric arcs from angle `a0` to `a1` (radians, y down).
fn arc(cx: f32, cy: f32, r_out: f32, r_in: f32, a0: f32, a1: f32) -> Contour {
    let n = 24;
    let mut pts = Vec::with_capacity(2 * n + 2);
    for k in 0..=n {
        let a = a0 + (a1 - a0) * k as f32 / n as f32;
        pts.push((cx + r_out * a.cos(), cy + r_out * a.sin()));
    }
    for k in (0..=n).rev() {
        let a = a0 + (a1 - a0) * k as f32 / n as f32;
        pts.push((cx + r_in * a.cos(), cy + r_in * a.sin()));
    }
    pts
}

fn poly(pts: &[(f32, f32)]) -> Contour {
    pts.to_vec()
}

/// Mirror of `pts` around x = 0.5.
fn mirror(pts: &[(f32, f32)]) -> Contour {
    pts.iter().map(|&(x, y)| (1.0 - x, y)).collect()
}

/// A garment body with sleeves; `sleeve` is how far down the sleeve ends (0 = none).
fn top(p: &mut Painter, pal: &Palette, hem: f32, sleeve: f32) {
    let body = poly(&[
        (0.34, 0.25),
        (0.43, 0.22),
        (0.57, 0.22),
        (0.66, 0.25),
        (0.67, hem),
        (0.33, hem),
    ]);
    p.fill(&[body], pal.main, 1.0);
    if sleeve > 0.0 {
        let left = [
            (0.34, 0.25),
            (0.34, 0.40),
            (0.30 - 0.18 * sleeve, 0.36 + 0.40 * sleeve),
            (0.23 - 0.16 * sleeve, 0.33 + 0.36 * sleeve),
        ];
        p.fill(&[poly(&left), mirror(&left)], pal.main, 1.0);
    }
    p.fill(&[ellipse(0.5, 0.225, 0.07, 0.03)], pal.dark, 1.0);
}

fn draw_motif(p: &mut Painter, motif: Motif, pal: &Palette) {
    let (c, d, l) = (pal.main, pal.dark, pal.light);
    let white = [0.96, 0.95, 0.93];
    match motif {
        Motif::Shoe | Motif::Sneaker => {
            let sneaker = motif == Motif::Sneaker;
            let sole = if sneaker { white } else { d };
            p.fill(
                &[poly(&[
                    (0.16, 0.63),
                    (0.17, 0.47),
                    (0.26, 0.41),
                    (0.36, 0.45),
                    (0.45, 0.50),
                    (0.63, 0.52),
                    (0.79, 0.55),
                    (0.86, 0.60),
                    (0.86, 0.63),
                ])],
                c,
                1.0,
            );
            p.fill(&[ellipse(0.30, 0.445, 0.075, 0.022)], d, 1.0);
            let h = if sneaker { 0.075 } else { 0.045 };
            p.fill(&[rrect(0.14, 0.62, 0.88, 0.62 + h, 0.02)], sole, 1.0);
            for k in 0..4 {
                let x = 0.40 + 0.045 * k as f32;
                p.fill(&[ellipse(x, 0.49 + 0.01 * k as f32, 0.012, 0.008)], l, 1.0);
            }
            if sneaker {
                p.fill(
                    &[poly(&[
                        (0.30, 0.58),
                        (0.62, 0.55),
                        (0.66, 0.57),
                        (0.34, 0.60),
                    ])],
                    l,
                    0.9,
                );
            }
        }
        Motif::Sandal => {
            p.fill(&[rrect(0.15, 0.60, 0.85, 0.655, 0.025)], d, 1.0);
            p.fill(&[rrect(0.16, 0.59, 0.84, 0.61, 0.01)], l, 1.0);
            for (x, r) in [(0.33, 0.10), (0.53, 0.11), (0.72, 0.08)] {
                p.fill(&[arc(x, 0.60, r, r - 0.03, PI, 2.0 * PI)], c, 1.0);
            }
        }
        Motif::Boot => {
            p.fill(&[rrect(0.30, 0.20, 0.50, 0.62, 0.02)], c, 1.0);
            p.fill(
                &[poly(&[
                    (0.30, 0.63),
                    (0.30, 0.45),
                    (0.50, 0.45),
                    (0.62, 0.52),
                    (0.78, 0.55),
                    (0.83, 0.63),
                ])],
                c,
                1.0,
            );
            p.fill(&[rect(0.30, 0.20, 0.50, 0.25)], d, 1.0);
            p.fill(&[rrect(0.28, 0.62, 0.85, 0.67, 0.015)], d, 1.0);
            p.fill(&[rect(0.30, 0.66, 0.40, 0.72)], d, 1.0);
            p.fill(&[rect(0.485, 0.27, 0.495, 0.58)], l, 0.8);
        }
        Motif::TShirt => {
            top(p, pal, 0.80, 0.25);
            p.fill(&[rect(0.33, 0.77, 0.67, 0.80)], d, 0.4);
        }
        Motif::Tank => {
            p.fill(
                &[poly(&[
                    (0.38, 0.18),
                    (0.42, 0.18),
                    (0.45, 0.32),
                    (0.55, 0.32),
                    (0.58, 0.18),
                    (0.62, 0.18),
                    (0.65, 0.38),
                    (0.67, 0.80),
                    (0.33, 0.80),
                    (0.35, 0.38),
                ])],
                c,
                1.0,
            );
            p.fill(&[rect(0.33, 0.77, 0.67, 0.80)], d, 0.4);
        }
        Motif::Shirt | Motif::Knit | Motif::Jacket | Motif::Coat => {
            let hem = if motif == Motif::Coat { 0.90 } else { 0.80 };
            top(p, pal, hem, 1.0);
            match motif {
                Motif::Shirt => {
                    let collar = [(0.43, 0.21), (0.50, 0.27), (0.45, 0.31), (0.40, 0.24)];
                    p.fill(&[poly(&collar), mirror(&collar)], l, 1.0);
                    p.fill(&[rect(0.495, 0.27, 0.505, hem)], d, 0.6);
                    for k in 0..6 {
                        let y = 0.33 + 0.08 * k as f32;
                        p.fill(&[ellipse(0.515, y, 0.008, 0.008)], l, 1.0);
                    }
                }
                Motif::Knit => {
                    p.fill(&[rect(0.33, 0.75, 0.67, hem)], d, 0.55);
                    for k in 0..4 {
                        let y = 0.34 + 0.1 * k as f32;
                        p.fill(&[rect(0.34, y, 0.66, y + 0.015)], l, 0.35);
                    }
                }
                _ => {
                    p.fill(&[rect(0.494, 0.24, 0.506, hem)], d, 1.0);
                    let lapel = [(0.43, 0.21), (0.49, 0.36), (0.46, 0.38), (0.39, 0.26)];
                    p.fill(&[poly(&lapel), mirror(&lapel)], d, 0.7);
                    let pocket = rect(0.37, hem - 0.17, 0.45, hem - 0.15);
                    p.fill(&[pocket.clone(), mirror(&pocket)], d, 0.8);
                    if motif == Motif::Coat {
                        p.fill(&[rect(0.33, 0.55, 0.67, 0.58)], d, 0.9);
                    }
                }
            }
        }
        Motif::Vest => {
            p.fill(
                &[poly(&[
                    (0.36, 0.22),
                    (0.44, 0.22),
                    (0.50, 0.32),
                    (0.56, 0.22),
                    (0.64, 0.22),
                    (0.66, 0.80),
                    (0.34, 0.80),
                ])],
                c,
                1.0,
            );
            for k in 0..6 {
                let y = 0.34 + 0.08 * k as f32;
                p.fill(&[rect(0.35, y, 0.65, y + 0.008)], d, 0.6);
            }
            p.fill(&[rect(0.494, 0.32, 0.506, 0.80)], d, 1.0);
        }
        Motif::Dress => {
            let strap = rect(0.42, 0.16, 0.44, 0.28);
            p.fill(&[strap.clone(), mirror(&strap)], c, 1.0);
            p.fill(
                &[poly(&[
                    (0.40, 0.27),
                    (0.60, 0.27),
                    (0.58, 0.45),
                    (0.74, 0.86),
                    (0.26, 0.86),
                    (0.42, 0.45),
                ])],
                c,
                1.0,
            );
            p.fill(&[rect(0.415, 0.44, 0.585, 0.47)], d, 0.8);
            p.fill(&[rect(0.26, 0.83, 0.74, 0.86)], l, 0.5);
        }
        Motif::Skirt => {
            p.fill(
                &[poly(&[
                    (0.38, 0.30),
                    (0.62, 0.30),
                    (0.74, 0.78),
                    (0.26, 0.78),
                ])],
                c,
                1.0,
            );
            p.fill(&[rect(0.38, 0.28, 0.62, 0.33)], d, 1.0);
        }
        Motif::Trousers | Motif::Shorts => {
            let bottom = if motif == Motif::Shorts { 0.55 } else { 0.88 };
            let leg = [
                (0.34, 0.22),
                (0.50, 0.22),
                (0.50, 0.32),
                (0.49, bottom),
                (0.37, bottom),
            ];
            p.fill(&[poly(&leg), mirror(&leg)], c, 1.0);
            p.fill(&[rect(0.34, 0.20, 0.66, 0.25)], d, 1.0);
            p.fill(&[rect(0.37, bottom - 0.025, 0.49, bottom)], d, 0.5);
            p.fill(&[rect(0.51, bottom - 0.025, 0.63, bottom)], d, 0.5);
        }
        Motif::Tote => {
            p.fill(&[arc(0.42, 0.42, 0.09, 0.07, PI, 2.0 * PI)], d, 1.0);
            p.fill(&[arc(0.58, 0.42, 0.09, 0.07, PI, 2.0 * PI)], d, 1.0);
            p.fill(
                &[poly(&[
                    (0.28, 0.42),
                    (0.72, 0.42),
                    (0.68, 0.82),
                    (0.32, 0.82),
                ])],
                c,
                1.0,
            );
            p.fill(&[rect(0.28, 0.42, 0.72, 0.45)], d, 0.6);
        }
        Motif::Handbag => {
            p.fill(&[arc(0.5, 0.48, 0.22, 0.205, PI, 2.0 * PI)], d, 1.0);
            p.fill(&[rrect(0.30, 0.46, 0.70, 0.78, 0.04)], c, 1.0);
            p.fill(
                &[poly(&[
                    (0.30, 0.46),
                    (0.70, 0.46),
                    (0.70, 0.56),
                    (0.5, 0.62),
                    (0.30, 0.56),
                ])],
                d,
                0.6,
            );
            p.fill(&[ellipse(0.5, 0.60, 0.018, 0.018)], l, 1.0);
        }
        Motif::Backpack => {
            p.fill(&[arc(0.5, 0.28, 0.06, 0.045, PI, 2.0 * PI)], d, 1.0);
            p.fill(&[rrect(0.32, 0.26, 0.68, 0.82, 0.08)], c, 1.0);
            p.fill(&[rrect(0.38, 0.56, 0.62, 0.78, 0.04)], d, 0.7);
            p.fill(&[rect(0.38, 0.56, 0.62, 0.575)], l, 0.8);
        }
        Motif::Wallet => {
            p.fill(&[rrect(0.26, 0.36, 0.74, 0.66, 0.03)], c, 1.0);
            p.fill(&[rrect(0.26, 0.36, 0.74, 0.47, 0.03)], d, 0.7);
            p.fill(&[ellipse(0.68, 0.47, 0.02, 0.02)], l, 1.0);
        }
        Motif::Scarf => {
            p.fill(
                &[poly(&[
                    (0.36, 0.18),
                    (0.48, 0.18),
                    (0.46, 0.78),
                    (0.34, 0.78),
                ])],
                c,
                1.0,
            );
            p.fill(
                &[poly(&[
                    (0.52, 0.18),
                    (0.64, 0.18),
                    (0.68, 0.70),
                    (0.56, 0.72),
                ])],
                d,
                1.0,
            );
            p.fill(&[rrect(0.34, 0.16, 0.66, 0.26, 0.04)], c, 1.0);
            for k in 0..6 {
                let x = 0.345 + 0.02 * k as f32;
                p.fill(&[rect(x, 0.78, x + 0.008, 0.83)], c, 1.0);
            }
        }
        Motif::Beanie => {
            p.fill(&[ellipse(0.5, 0.28, 0.05, 0.05)], l, 1.0);
            p.fill(&[arc(0.5, 0.56, 0.22, 0.0, PI, 2.0 * PI)], c, 1.0);
            p.fill(&[rrect(0.27, 0.54, 0.73, 0.66, 0.02)], d, 1.0);
            for k in 0..9 {
                let x = 0.30 + 0.05 * k as f32;
                p.fill(&[rect(x, 0.55, x + 0.01, 0.65)], c, 0.4);
            }
        }
        Motif::Belt => {
            p.fill(&[rrect(0.10, 0.47, 0.90, 0.53, 0.01)], c, 1.0);
            p.fill(
                &[
                    rect(0.22, 0.44, 0.30, 0.56),
                    rect(0.235, 0.455, 0.285, 0.545),
                ],
                [0.80, 0.66, 0.30],
                1.0,
            );
            for k in 0..4 {
                p.fill(
                    &[ellipse(0.42 + 0.05 * k as f32, 0.5, 0.008, 0.008)],
                    d,
                    1.0,
                );
            }
        }
        Motif::Sunglasses => {
            for x in [0.36, 0.64] {
                p.fill(&[ellipse(x, 0.5, 0.11, 0.10)], [0.12, 0.12, 0.14], 0.85);
                p.fill(
                    &[ellipse(x, 0.5, 0.125, 0.115), ellipse(x, 0.5, 0.11, 0.10)],
                    c,
                    1.0,
                );
            }
            p.fill(&[arc(0.5, 0.49, 0.045, 0.03, PI, 2.0 * PI)], c, 1.0);
            p.fill(
                &[rect(0.12, 0.44, 0.24, 0.46), rect(0.76, 0.44, 0.88, 0.46)],
                c,
                1.0,
            );
        }
        Motif::Hat => {
            p.fill(&[ellipse(0.5, 0.60, 0.32, 0.07)], c, 1.0);
            p.fill(&[rrect(0.36, 0.34, 0.64, 0.60, 0.06)], c, 1.0);
            p.fill(&[rect(0.36, 0.53, 0.64, 0.57)], d, 1.0);
            p.fill(
                &[
                    ellipse(0.5, 0.60, 0.32, 0.07),
                    ellipse(0.5, 0.60, 0.30, 0.06),
                ],
                d,
                0.4,
            );
        }
        Motif::Gloves => {
            for (dx, col) in [(-0.11, d), (0.11, c)] {
                let x = 0.5 + dx;
                p.fill(&[rrect(x - 0.09, 0.28, x + 0.09, 0.64, 0.08)], col, 1.0);
                p.fill(&[ellipse(x - 0.10, 0.50, 0.035, 0.08)], col, 1.0);
                p.fill(&[rect(x - 0.085, 0.62, x + 0.085, 0.74)], l, 1.0);
            }
        }
        Motif::Socks => {
            for (dx, col) in [(-0.1, d), (0.08, c)] {
                let x = 0.44 + dx;
                p.fill(&[rect(x, 0.22, x + 0.14, 0.62)], col, 1.0);
                p.fill(&[rrect(x, 0.54, x + 0.26, 0.68, 0.06)], col, 1.0);
                p.fill(&[rect(x, 0.22, x + 0.14, 0.28)], l, 1.0);
            }
        }
        Motif::Mug => {
            p.fill(&[arc(0.64, 0.55, 0.11, 0.07, -PI / 2.0, PI / 2.0)], c, 1.0);
            p.fill(&[rrect(0.32, 0.36, 0.66, 0.76, 0.03)], c, 1.0);
            p.fill(&[ellipse(0.49, 0.36, 0.17, 0.025)], d, 1.0);
            p.fill(&[rect(0.36, 0.42, 0.38, 0.70)], l, 0.5);
        }
        Motif::Bowl => {
            p.fill(&[arc(0.5, 0.48, 0.28, 0.0, 0.0, PI)], c, 1.0);
            p.fill(&[ellipse(0.5, 0.48, 0.28, 0.05)], d, 1.0);
            p.fill(
                &[
                    ellipse(0.5, 0.48, 0.28, 0.05),
                    ellipse(0.5, 0.48, 0.26, 0.04),
                ],
                l,
                1.0,
            );
        }
        Motif::Plate => {
            p.fill(&[ellipse(0.5, 0.52, 0.34, 0.22)], c, 1.0);
            p.fill(&[ellipse(0.5, 0.52, 0.24, 0.15)], l, 0.5);
            p.fill(
                &[
                    ellipse(0.5, 0.52, 0.34, 0.22),
                    ellipse(0.5, 0.52, 0.325, 0.205),
                ],
                d,
                0.6,
            );
        }
        Motif::Jug => {
            p.fill(&[arc(0.64, 0.50, 0.13, 0.09, -PI / 2.0, PI / 2.0)], c, 1.0);
            p.fill(&[poly(&[(0.30, 0.30), (0.38, 0.26), (0.40, 0.34)])], c, 1.0);
            p.fill(
                &[poly(&[
                    (0.36, 0.28),
                    (0.62, 0.28),
                    (0.68, 0.80),
                    (0.32, 0.80),
                ])],
                c,
                1.0,
            );
            p.fill(&[ellipse(0.49, 0.28, 0.13, 0.02)], d, 1.0);
        }
        Motif::Tumblers => {
            for (x, a) in [(0.38, 0.75), (0.60, 0.9)] {
                p.fill(
                    &[poly(&[
                        (x - 0.10, 0.36),
                        (x + 0.10, 0.36),
                        (x + 0.08, 0.76),
                        (x - 0.08, 0.76),
                    ])],
                    c,
                    a,
                );
                p.fill(&[ellipse(x, 0.36, 0.10, 0.02)], l, 1.0);
                p.fill(
                    &[rect(x - 0.07, 0.40, x - 0.055, 0.70)],
                    [1.0, 1.0, 1.0],
                    0.5,
                );
            }
        }
        Motif::Board => {
            p.fill(&[rrect(0.20, 0.40, 0.70, 0.70, 0.08)], c, 1.0);
            p.fill(&[rrect(0.66, 0.50, 0.84, 0.60, 0.05)], c, 1.0);
            p.fill(&[ellipse(0.79, 0.55, 0.02, 0.02)], pal.bg_bottom, 1.0);
            for k in 0..3 {
                let y = 0.47 + 0.08 * k as f32;
                p.fill(&[rect(0.26, y, 0.62, y + 0.006)], d, 0.5);
            }
        }
        Motif::Jar => {
            p.fill(&[rrect(0.34, 0.32, 0.66, 0.80, 0.06)], c, 1.0);
            p.fill(&[rrect(0.36, 0.24, 0.64, 0.33, 0.02)], d, 1.0);
            p.fill(&[rrect(0.38, 0.48, 0.62, 0.64, 0.01)], white, 1.0);
            p.fill(&[rect(0.41, 0.53, 0.59, 0.545)], d, 0.8);
        }
        Motif::Bottle => {
            p.fill(&[rrect(0.36, 0.28, 0.64, 0.82, 0.02)], c, 1.0);
            p.fill(&[rrect(0.45, 0.20, 0.55, 0.29, 0.01)], d, 1.0);
            p.fill(&[rect(0.36, 0.46, 0.64, 0.66)], white, 1.0);
            p.fill(&[ellipse(0.5, 0.56, 0.06, 0.06)], d, 0.9);
        }
        Motif::Textile => {
            for (k, col) in [(0, d), (1, c), (2, l)] {
                let y = 0.62 - 0.12 * k as f32;
                let x = 0.22 + 0.02 * k as f32;
                p.fill(&[rrect(x, y, x + 0.54, y + 0.13, 0.03)], col, 1.0);
                p.fill(&[rect(x + 0.04, y + 0.05, x + 0.50, y + 0.065)], d, 0.3);
            }
        }
        Motif::Cushion => {
            p.fill(
                &[poly(&[
                    (0.24, 0.26),
                    (0.50, 0.30),
                    (0.76, 0.26),
                    (0.72, 0.50),
                    (0.76, 0.74),
                    (0.50, 0.70),
                    (0.24, 0.74),
                    (0.28, 0.50),
                ])],
                c,
                1.0,
            );
            p.fill(&[ellipse(0.5, 0.5, 0.12, 0.09)], l, 0.35);
        }
        Motif::Apron => {
            p.fill(&[arc(0.5, 0.26, 0.09, 0.075, PI, 2.0 * PI)], d, 1.0);
            p.fill(
                &[poly(&[
                    (0.41, 0.26),
                    (0.59, 0.26),
                    (0.60, 0.42),
                    (0.68, 0.46),
                    (0.66, 0.86),
                    (0.34, 0.86),
                    (0.32, 0.46),
                    (0.40, 0.42),
                ])],
                c,
                1.0,
            );
            p.fill(
                &[rect(0.20, 0.45, 0.32, 0.47), rect(0.68, 0.45, 0.80, 0.47)],
                d,
                1.0,
            );
            p.fill(&[rrect(0.42, 0.58, 0.58, 0.70, 0.01)], d, 0.6);
        }
        Motif::Candle => {
            p.fill(&[ellipse(0.5, 0.33, 0.03, 0.06)], [1.0, 0.78, 0.25], 1.0);
            p.fill(&[ellipse(0.5, 0.35, 0.012, 0.03)], [1.0, 0.95, 0.75], 1.0);
            p.fill(&[rect(0.497, 0.38, 0.503, 0.44)], [0.2, 0.2, 0.2], 1.0);
            p.fill(&[rrect(0.36, 0.44, 0.64, 0.80, 0.02)], c, 1.0);
            p.fill(&[ellipse(0.5, 0.44, 0.14, 0.025)], l, 1.0);
        }
        Motif::Vase => {
            p.fill(&[ellipse(0.5, 0.62, 0.17, 0.20)], c, 1.0);
            p.fill(&[rect(0.45, 0.24, 0.55, 0.46)], c, 1.0);
            p.fill(&[ellipse(0.5, 0.24, 0.075, 0.02)], d, 1.0);
            p.fill(&[ellipse(0.43, 0.58, 0.02, 0.08)], l, 0.6);
        }
        Motif::Basket => {
            p.fill(&[arc(0.5, 0.44, 0.20, 0.175, PI, 2.0 * PI)], d, 1.0);
            p.fill(
                &[poly(&[
                    (0.26, 0.44),
                    (0.74, 0.44),
                    (0.68, 0.80),
                    (0.32, 0.80),
                ])],
                c,
                1.0,
            );
            for k in 0..5 {
                let y = 0.48 + 0.065 * k as f32;
                p.fill(&[rect(0.28, y, 0.72, y + 0.012)], d, 0.5);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_motif_draws_something_different() {
        let mut seen = std::collections::HashSet::new();
        for motif in Motif::ALL {
            let img = render(motif, [190, 38, 44], 7, false, 96, 96);
            assert_eq!(img.dimensions(), (96, 96));
            let reddish = img.pixels().filter(|p| p[0] > 150 && p[1] < 90).count();
            assert!(reddish > 60, "{motif:?} draws the item ({reddish} px)");
            assert!(
                seen.insert(img.into_raw()),
                "{motif:?} looks like another motif"
            );
        }
    }

    #[test]
    fn placeholder_is_deterministic_and_varies() {
        let a = generate_placeholder("Yellow jacket", 48, 80, 80);
        let b = generate_placeholder("Yellow jacket", 48, 80, 80);
        let c = generate_placeholder("Black shoes", 48, 80, 80);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(hsl_to_rgb(0.0, 1.0, 0.5), [255, 0, 0]);
        assert_eq!(hsl_to_rgb(120.0, 1.0, 0.5), [0, 255, 0]);
    }

    #[test]
    fn jpeg_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x/y.jpg");
        let img = render(Motif::Mug, [52, 104, 182], 1, true, 120, 120);
        save_jpeg(&img, &path).unwrap();
        let back = image::open(&path).unwrap();
        assert_eq!((back.width(), back.height()), (120, 120));
    }

    /// Writes every motif in a few colours into one picture for a visual check:
    /// `cargo test -p commerce --lib demo::images -- --ignored contact_sheet`.
    #[test]
    #[ignore]
    fn contact_sheet() {
        let cell = 200u32;
        let colours = [
            [238, 192, 38],
            [38, 38, 42],
            [242, 240, 234],
            [52, 104, 182],
        ];
        let mut sheet = RgbImage::new(cell * 10, cell * 4 * 2);
        for (i, motif) in Motif::ALL.iter().enumerate() {
            let rgb = colours[i % colours.len()];
            let img = render(*motif, rgb, picture_seed(*motif, rgb), false, cell, cell);
            let (x, y) = ((i as u32 % 10) * cell, (i as u32 / 10) * cell);
            image::imageops::replace(&mut sheet, &img, x.into(), y.into());
            let img = render(*motif, colours[(i + 1) % 4], 9, true, cell, cell);
            image::imageops::replace(&mut sheet, &img, x.into(), (y + 4 * cell).into());
        }
        let path = std::env::temp_dir().join("stoa-demo-motifs.png");
        sheet.save(&path).unwrap();
        println!("{}", path.display());
    }

    /// Timing probe: `cargo test -p commerce --lib demo::images -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn timing() {
        let t = std::time::Instant::now();
        let img = render(Motif::Coat, [30, 42, 84], 3, false, 800, 800);
        let render_ms = t.elapsed().as_millis();
        let t = std::time::Instant::now();
        let dir = tempfile::tempdir().unwrap();
        save_jpeg(&img, &dir.path().join("a.jpg")).unwrap();
        println!(
            "render {render_ms} ms, encode {} ms",
            t.elapsed().as_millis()
        );
    }
}
