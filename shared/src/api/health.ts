/** `busy`: the database answered no ping within a second because every connection was in use. */
export type ComponentState = 'up' | 'down' | 'disabled' | 'busy';

/** GET /api/health */
export interface HealthResponse {
  /** `draining`: the process is shutting down and takes no new work (answered with 503). */
  status: 'ok' | 'degraded' | 'draining';
  database: { state: ComponentState; type: 'sqlite' | 'mysql' };
  redis: { state: ComponentState };
  uptimeSeconds: number;
  version: string;
}
