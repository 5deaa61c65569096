import { EMPTY_TOPIC_FORM, toTopicInput } from './topic-form';

describe('topic proposal form', () => {
  it('asks for a title and a description before anything is sent', () => {
    const result = toTopicInput(EMPTY_TOPIC_FORM);
    expect(result.input).toBeUndefined();
    expect(Object.keys(result.errors).sort()).toEqual(['body', 'title']);
  });

  it('sends a building topic with its building, trimmed', () => {
    const result = toTopicInput({ title: ' 3栋加装电梯 ', body: '老人上下楼不便。', scopeKind: 'building', building: ' 3栋 ' });
    expect(result.input).toEqual({ title: '3栋加装电梯', body: '老人上下楼不便。', scope: { kind: 'building', building: '3栋' } });
  });

  it('requires the building for a building topic and drops it for others', () => {
    expect(toTopicInput({ title: '电梯', body: '说明', scopeKind: 'building', building: '' }).errors.building).toBeTruthy();
    expect(toTopicInput({ title: '停车', body: '说明', scopeKind: 'owners', building: '5栋' }).input?.scope).toEqual({ kind: 'owners' });
  });

  it('refuses an overlong title', () => {
    expect(toTopicInput({ ...EMPTY_TOPIC_FORM, title: '长'.repeat(61), body: '说明' }).errors.title).toContain('60');
  });
});
