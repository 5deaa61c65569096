import type { VolunteerActivityView } from '@linli/shared';
import { volunteerAttendanceRequest } from './attendance-request';

const MAC = 'AbCdEfGhIjKlMnOpQrSt-_';
const code = (activityId: number, purpose: string) => `v1.${activityId}.${purpose}.99.${MAC}`;
const activity = (patch: Partial<VolunteerActivityView> = {}) =>
  ({ id: 5, checkMethods: ['qr'], requireLocation: false, place: null, ...patch }) as VolunteerActivityView;
const here = { lng: 113.2644, lat: 23.1291, accuracyMeters: 15 };

describe('volunteerAttendanceRequest', () => {
  it('sends the scanned token for this activity and step', () => {
    expect(volunteerAttendanceRequest(activity(), 'check_in', { scannedText: ` ${code(5, 'check_in')} ` })).toEqual({ input: { token: code(5, 'check_in') } });
  });

  it('refuses a code of another activity or of the other step', () => {
    expect(volunteerAttendanceRequest(activity(), 'check_in', { scannedText: code(6, 'check_in') })).toEqual({ error: '该二维码不属于本活动' });
    expect(volunteerAttendanceRequest(activity(), 'check_in', { scannedText: code(5, 'check_out') })).toEqual({ error: '这是签退码，请扫描签到码' });
    expect(volunteerAttendanceRequest(activity(), 'check_out', { scannedText: code(5, 'check_in') })).toEqual({ error: '这是签到码，请扫描签退码' });
  });

  it('refuses text that is not a check-in code', () => {
    expect(volunteerAttendanceRequest(activity(), 'check_in', { scannedText: '你好' })).toEqual({ error: '二维码无效，请扫描活动现场的签到码' });
  });

  it('checks in by location alone where the activity allows it, and not where it only takes QR codes', () => {
    const located = activity({ checkMethods: ['qr', 'location'], place: { lng: 113.2645, lat: 23.1292 } });
    expect(volunteerAttendanceRequest(located, 'check_out', { position: here })).toEqual({ input: { position: here } });
    expect(volunteerAttendanceRequest(activity(), 'check_in', { position: here })).toEqual({ error: '该活动需扫描现场二维码签到' });
  });

  it('asks for the location too when the activity requires it with the scan', () => {
    const strict = activity({ requireLocation: true, place: { lng: 113.2645, lat: 23.1292 } });
    expect(volunteerAttendanceRequest(strict, 'check_in', { scannedText: code(5, 'check_in') })).toEqual({ error: '该活动签到需同时提供定位，请开启定位' });
    expect(volunteerAttendanceRequest(strict, 'check_in', { scannedText: code(5, 'check_in'), position: here })).toEqual({
      input: { token: code(5, 'check_in'), position: here },
    });
  });

  it('asks for a code when nothing was given', () => {
    expect(volunteerAttendanceRequest(activity(), 'check_in', {})).toEqual({ error: '请扫描或输入现场的签到码' });
  });
});
