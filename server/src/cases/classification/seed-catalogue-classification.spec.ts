import catalogue from '../../database/seed/data/catalogue.json';
import { CaseClassifier } from './case-classifier';

/**
 * The demo district's categories as data: residents' everyday wording of common problems lands in the
 * category a dispatcher would choose, and a complaint that names no kind of problem goes to a dispatcher.
 */
describe('the seeded category catalogue', () => {
  const categories = catalogue.categories.map((c, i) => ({ id: i + 1, code: c.code, name: c.name, groupName: c.group, keywords: c.keywords }));
  const classifier = new CaseClassifier(categories);
  const codeOf = (description: string) => {
    const { categoryId } = classifier.classify(description);
    return categoryId === null ? null : categories[categoryId - 1].code;
  };

  it.each([
    ['隔壁装修太吵了，天天扰民', 'living-noise'],
    ['楼下广场舞音响声音太大', 'living-noise'],
    ['工地夜里施工太吵了睡不着', 'construction-noise'],
    ['凌晨还在打桩，噪声很大', 'construction-noise'],
    ['路口有流动摊贩占道摆摊', 'street-vending'],
  ])('files “%s” under %s', (description, code) => {
    expect(codeOf(description)).toBe(code);
  });

  it('leaves a complaint about noise of no stated kind to a dispatcher', () => {
    const result = classifier.classify('晚上太吵了');
    expect(result.categoryId).toBeNull();
    expect(result.alternatives.map((a) => categories[a.categoryId - 1].code).sort()).toEqual(['construction-noise', 'living-noise']);
  });
});
