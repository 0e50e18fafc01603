// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Notice } from '../../components';

describe('a notice', () => {
  it('puts its sentence into live regions that were already in the page', () => {
    const root = document.createElement('div');
    render(<Notice notice={undefined} />, root);
    const status = root.querySelector('[role="status"]');
    const alert = root.querySelector('[role="alert"]');
    // Announced only if the region exists before its text does.
    expect(status?.textContent).toBe('');
    expect(alert?.textContent).toBe('');
    render(<Notice notice={{ kind: 'success', text: 'Exported 2 favourites.' }} />, root);
    expect(root.querySelector('[role="status"]')).toBe(status);
    expect(status?.textContent).toBe('Exported 2 favourites.');
    expect(status?.className).toBe('notice notice-success');
    render(<Notice notice={{ kind: 'error', text: 'That file is not a Talkmark export.' }} />, root);
    expect(root.querySelector('[role="alert"]')).toBe(alert);
    expect(alert?.textContent).toBe('That file is not a Talkmark export.');
    expect(status?.textContent).toBe('');
  });
});
