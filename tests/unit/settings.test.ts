import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, onSettingsChange, readSettings, saveSettings } from '../../utils/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults: the YouTube panel is on', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.youtubePanel).toBe(true);
  });

  it('saves to storage.sync and tells listeners', async () => {
    const listener = vi.fn();
    const stop = onSettingsChange(listener);
    await saveSettings({ youtubePanel: false });
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({
      settings: { youtubePanel: false, syncMarks: true },
    });
    expect(await loadSettings()).toEqual({ youtubePanel: false, syncMarks: true });
    expect(listener).toHaveBeenCalledWith({ youtubePanel: false, syncMarks: true });
    stop();
  });

  it.each([undefined, null, 'on', { youtubePanel: 'no' }, []])('ignores a damaged stored value (%j)', (stored) => {
    expect(readSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });
});
