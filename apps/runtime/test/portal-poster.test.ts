import { GlobalFonts } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import { drawPoster, hasNonLatin1, posterFonts, posterTexts, qrPlacement, renderPoster, type PosterInput } from '../src/portal/poster.js';

const INPUT: PosterInput = {
  appName: 'Tea House',
  promoterName: '王芳',
  code: 'K7Q2M9',
  shareUrl: 'https://kiln.example.com/f/join?ref=K7Q2M9',
  locale: 'zh-CN',
};

/** The QR matrix as the poster shows it: 1 where the centre pixel of a module is dark. */
function sampled(input: PosterInput, opts: { cjk?: boolean } = {}): { grid: number[][]; quiet: boolean[] } {
  const { canvas, layout } = drawPoster(input, opts);
  const { x, y, cell, modules } = layout.qr;
  const img = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const dark = (px: number, py: number) => {
    const i = (py * img.width + px) * 4;
    return (img.data[i] + img.data[i + 1] + img.data[i + 2]) / 3 < 128;
  };
  const half = Math.floor(cell / 2);
  const grid = Array.from({ length: modules }, (_, r) => Array.from({ length: modules }, (_, c) => (dark(x + c * cell + half, y + r * cell + half) ? 1 : 0)));
  // The ring just outside the code must be light (the quiet zone the card provides).
  const quiet: boolean[] = [];
  for (let k = 0; k < modules; k++) {
    const m = k * cell + half;
    quiet.push(!dark(x - half - 1, y + m), !dark(x + modules * cell + half, y + m), !dark(x + m, y - half - 1), !dark(x + m, y + modules * cell + half));
  }
  return { grid, quiet };
}

function expected(url: string): number[][] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) => Array.from({ length: modules.size }, (_, c) => (modules.get(r, c) ? 1 : 0)));
}

/** A system font with CJK glyphs (Skia falls back to it): the no-CJK checks do not apply there. */
const SYSTEM_CJK = GlobalFonts.families.some((f) => /CJK|Han |Hei|Song|Ming|WenQuanYi|Fallback|PingFang|YaHei/i.test(f.family));

const mismatches = (a: number[][], b: number[][]) => a.flat().filter((v, i) => v !== b.flat()[i]).length;

describe('promoter poster', () => {
  const savedFont = process.env.KILN_POSTER_FONT;
  afterEach(() => {
    if (savedFont === undefined) delete process.env.KILN_POSTER_FONT;
    else process.env.KILN_POSTER_FONT = savedFont;
  });

  it('is a 750×1334 PNG', async () => {
    const png = await renderPoster(INPUT);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The first chunk is IHDR: length 13, type, then width and height (big-endian).
    expect(png.readUInt32BE(8)).toBe(13);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(750);
    expect(png.readUInt32BE(20)).toBe(1334);
    expect(png.length).toBeGreaterThan(10_000); // not a blank image
  });

  it('draws exactly the QR matrix of the share URL, with a light quiet zone', () => {
    const { grid, quiet } = sampled(INPUT);
    const want = expected(INPUT.shareUrl);
    expect(grid.length).toBe(want.length);
    expect(mismatches(grid, want)).toBe(0);
    expect(quiet.every(Boolean)).toBe(true);
    // The comparison is sharp: another URL of the same QR size differs in many modules.
    const other = expected('https://kiln.example.com/f/join?ref=ZZZZZZ');
    expect(other.length).toBe(want.length);
    expect(mismatches(grid, other)).toBeGreaterThan(20);
  });

  it('fits a long URL (a larger QR version) on whole-pixel modules inside the poster', () => {
    const long = { ...INPUT, shareUrl: `https://kiln.example.com/f/join?ref=K7Q2M9&utm_source=${'x'.repeat(120)}` };
    const { grid } = sampled(long);
    const want = expected(long.shareUrl);
    expect(want.length).toBeGreaterThan(expected(INPUT.shareUrl).length);
    expect(mismatches(grid, want)).toBe(0);
    const place = qrPlacement(want.length);
    expect(Number.isInteger(place.cell) && place.cell >= 4).toBe(true);
    expect(place.x).toBeGreaterThan(0);
    expect(place.x + place.cell * place.modules).toBeLessThan(750);
  });

  it('localizes the call to action and keeps names when the fonts draw CJK', () => {
    expect(posterTexts(INPUT, true)).toMatchObject({ cta: '扫码加入', promoterName: '王芳', appName: 'Tea House', codeLabel: '邀请码' });
    expect(posterTexts({ ...INPUT, locale: 'en' }, true)).toMatchObject({ cta: 'Scan to join', promoterName: '王芳' });
  });

  it('without a CJK font: English texts, and names it cannot draw are replaced', () => {
    const t = posterTexts({ ...INPUT, appName: '茶馆' }, false);
    expect(t).toMatchObject({ cta: 'Scan to join', invite: 'invites you to join', promoterName: 'K7Q2M9', appName: 'Kiln', code: 'K7Q2M9' });
    // Latin-1 names (accents included) stay.
    expect(posterTexts({ ...INPUT, promoterName: 'José Müller' }, false).promoterName).toBe('José Müller');
    expect(hasNonLatin1('José')).toBe(false);
    expect(hasNonLatin1('王')).toBe(true);
    // The drawn poster uses the fallback texts too.
    expect(drawPoster(INPUT, { cjk: false }).texts.cta).toBe('Scan to join');
  });

  it.skipIf(SYSTEM_CJK)('detects that this machine’s DejaVu fonts cannot draw CJK, also when KILN_POSTER_FONT points at one', () => {
    // DejaVu has no CJK glyphs: registering it must not switch the poster to Chinese texts.
    process.env.KILN_POSTER_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
    const withDejaVu = posterFonts();
    expect(withDejaVu.family).toContain('KilnPosterFont');
    process.env.KILN_POSTER_FONT = '/nonexistent/font.ttf';
    const missing = posterFonts();
    expect(missing.family).not.toContain('KilnPosterFont');
    expect(withDejaVu.cjk).toBe(false);
    expect(missing.cjk).toBe(false);
    expect(drawPoster(INPUT).texts).toMatchObject({ cta: 'Scan to join', promoterName: 'K7Q2M9' });
  });
});
