/** One problem category as the classifier sees it; the keywords are the rules, kept as data with the category. */
export interface CaseCategoryRule {
  id: number;
  code: string;
  name: string;
  groupName: string;
  keywords: readonly string[];
}

export interface CaseCategoryCandidate {
  categoryId: number;
  code: string;
  name: string;
  /** Sum of the weights of the keywords that matched. */
  score: number;
  matched: string[];
}

export interface CaseClassification {
  /** null when the best guess is not confident enough: the report goes to a dispatcher instead. */
  categoryId: number | null;
  /** 0..1: how much evidence there is and how clearly it points at one category. */
  confidence: number;
  /** The keywords that decided the chosen category ([] when none was chosen). */
  matched: string[];
  /** Other likely categories, best first; when nothing was chosen, the best guesses for the dispatcher. */
  alternatives: CaseCategoryCandidate[];
}
