import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';

/**
 * The promoter's share poster: a 750×1334 PNG (a phone screen at 2×) with the app's name, the
 * promoter's name, a QR code of the share URL, the referral code and a call to action. Drawn
 * with @napi-rs/canvas; the QR matrix comes from `qrcode` and is painted as filled squares, so
 * every module lands on whole pixels and scans crisply.
 *
 * Fonts: the machine may have no CJK font. `KILN_POSTER_FONT` (a .ttf/.otf/.ttc path) is
 * registered when set. When the resulting font stack cannot draw CJK, fixed texts are drawn in
 * English and names with characters outside Latin-1 are replaced (the promoter's by the referral
 * code, the app's by "Kiln"), so the poster never shows empty boxes.
 */

export type PosterLocale = 'zh-CN' | 'en';

export interface PosterInput {
  appName: string;
  promoterName: string;
  code: string;
  shareUrl: string;
  locale: PosterLocale;
}

/** Where the QR code sits on the poster, in pixels: `modules` × `modules` squares of `cell` px from (x, y). */
export interface QrPlacement {
  x: number;
  y: number;
  cell: number;
  modules: number;
}

/** Geometry of a drawn poster. */
export interface PosterLayout {
  width: number;
  height: number;
  qr: QrPlacement;
}

/** The texts a poster shows after the font fallback. */
export interface PosterTexts {
  appName: string;
  promoterName: string;
  invite: string;
  cta: string;
  codeLabel: string;
  code: string;
  shareUrl: string;
}

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1334;
/** Largest side of the QR code (modules are whole pixels, so the drawn code is at most this). */
const QR_BOX = 440;
const QR_TOP = 420;
const HEADER_H = 220;
const ACCENT = '#d9480f';
const TEXT = '#1f2328';
const MUTED = '#6b7280';
const CUSTOM_FAMILY = 'KilnPosterFont';
const FALLBACK_APP_NAME = 'Kiln';

const FIXED = {
  'zh-CN': { invite: '邀请你加入', cta: '扫码加入', codeLabel: '邀请码' },
  en: { invite: 'invites you to join', cta: 'Scan to join', codeLabel: 'Referral code' },
} as const;

/** True when `text` has a character outside Latin-1 (what DejaVu alone is trusted to draw). */
export const hasNonLatin1 = (text: string): boolean => [...text].some((ch) => ch.codePointAt(0)! > 0xff);

interface FontState {
  /** CSS font-family list used for every text. */
  family: string;
  /** Whether that list draws CJK. */
  cjk: boolean;
}

let fontCache: { env: string | undefined; state: FontState } | undefined;

/**
 * The poster's font stack, registering `KILN_POSTER_FONT` once per value of the variable.
 * A path that cannot be loaded is ignored (the poster falls back to DejaVu).
 */
export function posterFonts(): FontState {
  const env = process.env.KILN_POSTER_FONT || undefined;
  if (fontCache && fontCache.env === env) return fontCache.state;
  let custom = false;
  if (env) {
    try {
      custom = GlobalFonts.registerFromPath(env, CUSTOM_FAMILY) !== null;
    } catch {
      custom = false;
    }
  }
  const family = `${custom ? `"${CUSTOM_FAMILY}", ` : ''}"DejaVu Sans", sans-serif`;
  const state = { family, cjk: drawsCjk(family) };
  fontCache = { env, state };
  return state;
}

/**
 * Whether `family` really draws CJK: two different ideographs rendered with it must differ and
 * not be blank. A font without them draws both as the same missing-glyph box (or nothing).
 */
function drawsCjk(family: string): boolean {
  const glyph = (ch: string) => {
    const c = createCanvas(40, 40);
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 40, 40);
    ctx.fillStyle = '#000';
    ctx.font = `32px ${family}`;
    ctx.textBaseline = 'top';
    ctx.fillText(ch, 4, 4);
    return ctx.getImageData(0, 0, 40, 40).data;
  };
  const a = glyph('扫');
  const b = glyph('码');
  let differs = false;
  let inked = false;
  for (let i = 0; i < a.length; i += 4) {
    if (a[i] !== b[i]) differs = true;
    if (a[i] < 128) inked = true;
    if (differs && inked) return true;
  }
  return false;
}

/**
 * The texts to draw: localized fixed texts when the fonts draw CJK, else English ones; names
 * the fonts cannot draw are replaced (promoter → referral code, app → "Kiln").
 */
export function posterTexts(input: PosterInput, cjk: boolean): PosterTexts {
  const fixed = FIXED[cjk ? input.locale : 'en'];
  const drawable = (s: string) => cjk || !hasNonLatin1(s);
  const promoterName = input.promoterName.trim();
  return {
    appName: drawable(input.appName) && input.appName.trim() ? input.appName.trim() : FALLBACK_APP_NAME,
    promoterName: promoterName && drawable(promoterName) ? promoterName : input.code,
    invite: fixed.invite,
    cta: fixed.cta,
    codeLabel: fixed.codeLabel,
    code: input.code,
    shareUrl: input.shareUrl,
  };
}

/** Where a QR code of `modules` modules goes: whole-pixel cells, centred, at most QR_BOX wide. */
export function qrPlacement(modules: number): QrPlacement {
  const cell = Math.max(1, Math.floor(QR_BOX / modules));
  const size = cell * modules;
  return { x: Math.floor((POSTER_WIDTH - size) / 2), y: QR_TOP + Math.floor((QR_BOX - size) / 2), cell, modules };
}

/** Shrinks `text` with an ellipsis until it fits `max` px in the current font. */
function fit(ctx: SKRSContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
  return `${s}…`;
}

/** Picks the largest size from `sizes` at which `text` fits in `max` px. */
function fitSize(ctx: SKRSContext2D, text: string, weight: string, family: string, sizes: number[], max: number): void {
  for (const size of sizes) {
    ctx.font = `${weight} ${size}px ${family}`;
    if (ctx.measureText(text).width <= max) return;
  }
}

function roundRect(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/**
 * Draws the poster and answers the canvas with its geometry (tests sample the QR modules from
 * it). `opts.cjk` overrides the font detection (tests of the fallback).
 */
export function drawPoster(input: PosterInput, opts: { cjk?: boolean } = {}): { canvas: Canvas; layout: PosterLayout; texts: PosterTexts } {
  const fonts = posterFonts();
  const texts = posterTexts(input, opts.cjk ?? fonts.cjk);
  const family = fonts.family;
  const W = POSTER_WIDTH;
  const canvas = createCanvas(W, POSTER_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';

  // Background and header band.
  const bg = ctx.createLinearGradient(0, 0, 0, POSTER_HEIGHT);
  bg.addColorStop(0, '#fff7f0');
  bg.addColorStop(1, '#ffe8d6');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, W, POSTER_HEIGHT);
  const band = ctx.createLinearGradient(0, 0, W, HEADER_H);
  band.addColorStop(0, ACCENT);
  band.addColorStop(1, '#f76707');
  ctx.fillStyle = band;
  ctx.fillRect(0, 0, W, HEADER_H);
  ctx.fillStyle = '#fff';
  fitSize(ctx, texts.appName, 'bold', family, [56, 48, 40, 34, 28], W - 80);
  ctx.fillText(fit(ctx, texts.appName, W - 80), W / 2, 130);

  // Who invites.
  ctx.fillStyle = TEXT;
  fitSize(ctx, texts.promoterName, 'bold', family, [44, 38, 32, 28], W - 100);
  ctx.fillText(fit(ctx, texts.promoterName, W - 100), W / 2, 282);
  ctx.fillStyle = MUTED;
  ctx.font = `28px ${family}`;
  ctx.fillText(texts.invite, W / 2, 326);

  // The QR code on a white card (the card's padding is the quiet zone).
  const qr = QRCode.create(input.shareUrl, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const place = qrPlacement(n);
  const size = place.cell * n;
  const pad = Math.max(4 * place.cell, 24);
  ctx.save();
  ctx.shadowColor = 'rgba(0,0,0,0.12)';
  ctx.shadowBlur = 24;
  ctx.shadowOffsetY = 6;
  ctx.fillStyle = '#fff';
  roundRect(ctx, place.x - pad, place.y - pad, size + 2 * pad, size + 2 * pad, 24);
  ctx.fill();
  ctx.restore();
  ctx.fillStyle = '#000';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) ctx.fillRect(place.x + col * place.cell, place.y + row * place.cell, place.cell, place.cell);
    }
  }
  const below = QR_TOP + QR_BOX + pad;

  // Call to action, the code, the link.
  ctx.fillStyle = ACCENT;
  ctx.font = `bold 40px ${family}`;
  ctx.fillText(texts.cta, W / 2, below + 80);
  ctx.fillStyle = MUTED;
  ctx.font = `26px ${family}`;
  ctx.fillText(texts.codeLabel, W / 2, below + 150);
  ctx.fillStyle = TEXT;
  fitSize(ctx, texts.code, 'bold', family, [88, 72, 60, 48, 40], W - 80);
  ctx.fillText(texts.code, W / 2, below + 240);
  ctx.fillStyle = MUTED;
  ctx.font = `22px ${family}`;
  ctx.fillText(fit(ctx, texts.shareUrl, W - 80), W / 2, POSTER_HEIGHT - 60);

  return { canvas, layout: { width: W, height: POSTER_HEIGHT, qr: place }, texts };
}

/** The poster as PNG bytes. */
export async function renderPoster(input: PosterInput): Promise<Buffer> {
  return drawPoster(input).canvas.encode('png');
}
