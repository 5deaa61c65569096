import { createHash } from 'node:crypto';
import { inlineScriptHashes } from './h5-csp';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes each inline script exactly as written, and skips scripts loaded from files', () => {
    const rem = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
    const html = `<html><head><script>${rem}</script><script defer="defer" src="/js/app.bd9af12d.js"></script></head><body><script type="text/javascript">\n  window.x = 1;\n</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha256(rem), sha256('\n  window.x = 1;\n')]);
  });

  it('finds nothing in a page without inline scripts', () => {
    expect(inlineScriptHashes('<html><head><script src="/a.js"></script></head></html>')).toEqual([]);
  });
});
