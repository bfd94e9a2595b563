import { MAGIC_PHONES, type MagicPhone } from 'daraja-client/emulator';

const BY_PHONE = new Map(MAGIC_PHONES.map((m) => [m.phone, m]));

/** The magic number's fixed outcome, if `phone` is one (see MAGIC_PHONES and docs/faults.md). */
export function magicPhone(phone: string | undefined): MagicPhone | undefined {
  return phone === undefined ? undefined : BY_PHONE.get(phone);
}
