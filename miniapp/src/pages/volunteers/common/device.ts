import Taro from '@tarojs/taro';
import type { VolunteerPositionInput } from '@linli/shared';

/** Whether a camera scanner exists (weapp); H5 has none, so pages show a paste box instead. */
export const canScanCode = process.env.TARO_ENV !== 'h5';

/** Opens the camera scanner and returns the code's text, or null when the person backs out. */
export async function scanVolunteerCode(): Promise<string | null> {
  try {
    const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result.result ?? null;
  } catch {
    return null;
  }
}

/** The phone's position in GCJ-02 (what the server's distance rules use), or null when refused or unavailable. */
export async function currentVolunteerPosition(): Promise<VolunteerPositionInput | null> {
  try {
    const loc = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true });
    const position: VolunteerPositionInput = { lng: loc.longitude, lat: loc.latitude };
    if (Number.isFinite(loc.accuracy) && loc.accuracy > 0) position.accuracyMeters = Math.round(loc.accuracy);
    return position;
  } catch {
    return null;
  }
}
