import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in answers to one subscription-message send. */
export type SendScript =
  | { kind: 'ok' }
  /** Answers the errcode, after `delayMs` when given, whatever the token. */
  | { kind: 'error'; errcode: number; errmsg?: string; delayMs?: number }
  /** Answers ok after `delayMs` (longer than the client's timeout: the client gives up first). */
  | { kind: 'slow'; delayMs: number }
  | { kind: 'garbage' };

/** What the stand-in answers to one access-token request. */
export type TokenScript = { kind: 'error'; errcode: number; errmsg?: string } | { kind: 'slow'; delayMs: number } | { kind: 'garbage' };

/** One send as WeChat received it. */
export interface ReceivedSend {
  accessToken: string | null;
  body: {
    touser: string;
    template_id: string;
    page: string;
    miniprogram_state: string;
    lang: string;
    data: Record<string, { value: string }>;
  };
  /** What the stand-in answered: errcode, or the kind of non-answer. */
  answer: number | 'slow' | 'garbage';
}

export interface WechatMessagesStandIn {
  /** Base URL to pass as wechatApiBase. */
  baseUrl: string;
  /** Query strings of every /cgi-bin/token request, in order. */
  tokenCalls: URLSearchParams[];
  /** Every /cgi-bin/message/subscribe/send request, in order. */
  sends: ReceivedSend[];
  /** Sends that delivered a message (errcode 0 with a valid token). */
  delivered(): ReceivedSend[];
  /** Every access token issued so far. */
  issuedTokens: string[];
  /** Answers for the next sends to `openid`, one each, in order; afterwards ok. `always` repeats the last forever. */
  scriptSends(openid: string, replies: SendScript[], options?: { always?: boolean }): void;
  /** Answers for the next token requests, one each; afterwards a fresh token. */
  scriptTokens(replies: TokenScript[]): void;
  /** Token lifetime given out (expires_in), seconds; 7200 like WeChat unless set. */
  tokenExpiresIn: number;
  /** Delay before answering each token request or send, ms (0 unless set). */
  tokenDelayMs: number;
  sendDelayMs: number;
  /** Makes every token issued so far invalid, as WeChat does when a token is revoked or replaced. */
  revokeTokens(): void;
  close(): Promise<void>;
}

/**
 * A real local HTTP server emulating WeChat's access token (`/cgi-bin/token`) and subscription message
 * (`/cgi-bin/message/subscribe/send`) endpoints: HTTP 200 with JSON (as text/plain) for successes and errcodes
 * alike, 41001/40001 for a missing or unknown token, 40013/40125 for a wrong app id or secret. Replies per openid
 * can be scripted: errcodes, slowness, garbage.
 */
export async function startWechatMessagesStandIn(app: { appId: string; secret: string }): Promise<WechatMessagesStandIn> {
  const tokenCalls: URLSearchParams[] = [];
  const sends: ReceivedSend[] = [];
  const issuedTokens: string[] = [];
  const valid = new Set<string>();
  const sendScripts = new Map<string, { replies: SendScript[]; always: boolean }>();
  let tokenScripts: TokenScript[] = [];
  const pending = new Set<NodeJS.Timeout>();

  const json = (res: ServerResponse, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(JSON.stringify(body));
  };
  const later = (ms: number, fn: () => void) => {
    if (ms <= 0) return fn();
    const timer = setTimeout(() => {
      pending.delete(timer);
      fn();
    }, ms);
    pending.add(timer);
  };
  const garbage = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>502 Bad Gateway</html>');
  };

  const handleToken = (url: URL, res: ServerResponse) => {
    tokenCalls.push(url.searchParams);
    const script = tokenScripts.shift();
    later(standIn.tokenDelayMs, () => {
      if (script?.kind === 'error') return json(res, { errcode: script.errcode, errmsg: script.errmsg ?? 'scripted error' });
      if (script?.kind === 'garbage') return garbage(res);
      if (url.searchParams.get('grant_type') !== 'client_credential') return json(res, { errcode: 40002, errmsg: 'invalid grant_type' });
      if (url.searchParams.get('appid') !== app.appId) return json(res, { errcode: 40013, errmsg: 'invalid appid' });
      if (url.searchParams.get('secret') !== app.secret) return json(res, { errcode: 40125, errmsg: 'invalid appsecret' });
      const token = `stand-in-token-${issuedTokens.length + 1}-${Math.random().toString(36).slice(2, 10)}`;
      issuedTokens.push(token);
      valid.add(token);
      later(script?.kind === 'slow' ? script.delayMs : 0, () => json(res, { access_token: token, expires_in: standIn.tokenExpiresIn }));
    });
  };

  const handleSend = (url: URL, raw: string, res: ServerResponse) => {
    const accessToken = url.searchParams.get('access_token');
    let body: ReceivedSend['body'];
    try {
      body = JSON.parse(raw);
    } catch {
      return json(res, { errcode: 47001, errmsg: 'data format error' });
    }
    const received: ReceivedSend = { accessToken, body, answer: 0 };
    sends.push(received);
    later(standIn.sendDelayMs, () => {
      if (!accessToken) return json(res, { errcode: (received.answer = 41001), errmsg: 'access_token missing' });
      if (!valid.has(accessToken)) return json(res, { errcode: (received.answer = 40001), errmsg: 'invalid credential, access_token is invalid or not latest' });
      const script = sendScripts.get(body.touser);
      const reply: SendScript = (script?.always && script.replies.length === 1 ? script.replies[0] : script?.replies.shift()) ?? { kind: 'ok' };
      switch (reply.kind) {
        case 'ok':
          return json(res, { errcode: (received.answer = 0), errmsg: 'ok', msgid: sends.length });
        case 'error':
          received.answer = reply.errcode;
          return later(reply.delayMs ?? 0, () => json(res, { errcode: reply.errcode, errmsg: reply.errmsg ?? 'scripted error' }));
        case 'slow':
          received.answer = 'slow';
          return later(reply.delayMs, () => json(res, { errcode: 0, errmsg: 'ok' }));
        case 'garbage':
          received.answer = 'garbage';
          return garbage(res);
      }
    });
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') return handleToken(url, res);
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => handleSend(url, Buffer.concat(chunks).toString('utf8'), res));
      return;
    }
    res.writeHead(404).end();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const standIn: WechatMessagesStandIn = {
    baseUrl: `http://127.0.0.1:${port}`,
    tokenCalls,
    sends,
    issuedTokens,
    delivered: () => sends.filter((s) => s.answer === 0),
    scriptSends: (openid, replies, options = {}) => sendScripts.set(openid, { replies: [...replies], always: !!options.always }),
    scriptTokens: (replies) => {
      tokenScripts = [...replies];
    },
    tokenExpiresIn: 7200,
    tokenDelayMs: 0,
    sendDelayMs: 0,
    revokeTokens: () => valid.clear(),
    close: async () => {
      pending.forEach(clearTimeout);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}
