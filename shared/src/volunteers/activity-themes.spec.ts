import { VOLUNTEER_THEMES, isVolunteerThemeCode, volunteerThemeLabel } from './activity-themes';

describe('volunteer activity themes', () => {
  it('gives every theme a unique code and a unique Chinese label', () => {
    const codes = VOLUNTEER_THEMES.map((t) => t.code);
    const labels = VOLUNTEER_THEMES.map((t) => t.label);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(labels).size).toBe(labels.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z_]*$/);
  });

  it('includes the themes the district runs most often', () => {
    const labels = VOLUNTEER_THEMES.map((t) => t.label);
    expect(labels).toEqual(expect.arrayContaining(['文明出行', '守护平安', '长者送餐', '环境整治', '助老助残', '邻里互助']));
  });

  it('recognises stored codes and rejects anything else', () => {
    expect(isVolunteerThemeCode('elder_meals')).toBe(true);
    expect(isVolunteerThemeCode('长者送餐')).toBe(false);
    expect(isVolunteerThemeCode(undefined)).toBe(false);
  });

  it('labels a known code and shows an unknown one as it is', () => {
    expect(volunteerThemeLabel('elder_meals')).toBe('长者送餐');
    expect(volunteerThemeLabel('retired_theme')).toBe('retired_theme');
  });
});
