export * from './case-category-rule';
export * from './case-classifier';
export * from './keyword-model';
export { segmentChinese } from './chinese-segmenter';
