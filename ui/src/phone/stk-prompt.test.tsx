import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { stkPrompt, T0 } from '../test/fixtures';
import { StkPrompt, type StkAnswer } from './stk-prompt';

function renderPrompt(now: number | undefined) {
  const answers: StkAnswer[] = [];
  const onAnswer = vi.fn(async (a: StkAnswer) => {
    answers.push(a);
  });
  render(<StkPrompt transaction={stkPrompt()} merchantName="DARAJA SANDBOX" now={now} onAnswer={onAnswer} />);
  return answers;
}

test('reads like the handset’s prompt and takes the keyboard when nothing else has it', () => {
  renderPrompt(T0);
  expect(
    screen.getByRole('dialog', { name: /Do you want to pay Ksh 1 to DARAJA SANDBOX account no INV-42\?/ }),
  ).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByLabelText('M-PESA PIN'));
});

test('Escape works like the back key: it cancels', async () => {
  const answers = renderPrompt(T0);
  fireEvent.keyDown(screen.getByLabelText('M-PESA PIN'), { key: 'Escape' });
  await screen.findByRole('button', { name: 'OK' });
  expect(answers).toEqual([{ kind: 'decline' }]);
});

test('without the emulator clock there is no countdown; past the deadline it says it is timing out', () => {
  renderPrompt(undefined);
  expect(screen.queryByText(/Expires in/)).toBeNull();
  cleanup();
  renderPrompt(T0 + 61_000);
  expect(screen.getByText('Timing out…')).toBeTruthy();
});

test('“Ignore it” asks the emulator to time the prompt out now', async () => {
  const answers = renderPrompt(T0);
  fireEvent.click(screen.getByRole('button', { name: 'Ignore it (time out now)' }));
  await screen.findByRole('button', { name: 'OK' });
  expect(answers).toEqual([{ kind: 'timeout' }]);
});

test('shows the test customer’s PIN so a person trying the emulator knows what to type', () => {
  render(
    <StkPrompt
      transaction={stkPrompt()}
      merchantName="DARAJA SANDBOX"
      now={T0}
      pinHint="1234"
      onAnswer={async () => undefined}
    />,
  );
  expect(screen.getByText('Test PIN: 1234')).toBeTruthy();
});
