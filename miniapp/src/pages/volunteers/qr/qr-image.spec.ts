import qrcode from 'qrcode-generator';
import { volunteerQrImage } from './qr-image';

describe('volunteerQrImage', () => {
  it('encodes the token as a GIF image that changes with the token', () => {
    const a = volunteerQrImage('v1.42.check_in.58912345.AbCdEfGhIjKlMnOpQrSt-_');
    const b = volunteerQrImage('v1.42.check_in.58912346.AbCdEfGhIjKlMnOpQrSt-_');
    expect(a.startsWith('data:image/gif;base64,')).toBe(true);
    expect(a).not.toBe(b);
  });

  it('keeps a real token in a small, quickly scanned code version', () => {
    const qr = qrcode(0, 'M');
    qr.addData('v1.123456.check_out.58912345.AbCdEfGhIjKlMnOpQrSt-_', 'Byte');
    qr.make();
    // Version 4 is 33 modules wide; anything denser is harder to scan from across a table.
    expect(qr.getModuleCount()).toBeLessThanOrEqual(33);
  });
});
