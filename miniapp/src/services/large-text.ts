import type { KeyValueStorage } from './session';

type Listener = (enabled: boolean) => void;

const STORAGE_KEY = 'linli.largeText';

/** The elder-friendly large-text preference, remembered on the device and shared by every page. */
export class LargeTextPreference {
  private enabled: boolean;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: KeyValueStorage) {
    this.enabled = storage.get(STORAGE_KEY) === true;
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  set(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.storage.set(STORAGE_KEY, enabled);
    this.listeners.forEach((listener) => listener(enabled));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
