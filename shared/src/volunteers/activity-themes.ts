/**
 * Volunteer activity themes as data. The code is what gets stored and exported; the label is what residents
 * see. Adding a theme is adding a row here — pages, filters, exports and committee figures all read this list.
 */
export const VOLUNTEER_THEMES = [
  { code: 'civilized_travel', label: '文明出行', description: '路口劝导、文明交通引导' },
  { code: 'public_safety', label: '守护平安', description: '平安巡逻、治安防范、反诈宣传' },
  { code: 'elder_meals', label: '长者送餐', description: '为独居、高龄长者送餐上门' },
  { code: 'environment', label: '环境整治', description: '清理卫生死角、楼道杂物整治' },
  { code: 'elderly_disabled_help', label: '助老助残', description: '探访慰问、陪诊代办、无障碍帮扶' },
  { code: 'epidemic_prevention', label: '疫情防控', description: '核酸疫苗协助、防疫宣传' },
  { code: 'culture_promotion', label: '文化宣传', description: '政策宣讲、文艺活动、社区文化' },
  { code: 'neighbour_help', label: '邻里互助', description: '邻里帮扶、物品共享、纠纷调解' },
  { code: 'waste_sorting', label: '垃圾分类', description: '定时定点督导、分类宣传' },
  { code: 'youth_care', label: '关爱青少年', description: '四点半课堂、假期托管、安全教育' },
  { code: 'emergency_response', label: '应急救援', description: '防风防汛、应急演练、灾后清理' },
  { code: 'legal_service', label: '法律服务', description: '普法宣传、法律咨询' },
] as const;

export type VolunteerTheme = (typeof VOLUNTEER_THEMES)[number];
export type VolunteerThemeCode = VolunteerTheme['code'];

export const VOLUNTEER_THEME_CODES: readonly VolunteerThemeCode[] = VOLUNTEER_THEMES.map((t) => t.code);

export function isVolunteerThemeCode(value: unknown): value is VolunteerThemeCode {
  return typeof value === 'string' && (VOLUNTEER_THEME_CODES as readonly string[]).includes(value);
}

/** The label to show for a stored theme code; an unknown (e.g. retired) code is shown as-is rather than hidden. */
export function volunteerThemeLabel(code: string): string {
  return VOLUNTEER_THEMES.find((t) => t.code === code)?.label ?? code;
}
