import type { RequestHandler, Router } from 'express';
import { ControlError } from './control-error.js';
import { bodyObject } from './query-params.js';

/** An error a prompt service throws for a prompt that is unknown (404) or cannot be answered now (409). */
export type PromptStateError = Error & { code: string };

/** Runs a control action on one prompt by its id; a prompt state error becomes a 404 or 409. */
export function promptAction(
  isStateError: (error: unknown) => error is PromptStateError,
  run: (id: string, body: Record<string, unknown>) => unknown,
): RequestHandler {
  return (req, res) => {
    try {
      res.json(run(String(req.params.id), bodyObject(req)));
    } catch (error) {
      if (isStateError(error)) {
        throw new ControlError(error.code === 'not_found' ? 404 : 409, error.code, error.message);
      }
      throw error;
    }
  };
}

/** What a person can do to an open prompt on a phone. */
export interface PromptAnswers {
  accept(id: string, pin: string, by: 'phone'): unknown;
  decline(id: string, by: 'phone'): unknown;
  timeout(id: string, by: 'control'): unknown;
}

/**
 * `POST {prefix}/:id/accept|decline|timeout`: answering a prompt as the person holding the phone (accept with
 * the PIN they typed, or decline: recorded as decided on the phone) or ending it as if its timeout had passed
 * (recorded as a control action). STK, Express Checkout and Ratiba prompts share these routes.
 */
export function promptAnswerRoutes(
  router: Router,
  prefix: string,
  who: string,
  prompts: PromptAnswers,
  isStateError: (error: unknown) => error is PromptStateError,
): void {
  router.post(
    `${prefix}/:id/accept`,
    promptAction(isStateError, (id, body) => {
      if (typeof body.pin !== 'string' && typeof body.pin !== 'number') {
        throw new ControlError(400, 'invalid_pin', `Send { "pin": "1234" }: the PIN the ${who} typed.`);
      }
      return prompts.accept(id, String(body.pin), 'phone');
    }),
  );
  router.post(
    `${prefix}/:id/decline`,
    promptAction(isStateError, (id) => prompts.decline(id, 'phone')),
  );
  router.post(
    `${prefix}/:id/timeout`,
    promptAction(isStateError, (id) => prompts.timeout(id, 'control')),
  );
}
