// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../electron/shared/errors';
import { setUpI18n } from '../../renderer/i18n';
import { ConfirmQuestion } from '../../renderer/ui/ConfirmQuestion';
import { useConfirmFocus } from '../../renderer/ui/useConfirmFocus';

/**
 * The question asked in place before deleting (an outlet, a kit, a contact, the trash): focus
 * moves to Cancel and comes back to the button that asked; Escape cancels; the answer that acts
 * is given once and waits, disabled, while it is under way.
 */

afterEach(cleanup);

interface Setup {
  onConfirm: () => void | Promise<unknown>;
  busy?: boolean;
  error?: ApiError | null;
  title?: string;
  closeOnConfirm?: boolean;
}

function Asker({ onConfirm, busy, error, title, closeOnConfirm = false }: Setup) {
  const [asking, setAsking] = useState(false);
  const focus = useConfirmFocus(asking ? 'delete' : null, () => setAsking(false));
  const answer = () => {
    const r = onConfirm();
    if (!closeOnConfirm) return r;
    return Promise.resolve(r).then(() => setAsking(false));
  };
  return (
    <>
      <input aria-label="Name" />
      {asking ? (
        <ConfirmQuestion title={title} question="Delete the outlet “Daily Nation”?" confirmLabel="Delete for good" onConfirm={answer} focus={focus} busy={busy} error={error} />
      ) : (
        <button ref={focus.asker('delete')} type="button" onClick={() => setAsking(true)}>
          Delete this outlet
        </button>
      )}
    </>
  );
}

function mount(setup: Setup) {
  render(
    <I18nextProvider i18n={setUpI18n('en')}>
      <Asker {...setup} />
    </I18nextProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Delete this outlet' }));
  return screen.getByRole('alertdialog', { name: setup.title ?? 'Delete the outlet “Daily Nation”?' });
}

describe('a question asked in place', () => {
  it('takes focus to Cancel as it opens; Escape closes it, gives focus back to the button that asked, and acts on nothing', () => {
    const onConfirm = vi.fn();
    const question = mount({ onConfirm });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete this outlet' }));

    fireEvent.click(screen.getByRole('button', { name: 'Delete this outlet' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete this outlet' }));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('acts once for two quick clicks, disabled until the answer comes, then open again for another try', async () => {
    let finish = () => {};
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const question = mount({ onConfirm });
    const act1 = within(question).getByRole('button', { name: 'Delete for good' });
    expect(act1.className).toBe('danger');
    fireEvent.click(act1);
    fireEvent.click(act1);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect((act1 as HTMLButtonElement).disabled).toBe(true);
    expect(question.getAttribute('aria-busy')).toBe('true');
    // Cancel stays an answer while the first is under way.
    expect((within(question).getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(false);

    await act(async () => finish());
    expect((act1 as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(act1);
    expect(onConfirm).toHaveBeenCalledTimes(2);
  });

  it('closes on the answer, giving focus back to the button that asked', async () => {
    const question = mount({ onConfirm: () => Promise.resolve(), closeOnConfirm: true });
    await act(async () => fireEvent.click(within(question).getByRole('button', { name: 'Delete for good' })));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete this outlet' }));
  });

  it('gives no answer while what it waits for is busy', () => {
    const onConfirm = vi.fn();
    const question = mount({ onConfirm, busy: true });
    const button = within(question).getByRole('button', { name: 'Delete for good' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('says why the answer failed inside the question, and is named by its title with the question as its description', () => {
    const error: ApiError = { code: 'NOT_FOUND', message: 'No such outlet' };
    const question = mount({ onConfirm: vi.fn(), error, title: 'Delete the outlet' });
    expect(within(question).getByRole('alert').textContent).not.toBe('');
    const described = question.getAttribute('aria-describedby')!;
    expect(document.getElementById(described)?.textContent).toBe('Delete the outlet “Daily Nation”?');
  });
});
