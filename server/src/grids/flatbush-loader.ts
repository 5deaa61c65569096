import { dirname, join } from 'node:path';
import type Flatbush from 'flatbush';

export type FlatbushConstructor = typeof Flatbush;

let loaded: FlatbushConstructor | undefined;

/**
 * flatbush ships as an ES module. Node ≥ 20.19 can require() it directly; jest's CommonJS runtime cannot,
 * so there we fall back to the UMD bundle the package ships next to its entry point.
 */
export function loadFlatbush(): FlatbushConstructor {
  if (loaded) return loaded;
  let mod: { default?: FlatbushConstructor } & FlatbushConstructor;
  try {
    mod = require('flatbush');
  } catch {
    mod = require(join(dirname(require.resolve('flatbush')), 'flatbush.js'));
  }
  loaded = mod.default ?? mod;
  return loaded;
}
