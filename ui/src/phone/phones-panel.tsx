import { useWorld } from '../world/world-context';
import { AddPhoneForm } from './add-phone-form';
import { Phone } from './phone';
import { useShown } from './shown-phones';

/** The simulated phones side by side, and the form that adds one. */
export function PhonesPanel() {
  const { customers } = useWorld();
  const { shown, show, hide } = useShown();
  const available = customers.filter((c) => !shown.includes(c.msisdn));
  return (
    <section className="phones-panel" aria-labelledby="phones-title">
      <h2 id="phones-title">Phones</h2>
      <div className="phones-row">
        {shown.map((msisdn) => {
          const customer = customers.find((c) => c.msisdn === msisdn);
          return customer ? <Phone key={msisdn} customer={customer} onClose={() => hide(msisdn)} /> : null;
        })}
        <AddPhoneForm available={available} onShow={show} />
      </div>
    </section>
  );
}
