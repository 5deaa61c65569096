import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in answers for one login code. */
export type WechatScript =
  | { kind: 'success'; openid: string; unionid?: string }
  | { kind: 'error'; errcode: number; errmsg?: string }
  | { kind: 'slow'; delayMs: number; openid: string }
  | { kind: 'garbage' };

export interface WechatStandIn {
  /** Base URL to pass as wechatApiBase. */
  baseUrl: string;
  /** Scripts the reply for a code; codes never scripted get errcode 40029 like the real service. */
  script(code: string, reply: WechatScript): void;
  /** Query strings of every jscode2session call received, in order. */
  calls: URLSearchParams[];
  close(): Promise<void>;
}

/**
 * A real local HTTP server emulating WeChat's /sns/jscode2session: HTTP 200 with JSON for successes
 * and errcodes alike, as WeChat does; plus a slow reply and a non-JSON one for failure paths.
 */
export async function startWechatStandIn(): Promise<WechatStandIn> {
  const scripts = new Map<string, WechatScript>();
  const calls: URLSearchParams[] = [];
  const pending = new Set<NodeJS.Timeout>();

  const reply = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'text/plain' }); // WeChat really does send JSON as text/plain
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end();
      return;
    }
    calls.push(url.searchParams);
    const script = scripts.get(url.searchParams.get('js_code') ?? '') ?? { kind: 'error', errcode: 40029, errmsg: 'invalid code' };
    switch (script.kind) {
      case 'success':
        reply(res, { openid: script.openid, session_key: 'stand-in-session-key', ...(script.unionid ? { unionid: script.unionid } : {}) });
        return;
      case 'error':
        reply(res, { errcode: script.errcode, errmsg: script.errmsg ?? 'scripted error' });
        return;
      case 'slow': {
        const timer = setTimeout(() => {
          pending.delete(timer);
          if (!res.destroyed) reply(res, { openid: script.openid, session_key: 'late' });
        }, script.delayMs);
        pending.add(timer);
        return;
      }
      case 'garbage':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>502 Bad Gateway</html>');
        return;
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    script: (code, scripted) => scripts.set(code, scripted),
    calls,
    close: async () => {
      pending.forEach(clearTimeout);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
