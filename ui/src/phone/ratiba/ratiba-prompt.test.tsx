import { fireEvent, render, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { RatibaPrompt, type RatibaAnswer } from './ratiba-prompt';
import { standingOrder } from './ratiba-fixtures';

function renderPrompt() {
  const answers: RatibaAnswer[] = [];
  const onAnswer = vi.fn(async (a: RatibaAnswer) => {
    answers.push(a);
  });
  render(
    <RatibaPrompt order={standingOrder()} merchantName="DARAJA SANDBOX" pinHint="1234" onAnswer={onAnswer} />,
  );
  return answers;
}

test('asks for the PIN with the order’s payee, amount, frequency and dates', () => {
  renderPrompt();
  expect(
    screen.getByRole('dialog', {
      name: 'Approve standing order Gym membership: pay Ksh 500 to DARAJA SANDBOX account GYM001 every month from 05/01/2026 to 31/12/2026? Enter M-PESA PIN',
    }),
  ).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByLabelText('M-PESA PIN'));
  expect(screen.getByText('Test PIN: 1234')).toBeTruthy();
});

test('OK sends the typed PIN; Escape and Cancel decline; “Ignore it” times out', async () => {
  const answers = renderPrompt();
  fireEvent.change(screen.getByLabelText('M-PESA PIN'), { target: { value: '1234' } });
  fireEvent.click(screen.getByRole('button', { name: 'OK' }));
  await screen.findByRole('button', { name: 'OK' });
  fireEvent.keyDown(screen.getByLabelText('M-PESA PIN'), { key: 'Escape' });
  await vi.waitFor(() => expect(answers).toHaveLength(2));
  await vi.waitFor(() =>
    expect(screen.getByRole('button', { name: 'OK' })).toHaveProperty('disabled', false),
  );
  fireEvent.click(screen.getByRole('button', { name: 'Ignore it (time out now)' }));
  await vi.waitFor(() => expect(answers).toHaveLength(3));
  expect(answers).toEqual([{ kind: 'accept', pin: '1234' }, { kind: 'decline' }, { kind: 'timeout' }]);
});
