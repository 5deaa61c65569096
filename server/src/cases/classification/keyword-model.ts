import { CaseCategoryRule } from './case-category-rule';

export interface CaseKeywordModelOptions {
  /** How much more a category's own name counts than one of its keywords. */
  nameWeight?: number;
}

export interface CaseKeyword {
  text: string;
  weight: number;
}

export interface CaseKeywordCategory {
  rule: CaseCategoryRule;
  keywords: CaseKeyword[];
}

/** The taxonomy compiled for scoring: normalised keywords with their weights, per category. */
export interface CaseKeywordModel {
  categories: CaseKeywordCategory[];
}

/** Full-width to half-width, lower case, no whitespace: the form both keywords and reports are compared in. */
export function normalizeCaseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Weighs every keyword like an inverse document frequency over categories: a word only one category
 * lists weighs 1, a word many categories share weighs less (down to ln 2 / ln(1 + N) when all N share it),
 * because it says little about which category a report belongs to.
 */
export function buildCaseKeywordModel(rules: readonly CaseCategoryRule[], options: CaseKeywordModelOptions = {}): CaseKeywordModel {
  const nameWeight = options.nameWeight ?? 1.5;
  const termsOf = rules.map((rule) => {
    const name = normalizeCaseText(rule.name);
    const keywords = new Set(rule.keywords.map(normalizeCaseText).filter((k) => k.length > 0));
    keywords.delete(name);
    return { rule, name, keywords: [...keywords] };
  });

  const categoriesUsing = new Map<string, number>();
  for (const { name, keywords } of termsOf) {
    for (const term of new Set([name, ...keywords])) categoriesUsing.set(term, (categoriesUsing.get(term) ?? 0) + 1);
  }
  const n = rules.length;
  const idf = (term: string) => Math.log(1 + n / (categoriesUsing.get(term) ?? 1)) / Math.log(1 + n);

  return {
    categories: termsOf.map(({ rule, name, keywords }) => ({
      rule,
      keywords: [
        ...(name.length > 0 ? [{ text: name, weight: idf(name) * nameWeight }] : []),
        ...keywords.map((text) => ({ text, weight: idf(text) })),
      ],
    })),
  };
}
