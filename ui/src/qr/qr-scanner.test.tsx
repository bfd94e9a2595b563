import { fireEvent, render, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { QrScanner } from './qr-scanner';

const picture = () => new File(['png'], 'code.png', { type: 'image/png' });

test('a picked picture of an M-Pesa code is read into till, amount and reference', async () => {
  const onScanned = vi.fn();
  render(
    <QrScanner
      onScanned={onScanned}
      onBack={() => undefined}
      decode={async () => 'BG|373132|75|Invoice 7'}
    />,
  );
  fireEvent.change(screen.getByLabelText('Choose a picture'), { target: { files: [picture()] } });
  await vi.waitFor(() => expect(onScanned).toHaveBeenCalled());
  expect(onScanned).toHaveBeenCalledWith({ trxCode: 'BG', cpi: '373132', amount: 75, refNo: 'Invoice 7' });
});

test('a dropped picture is read the same way', async () => {
  const onScanned = vi.fn();
  render(
    <QrScanner onScanned={onScanned} onBack={() => undefined} decode={async () => 'PB|600000|10|ACC-1'} />,
  );
  fireEvent.drop(screen.getByText(/Drop the QR code picture here/).parentElement as HTMLElement, {
    dataTransfer: { files: [picture()] },
  });
  await vi.waitFor(() =>
    expect(onScanned).toHaveBeenCalledWith({ trxCode: 'PB', cpi: '600000', amount: 10, refNo: 'ACC-1' }),
  );
});

test('says so when the picture holds no code or a code that is not M-Pesa', async () => {
  const decode = vi.fn<(image: Blob) => Promise<string | undefined>>();
  decode.mockResolvedValueOnce(undefined).mockResolvedValueOnce('https://example.com');
  render(<QrScanner onScanned={() => undefined} onBack={() => undefined} decode={decode} />);
  const input = screen.getByLabelText('Choose a picture');
  fireEvent.change(input, { target: { files: [picture()] } });
  expect((await screen.findByRole('alert')).textContent).toBe('No QR code found in code.png.');
  fireEvent.change(input, { target: { files: [picture()] } });
  await vi.waitFor(() =>
    expect(screen.getByRole('alert').textContent).toBe(
      'Not an M-PESA QR code: it reads "https://example.com".',
    ),
  );
});
