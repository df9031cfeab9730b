import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../ingest/extract/readPdf.js';
import { buildLines } from '../../../ingest/layout/buildLines.js';
import { findImageFilterMisuse } from '../../../ingest/extract/findImageFilterMisuse.js';
import { IngestRefusedError } from '../../../src/errors.js';
import { makeReportPdf } from '../../fixtures/pdfs.js';
import { makeImageFilteredContentPdf, makeImageXObjectPdf } from '../../fixtures/handMadePdfs.js';

// A guard in ingest/extract that the robustness run over pdf.js's corpus called for (bomb_giant.pdf).
describe('findImageFilterMisuse', () => {
  it('names the object when a page content stream uses JBIG2Decode', () => {
    expect(findImageFilterMisuse(makeImageFilteredContentPdf('JBIG2Decode'))).toBe('object 6 uses /JBIG2Decode but is not an image');
  });

  it('names the object when a page content stream uses DCTDecode inside a filter array', () => {
    const pdf = Buffer.from(makeImageFilteredContentPdf('DCTDecode').toString('latin1').replace('/Filter /DCTDecode', '/Filter [/FlateDecode /DCTDecode]'), 'latin1');

    expect(findImageFilterMisuse(pdf)).toBe('object 6 uses /DCTDecode but is not an image');
  });

  it('accepts an image XObject that uses an image-only filter', () => {
    expect(findImageFilterMisuse(makeImageXObjectPdf('DCTDecode'))).toBeNull();
  });

  it('accepts a name that only starts like an image filter', () => {
    expect(findImageFilterMisuse(makeImageFilteredContentPdf('DCTDecodeX'))).toBeNull();
  });

  it('accepts a pdfkit report PDF', async () => {
    expect(findImageFilterMisuse(await makeReportPdf({ pages: [['前 言', '正文。']] }))).toBeNull();
  });
});

describe('readPdf on a content stream behind an image-only filter', () => {
  it('refuses corrupt before pdf.js decodes the stream', async () => {
    const error = await readPdf(makeImageFilteredContentPdf(), 'bomb.pdf').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IngestRefusedError);
    expect([(error as IngestRefusedError).reason, (error as IngestRefusedError).userMessage]).toEqual([
      'corrupt',
      'bomb.pdf: the PDF is damaged and cannot be read (object 6 uses /JBIG2Decode but is not an image)',
    ]);
  });

  it('reads the same page when the second stream is a real image', async () => {
    const { pages } = await readPdf(makeImageXObjectPdf(), 'photo.pdf');

    expect(pages.map((page) => buildLines(page).map((line) => line.text))).toEqual([['Quarterly figures of the college']]);
  });
});
