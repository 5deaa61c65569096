/** How a call to WeChat's server API went, before looking at its errcode. */
export type WechatHttpReply =
  | { ok: true; body: Record<string, unknown> }
  /** No usable answer: too slow, not reachable, an HTTP error, or not a JSON object. */
  | { ok: false; reason: 'timeout' | 'unreachable' | 'bad_reply' | `http_${number}` };

/**
 * One call to WeChat's server API. WeChat answers HTTP 200 with JSON (sent as text/plain) for successes and
 * errcodes alike. The failure reasons are fixed words: the URL carries the app secret or the access token, so
 * neither it nor an error message that might quote it is ever passed on (and so never logged).
 */
export async function callWechat(url: URL, timeoutMs: number, body?: unknown): Promise<WechatHttpReply> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, reason: isTimeout(error) ? 'timeout' : 'unreachable' };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `http_${response.status}` };
  }
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, reason: 'bad_reply' };
    return { ok: true, body: parsed as Record<string, unknown> };
  } catch (error) {
    // The body can time out too, after the headers came in time.
    return { ok: false, reason: isTimeout(error) ? 'timeout' : 'bad_reply' };
  }
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** WeChat's errcode in a reply; 0 (success) when the reply has none. */
export function errcodeOf(body: Record<string, unknown>): number {
  return typeof body.errcode === 'number' ? body.errcode : 0;
}

/** WeChat's errmsg, cut to fit a log line or a column; it never quotes credentials, but the length is WeChat's. */
export function errmsgOf(body: Record<string, unknown>): string | undefined {
  return typeof body.errmsg === 'string' ? body.errmsg.slice(0, 80) : undefined;
}
