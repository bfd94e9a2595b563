import { CopyBlock } from '../common/copy-block';
import { firstPushCurl } from '../export/curl';
import { SANDBOX_MSISDN } from '../export/sandbox';
import { StartPayment } from './start-payment';

/** What an empty emulator shows: the command for a first STK push, and a form that sends one. */
export function FirstPush() {
  const origin = location.origin;
  return (
    <div className="card empty-state">
      <h3>No transactions yet</h3>
      <p>
        Send your first STK push from a terminal; the phone of {SANDBOX_MSISDN} rings. Point CallBackURL at
        your app to receive the result.
      </p>
      <CopyBlock
        label="First STK push (curl)"
        text={firstPushCurl(origin, 'https://example.com/mpesa/callback', SANDBOX_MSISDN)}
      />
      <StartPayment />
    </div>
  );
}
