import { describe, expect, it } from 'vitest';
import { refusalFromPdfError } from '../../../ingest/extract/refusalFromPdfError.js';

// Hardening in ingest/extract that the robustness run's "one or two lines" check asks for.
describe('refusalFromPdfError', () => {
  it('keeps an exception message that spans lines to one line of the refusal', () => {
    const error = Object.assign(new Error('Bad FCHECK in flate stream:\n  120, 253'), { name: 'FormatError' });

    const refusal = refusalFromPdfError('a.pdf', error);

    expect([refusal.reason, refusal.userMessage, refusal.cause]).toEqual([
      'corrupt',
      'a.pdf: the PDF is damaged and cannot be read (FormatError: Bad FCHECK in flate stream: 120, 253)',
      error,
    ]);
  });

  it('cuts a very long exception message at 200 characters', () => {
    const refusal = refusalFromPdfError('a.pdf', new RangeError('x'.repeat(1000)));

    expect(refusal.userMessage).toBe(`a.pdf: the PDF is damaged and cannot be read (RangeError: ${'x'.repeat(199)}…)`);
  });

  it('maps a PasswordException to encrypted', () => {
    const refusal = refusalFromPdfError('a.pdf', Object.assign(new Error('Incorrect Password'), { name: 'PasswordException' }));

    expect([refusal.reason, refusal.userMessage]).toEqual(['encrypted', 'a.pdf: the PDF is encrypted (password protected); export an unprotected copy (Incorrect Password)']);
  });
});
