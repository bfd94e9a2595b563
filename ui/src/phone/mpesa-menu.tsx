export type MenuChoice = 'pay-bill' | 'buy-goods' | 'scan-qr' | 'bills' | 'standing-orders';

interface Props {
  level: 'main' | 'lipa';
  onOpenLipa: () => void;
  onChoose: (choice: MenuChoice) => void;
  onBack: () => void;
}

/** The SIM-toolkit M-PESA menu, reduced to the items the emulator can carry out. */
export function MpesaMenu({ level, onOpenLipa, onChoose, onBack }: Props) {
  return (
    <nav className="mpesa-menu" aria-label={level === 'main' ? 'M-PESA menu' : 'Lipa na M-PESA'}>
      <h3>{level === 'main' ? 'M-PESA' : 'Lipa na M-PESA'}</h3>
      <ol>
        {level === 'main' ? (
          <>
            <li>
              <button type="button" onClick={onOpenLipa}>
                Lipa na M-PESA
              </button>
            </li>
            <li>
              <button type="button" onClick={() => onChoose('bills')}>
                My Bills
              </button>
            </li>
            <li>
              <button type="button" onClick={() => onChoose('standing-orders')}>
                Standing orders (Ratiba)
              </button>
            </li>
          </>
        ) : (
          <>
            <li>
              <button type="button" onClick={() => onChoose('pay-bill')}>
                Pay Bill
              </button>
            </li>
            <li>
              <button type="button" onClick={() => onChoose('buy-goods')}>
                Buy Goods and Services
              </button>
            </li>
            <li>
              <button type="button" onClick={() => onChoose('scan-qr')}>
                Scan QR code
              </button>
            </li>
          </>
        )}
      </ol>
      <button type="button" className="secondary" onClick={onBack}>
        Back
      </button>
    </nav>
  );
}
