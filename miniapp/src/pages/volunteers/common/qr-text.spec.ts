import { readVolunteerQrText } from './qr-text';

const mac = 'AbCdEfGhIjKlMnOpQrSt-_';

describe('readVolunteerQrText', () => {
  it('reads the activity and the step from a check-in code', () => {
    expect(readVolunteerQrText(`v1.42.check_in.58912345.${mac}`)).toEqual({ token: `v1.42.check_in.58912345.${mac}`, activityId: 42, purpose: 'check_in' });
  });

  it('finds the code inside pasted text with spaces and a link around it', () => {
    const code = `v1.7.check_out.3.${mac}`;
    expect(readVolunteerQrText(`  签退码：https://example.cn/s?t=${code}\n`)).toEqual({ token: code, activityId: 7, purpose: 'check_out' });
  });

  it('refuses text that is not a volunteer code', () => {
    expect(readVolunteerQrText('https://mp.weixin.qq.com/')).toBeNull();
    expect(readVolunteerQrText('')).toBeNull();
    expect(readVolunteerQrText(null)).toBeNull();
  });

  it('refuses a code whose signature was cut short or has an unknown step', () => {
    expect(readVolunteerQrText(`v1.42.check_in.5.${mac.slice(0, 20)}`)).toBeNull();
    expect(readVolunteerQrText(`v1.42.sign_in.5.${mac}`)).toBeNull();
    expect(readVolunteerQrText(`v1.42.check_in.5.${mac}x`)).toBeNull();
  });
});
