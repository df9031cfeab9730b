import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../ingest/ocr/paddleOcr.js';
import { holdsPrint } from '../../../ingest/ocr/printedPicture.js';

/** A made picture: `paint` draws on a 600 × 300 canvas; its pixels as the OCR reader sees a crop. */
function picture(paint: (context: ReturnType<ReturnType<typeof createCanvas>['getContext']>) => void): RgbaImage {
  const canvas = createCanvas(600, 300);
  const context = canvas.getContext('2d');
  paint(context);
  const { width, height, data } = context.getImageData(0, 0, 600, 300);
  return { width, height, data };
}

/** Lines of "words": short dark bars, as print looks to a pixel count. */
function words(context: ReturnType<ReturnType<typeof createCanvas>['getContext']>, ink: string): void {
  context.fillStyle = ink;
  for (let row = 0; row < 10; row += 1) {
    for (let word = 0; word < 8; word += 1) context.fillRect(20 + word * 70, 15 + row * 28, 50, 8);
  }
}

describe('whether a picture on a text page can hold print', () => {
  it('takes dark words on white paper', () => {
    const page = picture((context) => {
      context.fillStyle = 'white';
      context.fillRect(0, 0, 600, 300);
      words(context, '#222');
    });
    expect(holdsPrint(page)).toBe(true);
  });

  it('takes a table with tinted alternate rows: paper and tint are the two common tones', () => {
    const table = picture((context) => {
      for (let row = 0; row < 10; row += 1) {
        context.fillStyle = row % 2 === 0 ? '#ffffff' : '#d9e2f0';
        context.fillRect(0, row * 30, 600, 30);
      }
      words(context, '#1a1a1a');
    });
    expect(holdsPrint(table)).toBe(true);
  });

  it('takes light words on a dark panel: ink is a tone far from the paper, either way', () => {
    const panel = picture((context) => {
      context.fillStyle = '#14325a';
      context.fillRect(0, 0, 600, 300);
      words(context, '#f5f5f5');
    });
    expect(holdsPrint(panel)).toBe(true);
  });

  it('passes over a photo, whose pixels spread over many tones', () => {
    // Smooth shading with grain, as a photo of a building or a landscape.
    const photo = picture((context) => {
      let seed = 7;
      const grain = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return (seed / 2147483648) * 40 - 20;
      };
      for (let y = 0; y < 300; y += 2) {
        for (let x = 0; x < 600; x += 2) {
          const r = Math.round(60 + (x / 600) * 150 + grain());
          const g = Math.round(90 + (y / 300) * 120 + grain());
          const b = Math.round(140 - (x / 600) * 80 + grain());
          context.fillStyle = `rgb(${r},${g},${b})`;
          context.fillRect(x, y, 2, 2);
        }
      }
    });
    expect(holdsPrint(photo)).toBe(false);
  });

  it('passes over a flat panel, which has no ink', () => {
    const flat = picture((context) => {
      context.fillStyle = '#5a8c3c';
      context.fillRect(0, 0, 600, 300);
    });
    expect(holdsPrint(flat)).toBe(false);
  });
});
