import express, { Router } from 'express';
import type { EmulatorControl } from './emulator-control.js';
import { checkConfig, ConfigFileError } from '../config/config-file.js';
import { SettingsError } from '../config/validate-settings.js';
import { FaultRuleError } from '../faults/validate-rule.js';
import { applyScenario } from '../scenarios/apply-scenario.js';
import { exportState, importState, StateDocumentError } from '../scenarios/state-document.js';
import { formatOfMediaType } from '../scenarios/scenario-text.js';
import { ControlError } from './control-error.js';

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/**
 * `POST /_emulator/scenario` loads a scenario (JSON, or YAML with a YAML Content-Type);
 * `GET /_emulator/state` exports everything and `PUT /_emulator/state` replaces it.
 */
export function scenarioRoutes(emulator: EmulatorControl): Router {
  const router = Router();
  const text = express.text({ type: ['application/json', ...YAML_TYPES], limit: '1mb' });

  router.post('/scenario', text, (req, res) => {
    if (typeof req.body !== 'string' || req.body.trim() === '') {
      throw new ControlError(
        400,
        'invalid_body',
        'Send a scenario as JSON (application/json) or YAML (application/yaml).',
      );
    }
    try {
      const scenario = checkConfig(req.body, 'scenario', formatOfMediaType(req.headers['content-type']));
      res.json(applyScenario(emulator, scenario));
    } catch (error) {
      if (
        error instanceof ConfigFileError ||
        error instanceof SettingsError ||
        error instanceof FaultRuleError
      ) {
        throw new ControlError(400, 'invalid_scenario', error.message);
      }
      throw error;
    }
  });

  router.get('/state', (_req, res) => {
    res.json(exportState(emulator));
  });
  router.put('/state', express.json({ limit: '200mb' }), (req, res) => {
    try {
      importState(emulator, req.body);
    } catch (error) {
      if (error instanceof StateDocumentError) throw new ControlError(400, 'invalid_state', error.message);
      throw error;
    }
    res.status(204).end();
  });
  return router;
}
