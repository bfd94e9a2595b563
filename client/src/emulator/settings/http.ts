import * as v from 'valibot';
import { choice } from './setting.js';

/** Settings section `http`: answers outside any one API. */
export const httpSettingsSchema = v.object({
  unknownPath: choice(
    [
      ['empty', '404 with an empty body (Daraja)'],
      ['envelope', '404 with error 404.001.01'],
    ],
    'empty',
    {
      label: 'Unknown paths',
      description: 'Unknown paths: Daraja answers 404 with an empty body; `envelope` sends 404.001.01.',
    },
  ),
  malformedBody: choice(
    [
      ['per-api', 'As each API documents it (400.002.05 on C2B and Transaction Status)'],
      ['invalid-payload', '400.002.05 Invalid Request Payload everywhere'],
      ['first-field', 'The first field reported invalid everywhere'],
    ],
    'per-api',
    {
      label: 'Malformed JSON bodies',
      description:
        'A body that is not a JSON object (a JSON syntax error, an array): `per-api` answers as each API’s documentation says (C2B and Transaction Status: 400.002.05 Invalid Request Payload; the others report their first field as invalid), `invalid-payload` answers 400.002.05 everywhere, `first-field` nowhere.',
    },
  ),
});

/** Settings section `ids`: the style of identifiers. */
export const idsSettingsSchema = v.object({
  style: choice(
    [
      ['current', 'Current (2024 and later)'],
      ['legacy', 'Legacy (2017 to 2023)'],
    ],
    'current',
    {
      label: 'Identifier style',
      description: '`current` (2024+) or `legacy` (2017-2023) identifier formats.',
    },
  ),
});
