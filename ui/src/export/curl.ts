import { SANDBOX_PASSKEY, SANDBOX_SHORTCODE } from './sandbox';

/** Single-quoted for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The token request every curl snippet starts with; the emulator takes any key and secret by default. */
export function tokenLine(origin: string): string {
  return `TOKEN=$(curl -s -u 'my-key:my-secret' '${origin}/oauth/v1/generate?grant_type=client_credentials' | sed -E 's/.*"access_token": ?"([^"]+)".*/\\1/')`;
}

/**
 * A ready-to-run replay of a Daraja request: a fresh token, then the same body to the same path. Secrets are
 * never kept in clear, so they come from shell variables: the STK Password is computed from the passkey
 * (the sandbox's, for 174379) and a fresh Timestamp; a SecurityCredential must be pasted in.
 */
export function curlFor(origin: string, path: string, body: unknown): string {
  const lines = [tokenLine(origin)];
  let json = JSON.stringify(body ?? {}, null, 2);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if ('Password' in fields && 'Timestamp' in fields) {
    const shortcode = String(fields.BusinessShortCode ?? '');
    const passkey = shortcode === SANDBOX_SHORTCODE ? SANDBOX_PASSKEY : '<passkey of this shortcode>';
    lines.push(
      `PASSKEY=${shellQuote(passkey)}`,
      `TIMESTAMP=$(TZ=Africa/Nairobi date +%Y%m%d%H%M%S)`,
      `PASSWORD=$(printf '%s' "${shortcode}$PASSKEY$TIMESTAMP" | base64 | tr -d '\\n')`,
    );
    json = JSON.stringify({ ...fields, Password: '__PASSWORD__', Timestamp: '__TIMESTAMP__' }, null, 2);
  }
  if ('SecurityCredential' in fields) {
    lines.push(`SECURITY_CREDENTIAL='<paste the encrypted initiator password>'`);
    json = JSON.stringify({ ...fields, SecurityCredential: '__SECURITY_CREDENTIAL__' }, null, 2);
  }
  // Variables are spliced in by closing and reopening the single-quoted body.
  const data = shellQuote(json)
    .replace(`"__PASSWORD__"`, `"'"$PASSWORD"'"`)
    .replace(`"__TIMESTAMP__"`, `"'"$TIMESTAMP"'"`)
    .replace(`"__SECURITY_CREDENTIAL__"`, `"'"$SECURITY_CREDENTIAL"'"`);
  lines.push(
    `curl -s ${shellQuote(origin + path)} \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -H 'Content-Type: application/json' \\\n  -d ${data}`,
  );
  return lines.join('\n');
}

/** The first STK push a developer would send: the sandbox shortcode to the sandbox test phone. */
export function firstPushCurl(origin: string, callbackUrl: string, phone: string): string {
  return curlFor(origin, '/mpesa/stkpush/v1/processrequest', {
    BusinessShortCode: SANDBOX_SHORTCODE,
    Password: '',
    Timestamp: '',
    TransactionType: 'CustomerPayBillOnline',
    Amount: 1,
    PartyA: phone,
    PartyB: SANDBOX_SHORTCODE,
    PhoneNumber: phone,
    CallBackURL: callbackUrl,
    AccountReference: 'Test',
    TransactionDesc: 'Test',
  });
}
