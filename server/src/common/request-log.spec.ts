import pino from 'pino';
import { Writable } from 'node:stream';
import { isHealthProbe, logRequestCompleted, type RequestLogFields } from './request-log';

/** A real pino logger writing into an array of parsed lines. */
function capture(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}

const req = (url = '/api/polls/7/ballots'): RequestLogFields => ({ id: 'req-42', method: 'POST', url, remoteAddress: '10.0.0.9' });

describe('request log', () => {
  it('writes one line naming the request by id, method, url and peer, with status and time', () => {
    const { logger, lines } = capture();
    logRequestCompleted(logger, req(), 201, 12.6);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', reqId: 'req-42', method: 'POST', url: '/api/polls/7/ballots', remoteAddress: '10.0.0.9', statusCode: 201, responseTime: 13 });
  });

  it('logs refusals as warnings and failures as errors', () => {
    const { logger, lines } = capture();
    logRequestCompleted(logger, req(), 409, 1);
    logRequestCompleted(logger, req(), 503, 1);
    expect(lines.map((l) => l.level)).toEqual([40, 50]);
  });

  it('writes nothing below the configured level', () => {
    const { logger, lines } = capture('warn');
    logRequestCompleted(logger, req(), 200, 1);
    expect(lines).toHaveLength(0);
  });

  it('leaves health probes out, by the path whatever the query', () => {
    const { logger, lines } = capture();
    logRequestCompleted(logger, req('/api/health?from=lb'), 200, 1);
    expect(lines).toHaveLength(0);
    expect(isHealthProbe('/api/health')).toBe(true);
    expect(isHealthProbe('/api/health/history')).toBe(false);
  });
});
