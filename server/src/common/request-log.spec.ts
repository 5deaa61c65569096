import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { isHealthProbe, requestLogFields, responseLogFields } from './request-log';

function request(headers: Record<string, string>): IncomingMessage & { id?: string; originalUrl?: string } {
  const req = new IncomingMessage(new Socket()) as IncomingMessage & { id?: string; originalUrl?: string };
  req.method = 'POST';
  req.url = '/polls/7/ballots';
  req.originalUrl = '/api/polls/7/ballots';
  req.headers = headers;
  req.id = 'req-42';
  return req;
}

describe('request log fields', () => {
  it('names the request by id, method and the full url it was sent to', () => {
    expect(requestLogFields(request({}))).toMatchObject({ id: 'req-42', method: 'POST', url: '/api/polls/7/ballots' });
  });

  it('leaves every header out, so no token or cookie can reach a log line', () => {
    const fields = requestLogFields(request({ authorization: 'Bearer secret-token', cookie: 'sid=abc' }));
    const line = JSON.stringify(fields);
    expect(line).not.toContain('secret-token');
    expect(line).not.toContain('sid=abc');
  });

  it('keeps only the status of a response', () => {
    const res = new ServerResponse(request({}));
    res.statusCode = 409;
    expect(responseLogFields(res)).toEqual({ statusCode: 409 });
  });

  it('knows a health probe by the path as requested, whatever the middleware left in url', () => {
    const probe = request({});
    probe.url = '/health';
    probe.originalUrl = '/api/health?from=lb';
    expect(isHealthProbe(probe)).toBe(true);
    expect(isHealthProbe(request({}))).toBe(false);
    const healthLike = request({});
    healthLike.originalUrl = '/api/health/history';
    expect(isHealthProbe(healthLike)).toBe(false);
  });
});
