export type ComponentState = 'up' | 'down' | 'disabled';

/** GET /api/health */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: { state: ComponentState; type: 'sqlite' | 'mysql' };
  redis: { state: ComponentState };
  uptimeSeconds: number;
  version: string;
}
