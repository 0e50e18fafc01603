import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('the shared data the tests read', () => {
  it('fails, rather than skips, where CI provides ../shared and it is missing', async () => {
    vi.stubEnv('CI', 'true');
    const { sharedMissing } = await import('../real-talks');
    expect(() => sharedMissing('The real-schedule imports', new URL('file:///nowhere/samples/'))).toThrow(/not a skip/);
  });

  it('skips, saying so, on a machine without it', async () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { sharedMissing } = await import('../real-talks');
    expect(() => sharedMissing('The real-schedule imports', new URL('file:///nowhere/samples/'))).not.toThrow();
    expect(warn).toHaveBeenCalledWith('Skipping The real-schedule imports: /nowhere/samples/ is not here.');
    warn.mockRestore();
  });
});
