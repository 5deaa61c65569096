import qrcode from 'qrcode-generator';

/**
 * The token as a QR code image (GIF data URL), which both the weapp <Image> and browsers show. Error
 * correction M and the automatic version keep the code low-density so old phones scan it from a distance.
 */
export function volunteerQrImage(token: string, cellSize = 8): string {
  const qr = qrcode(0, 'M');
  qr.addData(token, 'Byte');
  qr.make();
  return qr.createDataURL(cellSize, cellSize * 2);
}
