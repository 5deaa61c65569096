import { CaseCategoryCandidate, CaseCategoryRule, CaseClassification } from './case-category-rule';
import { segmentChinese } from './chinese-segmenter';
import { buildCaseKeywordModel, CaseKeywordModel, CaseKeywordModelOptions, normalizeCaseText } from './keyword-model';

export interface CaseScoringOptions {
  /** Below this confidence no category is chosen and the report goes to a dispatcher. */
  threshold?: number;
  /** A keyword found inside the text but not as a word of its own counts this much (it may be a chance hit). */
  substringFactor?: number;
  /** How fast evidence saturates: confidence from a total score s grows like 1 − e^(−saturation·s). */
  saturation?: number;
  maxAlternatives?: number;
}

const DEFAULTS: Required<CaseScoringOptions> = { threshold: 0.5, substringFactor: 0.75, saturation: 1.6, maxAlternatives: 3 };

/**
 * Scores a report against every category. A keyword matches when it is one of the report's words, or, if it
 * has two or more characters, when it occurs anywhere in the text (single characters such as 吵 must be a
 * word of their own, or 水 would match 水果). A keyword whose every occurrence lies inside a longer matched
 * keyword, of any category, is not counted: the longer one says more (烧烤 inside 烧烤店, and 楼道 of
 * 小区卫生 inside 楼道充电 of 电动车充电).
 *
 * Confidence = strength × distinctness: strength grows with the winner's score, distinctness is the winner's
 * share of winner + runner-up, so a tie never reaches one half.
 */
export function classifyCaseTokens(
  model: CaseKeywordModel,
  text: string,
  tokens: readonly string[],
  options: CaseScoringOptions = {},
): CaseClassification {
  const o = { ...DEFAULTS, ...options };
  const normalized = normalizeCaseText(text);
  const words = new Set(tokens.map(normalizeCaseText));

  const hitsByCategory = model.categories.map(({ rule, keywords }) => {
    const hits: { text: string; weight: number }[] = [];
    for (const keyword of keywords) {
      if (words.has(keyword.text)) hits.push(keyword);
      else if (keyword.text.length >= 2 && normalized.includes(keyword.text)) hits.push({ text: keyword.text, weight: keyword.weight * o.substringFactor });
    }
    return { rule, hits };
  });
  const matchedTexts = [...new Set(hitsByCategory.flatMap(({ hits }) => hits.map((h) => h.text)))];
  const shadowed = new Set(
    matchedTexts.filter((short) => matchedTexts.some((long) => long.length > short.length && long.includes(short) && coveredBy(normalized, short, long))),
  );

  const candidates: CaseCategoryCandidate[] = [];
  for (const { rule, hits } of hitsByCategory) {
    const counted = hits.filter((h) => !shadowed.has(h.text));
    if (counted.length === 0) continue;
    const score = counted.reduce((sum, h) => sum + h.weight, 0);
    candidates.push({ categoryId: rule.id, code: rule.code, name: rule.name, score, matched: counted.map((h) => h.text) });
  }
  candidates.sort((a, b) => b.score - a.score || a.categoryId - b.categoryId);

  const [best, runnerUp] = candidates;
  if (!best) return { categoryId: null, confidence: 0, matched: [], alternatives: [] };
  const strength = 1 - Math.exp(-o.saturation * best.score);
  const distinctness = best.score / (best.score + (runnerUp?.score ?? 0));
  const confidence = strength * distinctness;
  if (confidence < o.threshold) {
    return { categoryId: null, confidence, matched: [], alternatives: candidates.slice(0, o.maxAlternatives) };
  }
  return { categoryId: best.categoryId, confidence, matched: best.matched, alternatives: candidates.slice(1, 1 + o.maxAlternatives) };
}

/** Whether every occurrence of `short` in the text lies inside an occurrence of `long`. */
function coveredBy(text: string, short: string, long: string): boolean {
  const spans: number[] = [];
  for (let at = text.indexOf(long); at !== -1; at = text.indexOf(long, at + 1)) spans.push(at);
  for (let at = text.indexOf(short); at !== -1; at = text.indexOf(short, at + 1)) {
    if (!spans.some((l) => at >= l && at + short.length <= l + long.length)) return false;
  }
  return true;
}

export interface CaseClassifierOptions extends CaseScoringOptions, CaseKeywordModelOptions {
  /** Word segmentation; jieba by default. */
  segment?: (text: string) => string[];
}

/** Suggests the problem category of a resident's description; build one per taxonomy version and reuse it. */
export class CaseClassifier {
  private readonly model: CaseKeywordModel;
  private readonly segment: (text: string) => string[];

  constructor(
    categories: readonly CaseCategoryRule[],
    private readonly options: CaseClassifierOptions = {},
  ) {
    this.model = buildCaseKeywordModel(categories, options);
    this.segment = options.segment ?? segmentChinese;
  }

  classify(description: string): CaseClassification {
    const text = description ?? '';
    if (normalizeCaseText(text).length === 0) return { categoryId: null, confidence: 0, matched: [], alternatives: [] };
    return classifyCaseTokens(this.model, text, this.segment(text), this.options);
  }
}
