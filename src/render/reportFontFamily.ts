import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { TableFontError } from './renderErrors.js';

/** One family name for all weights: skia then picks Regular, Medium or Bold from the CSS weight. */
const FAMILY = 'Report Noto Sans SC';
const FILES = ['NotoSansHans-Regular.otf', 'NotoSansHans-Medium.otf', 'NotoSansHans-Bold.otf'] as const;

let registered = false;

/**
 * The CSS family of Noto Sans SC, registered with the canvas on first use. The machine may have no
 * CJK font at all, so the bundled one is the only thing standing between Chinese text and tofu boxes.
 * Registration is process-wide in @napi-rs/canvas anyway, so doing it once here costs nothing in
 * isolation; it happens on the first call rather than at import so merely loading the bot stays cheap.
 */
export function reportFontFamily(): string {
  if (registered) return FAMILY;
  // The package exports only its JS entry (dist/), not package.json: the fonts sit beside dist/.
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  const folder = path.resolve(path.dirname(entry), '..', 'fonts');
  for (const file of FILES) {
    const fontPath = path.join(folder, file);
    let ok: boolean;
    try {
      ok = GlobalFonts.registerFromPath(fontPath, FAMILY);
    } catch (error) {
      throw new TableFontError(fontPath, { cause: error });
    }
    if (!ok) throw new TableFontError(fontPath);
  }
  registered = true;
  return FAMILY;
}
