import { createContext, useContext } from 'react';
import type { ControlApi } from './control-api';

export const ApiContext = createContext<ControlApi | undefined>(undefined);

export function useApi(): ControlApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiContext.Provider>');
  return api;
}
