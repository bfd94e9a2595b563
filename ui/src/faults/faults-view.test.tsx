import type { FaultRuleInput, FaultRuleView } from 'daraja-client/emulator';
import { MAGIC_PHONES, defaultSettings } from 'daraja-client/emulator';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer, reply } from '../test/fake-server';
import { john, manualClock } from '../test/fixtures';
import { journalEntry } from '../test/records';
import { renderWithWorld } from '../test/render-app';
import { FaultsView } from './faults-view';

const throttled: FaultRuleView = {
  id: 'rule-1',
  name: 'throttled',
  enabled: true,
  match: { endpoint: 'stk-push' },
  every: 5,
  effect: { type: 'error', error: 'spike-arrest' },
  matched: 7,
  fired: 1,
};

function server(initial: FaultRuleView[] = [throttled]) {
  let rules = [...initial];
  let magic = true;
  const fake = fakeServer({
    'GET /_emulator/customers': () => [john],
    'GET /_emulator/shortcodes': () => [],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/faults': () => rules,
    'POST /_emulator/faults': (call) => {
      const input = call.body as FaultRuleInput;
      if ((input.effect as { type: string }).type === 'explode')
        return reply(400, {
          error: { code: 'invalid_rule', message: 'rule 1: "effect.type" must be one of …' },
        });
      const added: FaultRuleView = {
        ...input,
        id: `rule-${rules.length + 2}`,
        name: input.name ?? `rule-${rules.length + 2}`,
        enabled: true,
        matched: 0,
        fired: 0,
      };
      rules = [...rules, added];
      return reply(201, added);
    },
    'DELETE /_emulator/faults/rule-1': () => {
      rules = rules.filter((r) => r.id !== 'rule-1');
      return reply(204);
    },
    'DELETE /_emulator/faults': () => {
      rules = [];
      return reply(204);
    },
    'GET /_emulator/faults/magic': () => ({ enabled: magic, phones: MAGIC_PHONES }),
    'PATCH /_emulator/settings': (call) => {
      magic = (call.body as { magic: { enabled: boolean } }).magic.enabled;
      return { ...defaultSettings(), magic: { enabled: magic } };
    },
  });
  return { ...fake, rules: () => rules };
}

test('lists the rules in order with what they match, when they fire, what they do and their counters', async () => {
  const { api } = server();
  renderWithWorld(<FaultsView />, api);
  const card = within(await screen.findByRole('article', { name: 'Fault rule throttled' }));
  expect(card.getByText('stk-push')).toBeTruthy();
  expect(card.getByText('every 5th')).toBeTruthy();
  expect(card.getByText('Daraja error envelope: error spike-arrest')).toBeTruthy();
  expect(card.getByLabelText('matched 7, fired 1')).toBeTruthy();
});

test('adds an STK result code for one phone from the form, without typing JSON', async () => {
  const { api, calls } = server([]);
  renderWithWorld(<FaultsView />, api);
  await screen.findByText(/No fault rules/);
  const form = within(screen.getByRole('form', { name: 'Add a fault rule' }));
  fireEvent.change(form.getByLabelText('Name'), { target: { value: 'cancel John' } });
  fireEvent.change(form.getByLabelText('Effect'), { target: { value: 'stk-outcome' } });
  fireEvent.change(form.getByLabelText('Result code'), { target: { value: '1032' } });
  fireEvent.change(form.getByLabelText('API'), { target: { value: 'stk-push' } });
  fireEvent.change(form.getByLabelText('Phone'), { target: { value: john.msisdn } });
  fireEvent.click(form.getByRole('button', { name: 'Add rule' }));
  await screen.findByRole('article', { name: 'Fault rule cancel John' });
  expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
    name: 'cancel John',
    match: { endpoint: 'stk-push', phone: john.msisdn },
    effect: { type: 'stk-outcome', resultCode: 1032 },
  });
  expect(form.getByText('Added cancel John.')).toBeTruthy();
  expect((form.getByLabelText('Name') as HTMLInputElement).value).toBe('');
});

test('the JSON editor starts from the form, refuses text that is not JSON and shows the emulator’s 400', async () => {
  const { api, calls } = server([]);
  renderWithWorld(<FaultsView />, api);
  const form = within(await screen.findByRole('form', { name: 'Add a fault rule' }));
  fireEvent.change(form.getByLabelText('Effect'), { target: { value: 'callback-drop' } });
  fireEvent.click(form.getByRole('button', { name: 'Edit as JSON' }));
  const editor = within(screen.getByRole('form', { name: 'Add a fault rule as JSON' }));
  const text = editor.getByLabelText('Rule (JSON)') as HTMLTextAreaElement;
  expect(JSON.parse(text.value)).toEqual({ effect: { type: 'callback-drop' } });

  fireEvent.change(text, { target: { value: '{ "effect": ' } });
  fireEvent.click(editor.getByRole('button', { name: 'Add rule' }));
  expect(editor.getByRole('alert').textContent).toMatch(/^Not JSON/);
  expect(calls.some((c) => c.method === 'POST')).toBe(false);

  fireEvent.change(text, { target: { value: '{ "effect": { "type": "explode" } }' } });
  fireEvent.click(editor.getByRole('button', { name: 'Add rule' }));
  await waitFor(() =>
    expect(editor.getByRole('alert').textContent).toContain('"effect.type" must be one of'),
  );

  fireEvent.change(text, {
    target: { value: '{ "name": "late", "effect": { "type": "callback-delay", "ms": { "mean": 5000 } } }' },
  });
  fireEvent.click(editor.getByRole('button', { name: 'Add rule' }));
  const card = within(await screen.findByRole('article', { name: 'Fault rule late' }));
  expect(card.getByText('Callback delayed: ms about 5000 ms')).toBeTruthy();
  expect(screen.getByRole('form', { name: 'Add a fault rule' })).toBeTruthy();
});

test('deletes one rule, and clears them all only after a second click', async () => {
  const second: FaultRuleView = { ...throttled, id: 'rule-2', name: 'second', every: undefined };
  const { api, calls } = server([throttled, second]);
  renderWithWorld(<FaultsView />, api);
  fireEvent.click(await screen.findByRole('button', { name: 'Delete throttled' }));
  await waitFor(() => expect(screen.queryByRole('article', { name: 'Fault rule throttled' })).toBeNull());
  expect(calls.some((c) => c.method === 'DELETE' && c.path === '/_emulator/faults/rule-1')).toBe(true);

  fireEvent.click(screen.getByRole('button', { name: 'Remove all rules' }));
  expect(calls.some((c) => c.method === 'DELETE' && c.path === '/_emulator/faults')).toBe(false);
  fireEvent.click(screen.getByRole('button', { name: 'Remove all' }));
  await screen.findByText(/No fault rules/);
  expect(calls.some((c) => c.method === 'DELETE' && c.path === '/_emulator/faults')).toBe(true);
});

test('follows rule changes made elsewhere, from the live event and after a reconnect', async () => {
  const { api } = server([]);
  const { live } = renderWithWorld(<FaultsView />, api);
  await screen.findByText(/No fault rules/);
  live.emit({ type: 'faults', rules: [throttled] });
  expect(screen.getByRole('article', { name: 'Fault rule throttled' })).toBeTruthy();
  live.emit({ type: 'hello', at: 0, clock: manualClock });
  await screen.findByText(/No fault rules/);
});

test('shows the magic numbers and switches them off with the magic.enabled setting', async () => {
  const { api, calls } = server([]);
  const { live } = renderWithWorld(<FaultsView />, api);
  const table = within(await screen.findByRole('table'));
  expect(table.getByText('254700001032')).toBeTruthy();
  expect(table.getByText('Cancelled by the customer (1032)')).toBeTruthy();
  const toggle = screen.getByLabelText('Magic numbers decide STK outcomes') as HTMLInputElement;
  expect(toggle.checked).toBe(true);
  fireEvent.click(toggle);
  await waitFor(() => expect(toggle.checked).toBe(false));
  expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ magic: { enabled: false } });
  live.emit({ type: 'settings', settings: defaultSettings() });
  expect(toggle.checked).toBe(true);
});

test('counters follow traffic: a request in the journal brings a fresh count', async () => {
  const { api, rules } = server();
  const { live } = renderWithWorld(<FaultsView />, api);
  const card = within(await screen.findByRole('article', { name: 'Fault rule throttled' }));
  const rule = rules()[0];
  if (rule) Object.assign(rule, { matched: 8, fired: 2 });
  live.emit({ type: 'journal', entry: journalEntry() });
  expect(await card.findByLabelText('matched 8, fired 2')).toBeTruthy();
});
