import { CaseCategoryRule } from './case-category-rule';
import { CaseClassifier, classifyCaseTokens } from './case-classifier';
import { buildCaseKeywordModel } from './keyword-model';
import { segmentChinese } from './chinese-segmenter';

let nextId = 1;
const category = (code: string, name: string, groupName: string, keywords: string[]): CaseCategoryRule => ({
  id: nextId++,
  code,
  name,
  groupName,
  keywords,
});

const streetLight = category('street_light', '路灯故障', '市政设施', ['路灯', '灯不亮', '照明', '灯杆', '破损']);
const noise = category('noise', '噪音扰民', '环境保护', ['噪音', '吵', '扰民', '半夜', '广场舞', '音响']);
const illegalBuilding = category('illegal_building', '违法建设', '城市管理', ['违建', '违章', '搭建', '加建', '铁皮房', '天台']);
const garbage = category('garbage', '垃圾清运', '环境卫生', ['垃圾', '垃圾桶', '清运', '臭', '脏']);
const manhole = category('manhole', '井盖缺失', '市政设施', ['井盖', '路面', '坑洼', '塌陷', '破损']);
const street_vendor = category('street_vendor', '占道经营', '城市管理', ['占道', '摆摊', '流动摊贩', '水', '破损']);
const fumes = category('cooking_fumes', '餐饮油烟', '环境保护', ['油烟', '烧烤', '烧烤店', '排烟']);
const taxonomy = [streetLight, noise, illegalBuilding, garbage, manhole, street_vendor, fumes];

describe('case classifier', () => {
  const classifier = new CaseClassifier(taxonomy);

  it('files a broken street lamp under the street-light category', () => {
    const result = classifier.classify('小区门口的路灯坏了好几天，晚上很黑');
    expect(result.categoryId).toBe(streetLight.id);
    expect(result.matched).toContain('路灯');
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('files a noisy barbecue stall at midnight under noise, with cooking fumes as the alternative', () => {
    const result = classifier.classify('楼下烧烤店半夜很吵');
    expect(result.categoryId).toBe(noise.id);
    expect(result.matched.sort()).toEqual(['半夜', '吵']);
    expect(result.alternatives.map((a) => a.categoryId)).toEqual([fumes.id]);
    expect(result.alternatives[0].matched).toEqual(['烧烤店']);
  });

  it('files a tin shed on the rooftop under illegal construction', () => {
    const result = classifier.classify('有人在天台搭建铁皮房');
    expect(result.categoryId).toBe(illegalBuilding.id);
    expect(result.matched.sort()).toEqual(['天台', '搭建', '铁皮房'].sort());
    expect(result.confidence).toBeGreaterThan(0.9);
  });

  it('gives nothing and zero confidence for gibberish, so a dispatcher sorts it', () => {
    const result = classifier.classify('阿斯顿发送到发阿斯蒂芬');
    expect(result).toEqual({ categoryId: null, confidence: 0, matched: [], alternatives: [] });
    expect(classifier.classify('   ').categoryId).toBeNull();
  });

  it('holds back when the only clue is a word several categories share, offering them as guesses', () => {
    const result = classifier.classify('这里的东西破损了');
    expect(result.categoryId).toBeNull();
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.alternatives.map((a) => a.categoryId).sort()).toEqual([streetLight.id, manhole.id, street_vendor.id].sort());
  });

  it('counts a keyword that many categories list for less than one only a single category lists', () => {
    const model = buildCaseKeywordModel(taxonomy);
    const weightOf = (rule: CaseCategoryRule, text: string) =>
      model.categories.find((c) => c.rule.id === rule.id)!.keywords.find((k) => k.text === text)!.weight;
    expect(weightOf(manhole, '破损')).toBeLessThan(weightOf(manhole, '井盖'));
    expect(weightOf(manhole, '井盖')).toBeCloseTo(1, 10);
    const shared = classifier.classify('井盖破损');
    const sharedOnly = classifier.classify('破损');
    expect(shared.categoryId).toBe(manhole.id);
    expect(shared.confidence).toBeGreaterThan(sharedOnly.confidence);
  });

  it('counts the category name more than a single keyword', () => {
    const byName = classifier.classify('反映一下餐饮油烟的问题');
    const byKeyword = classifier.classify('反映一下排烟的问题');
    expect(byName.categoryId).toBe(fumes.id);
    expect(byName.matched).toContain('餐饮油烟');
    expect(byName.confidence).toBeGreaterThan(byKeyword.confidence);
  });

  it('matches a single-character keyword only as a word of its own', () => {
    expect(segmentChinese('路口有人摆水果摊')).not.toContain('水');
    expect(classifier.classify('路口有人摆水果摊')).toMatchObject({ categoryId: null, confidence: 0 });
    const noWater = classifier.classify('家里没有水了');
    expect(noWater.categoryId).toBe(street_vendor.id);
    expect(noWater.matched).toEqual(['水']);
    expect(classifier.classify('楼上很吵').categoryId).toBe(noise.id);
  });

  it('does not count a keyword again when a longer keyword of the same category contains it', () => {
    const model = buildCaseKeywordModel(taxonomy);
    const result = classifyCaseTokens(model, '烧烤店', ['烧烤', '烧烤店']);
    expect(result.categoryId).toBe(fumes.id);
    expect(result.matched).toEqual(['烧烤店']);
  });

  it('lets a longer keyword of another category overshadow a shorter one it contains', () => {
    const hallwayMess = category('hallway_mess', '楼道卫生', '环境卫生', ['楼道', '杂物']);
    const eBikeCharging = category('ebike_charging', '电动车违规充电', '消防安全', ['电动车', '楼道充电', '飞线充电']);
    const c = new CaseClassifier([hallwayMess, eBikeCharging]);
    const charging = c.classify('电动车在楼道充电');
    expect(charging.categoryId).toBe(eBikeCharging.id);
    expect(charging.alternatives).toEqual([]);
    // Where the short keyword also stands on its own, it still counts.
    const text = '楼道充电，楼道里还堆满杂物';
    const r = classifyCaseTokens(buildCaseKeywordModel([hallwayMess, eBikeCharging]), text, segmentChinese(text), { threshold: 0 });
    const ranked = [{ categoryId: r.categoryId, matched: r.matched }, ...r.alternatives];
    expect(ranked.find((c) => c.categoryId === hallwayMess.id)?.matched.sort()).toEqual(['杂物', '楼道'].sort());
  });

  it('finds multi-character keywords inside longer words and across word boundaries, at a discount', () => {
    const model = buildCaseKeywordModel([garbage, noise]);
    const asWord = classifyCaseTokens(model, '垃圾桶满了', ['垃圾桶', '满', '了']);
    const inside = classifyCaseTokens(model, '垃圾桶满了', ['垃', '圾桶', '满', '了']);
    expect(inside.categoryId).toBe(garbage.id);
    expect(inside.matched).toEqual(['垃圾桶']);
    expect(inside.confidence).toBeLessThan(asWord.confidence);
  });

  it('follows the taxonomy data: a category without the telling keywords no longer wins', () => {
    const withoutRooftop = taxonomy.map((c) => (c.id === illegalBuilding.id ? { ...c, keywords: ['违建', '违章'] } : c));
    const result = new CaseClassifier(withoutRooftop).classify('有人在天台搭建铁皮房');
    expect(result.categoryId).toBeNull();
    const withNewCategory = new CaseClassifier([...withoutRooftop, category('rooftop', '天台违建', '城市管理', ['铁皮房'])]);
    expect(withNewCategory.classify('有人在天台搭建铁皮房').matched).toContain('铁皮房');
  });

  it('honours a configured threshold', () => {
    const strict = new CaseClassifier(taxonomy, { threshold: 0.95 });
    const lenient = new CaseClassifier(taxonomy, { threshold: 0.2 });
    const text = '楼下烧烤店半夜很吵';
    const confidence = classifier.classify(text).confidence;
    expect(confidence).toBeLessThan(0.95);
    expect(strict.classify(text).categoryId).toBeNull();
    expect(strict.classify(text).alternatives[0].categoryId).toBe(noise.id);
    expect(lenient.classify('这里的东西破损了').categoryId).not.toBeNull();
  });

  it('reads full-width and mixed-case text the same as plain text', () => {
    const rule = category('led', 'LED屏', '市政设施', ['ＬＥＤ', '显示屏']);
    const c = new CaseClassifier([rule, garbage]);
    expect(c.classify('广场的led 显示屏坏了').categoryId).toBe(rule.id);
  });
});
