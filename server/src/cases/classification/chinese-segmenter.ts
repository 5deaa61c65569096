import type { Jieba } from '@node-rs/jieba';

let jieba: Jieba | undefined;

/**
 * Splits Chinese text into words with jieba in search mode (long words and their parts both come out,
 * e.g. 烧烤店 → 烧烤, 烧烤店). The dictionary takes a few hundred milliseconds to load, so the one
 * instance is created on first use and shared.
 */
export function segmentChinese(text: string): string[] {
  if (!jieba) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    jieba = JiebaClass.withDict(dict);
  }
  return jieba.cutForSearch(text, true);
}
