import { createCanvas, loadImage } from '@napi-rs/canvas';

/**
 * Share of pixels that are not near-white: a rendered page or table with text on it has some ink,
 * a blank or failed render has none, a broken one (all black) far too much.
 */
export async function inkShare(png: Buffer): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    const light = ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255)) / 3;
    if (light < 160) ink += 1;
  }
  return ink / (image.width * image.height);
}
