import Taro from '@tarojs/taro';
import type { VolunteerPositionInput } from '@linli/shared';
import { currentGcj02Position } from '../../../services/location';

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
    const here = await currentGcj02Position();
    const position: VolunteerPositionInput = { lng: here.lng, lat: here.lat };
    if (here.accuracyMeters) position.accuracyMeters = here.accuracyMeters;
    return position;
  } catch {
    return null;
  }
}
