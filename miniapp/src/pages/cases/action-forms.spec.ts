import type { CaseHandlerCandidate } from '@linli/shared';
import { actionNeedsForm, buildCaseActionRequest, EMPTY_CASE_ACTION_FORM, handlerChoices, type CaseActionForm } from './action-forms';

const form = (patch: Partial<CaseActionForm>): CaseActionForm => ({ ...EMPTY_CASE_ACTION_FORM, ...patch });

const candidate = (patch: Partial<CaseHandlerCandidate> & Pick<CaseHandlerCandidate, 'userId' | 'name'>): CaseHandlerCandidate => ({
  role: 'grid_worker',
  gridId: 1,
  gridName: '第1网格',
  communityId: 10,
  communityName: '小北社区',
  streetName: null,
  onDuty: true,
  openCases: 0,
  isCurrentHandler: false,
  ...patch,
});

describe('case action forms', () => {
  it('sends 开始处理 on one tap and asks for a form for everything else', () => {
    expect(actionNeedsForm('start')).toBe(false);
    expect(actionNeedsForm('reject')).toBe(true);
    expect(actionNeedsForm('resolve')).toBe(true);
  });

  it('will not reject or return without a reason the resident can read', () => {
    expect(buildCaseActionRequest('reject', form({ text: '  ' }), 3)).toEqual({ body: null, error: '请填写驳回理由' });
    expect(buildCaseActionRequest('return', form({}), 3).error).toBe('请填写退回理由');
    expect(buildCaseActionRequest('reject', form({ text: '不在本区范围' }), 3).body).toEqual({ expectedVersion: 3, kind: 'invalid', reason: '不在本区范围' });
  });

  it('links a duplicate rejection to the case it repeats, and refuses a case number that is not a number', () => {
    const ok = buildCaseActionRequest('reject', form({ text: '已有人反映', rejectKind: 'duplicate', duplicateOfCaseId: '42' }), 1);
    expect(ok.body).toEqual({ expectedVersion: 1, kind: 'duplicate', reason: '已有人反映', duplicateOfCaseId: 42 });
    expect(buildCaseActionRequest('reject', form({ text: '重复', rejectKind: 'duplicate', duplicateOfCaseId: 'YX-1' }), 1).error).toBe('重复的案件编号应为数字');
  });

  it('needs after-photos and a result to resolve', () => {
    expect(buildCaseActionRequest('resolve', form({ text: '已更换井盖' }), 5).error).toBe('请上传办结后的现场照片');
    expect(buildCaseActionRequest('resolve', form({ text: '已更换井盖', photoIds: ['a', 'b'] }), 5).body).toEqual({
      expectedVersion: 5,
      note: '已更换井盖',
      photoIds: ['a', 'b'],
    });
  });

  it('leaves the department to the category default when none is chosen, and drops an empty note', () => {
    expect(buildCaseActionRequest('dispatch', form({}), 2).body).toEqual({ expectedVersion: 2 });
    expect(buildCaseActionRequest('dispatch', form({ departmentId: 9, text: '请尽快' }), 2).body).toEqual({ expectedVersion: 2, departmentId: 9, note: '请尽快' });
  });

  it('asks the reporter for a score from 1 to 5 and keeps the comment optional', () => {
    expect(buildCaseActionRequest('rate', form({ score: 0 }), 7).error).toBe('请先选择满意程度（1–5 星）');
    expect(buildCaseActionRequest('rate', form({ score: 4 }), 7).body).toEqual({ expectedVersion: 7, score: 4 });
    expect(buildCaseActionRequest('rate', form({ score: 2, text: '只修了一半' }), 7).body).toEqual({ expectedVersion: 7, score: 2, comment: '只修了一半' });
  });

  it('will not reassign before someone is chosen, and sends the chosen handler with an optional note', () => {
    expect(actionNeedsForm('reassign')).toBe(true);
    expect(buildCaseActionRequest('reassign', form({ text: '该点位属第2网格' }), 4)).toEqual({ body: null, error: '请选择转派给谁' });
    expect(buildCaseActionRequest('reassign', form({ handlerUserId: 12 }), 4).body).toEqual({ expectedVersion: 4, handlerUserId: 12 });
    expect(buildCaseActionRequest('reassign', form({ handlerUserId: 12, text: ' 该点位属第2网格 ' }), 4).body).toEqual({
      expectedVersion: 4,
      handlerUserId: 12,
      note: '该点位属第2网格',
    });
  });

  it('lists the people to reassign to on duty first, then fewest open cases, the current handler shown but not selectable', () => {
    const choices = handlerChoices([
      candidate({ userId: 1, name: '小叶', onDuty: true, openCases: 3, isCurrentHandler: true }),
      candidate({ userId: 2, name: '小郭', gridId: 2, gridName: '第2网格', onDuty: false, openCases: 0 }),
      candidate({ userId: 3, name: '老谭', role: 'dispatcher', gridId: null, gridName: null, onDuty: true, openCases: 1 }),
    ]);
    expect(choices).toEqual([
      { userId: 3, name: '老谭', detail: '社区派单员 · 在岗 · 在办 1 件', selectable: true, tag: null },
      { userId: 1, name: '小叶', detail: '第1网格 · 在岗 · 在办 3 件', selectable: false, tag: '当前处理人' },
      { userId: 2, name: '小郭', detail: '第2网格 · 不在岗 · 在办 0 件', selectable: true, tag: null },
    ]);
  });

  it('names the community when the people to reassign to come from several, and the street office’s dispatcher by the street', () => {
    const choices = handlerChoices([
      candidate({ userId: 1, name: '小叶' }),
      candidate({ userId: 2, name: '小何', communityId: 11, communityName: '东风社区' }),
      candidate({ userId: 3, name: '老周', role: 'dispatcher', gridId: null, gridName: null, communityId: null, communityName: null, streetName: '洪桥街道' }),
    ]);
    expect(choices.map((c) => c.detail)).toEqual(['小北社区第1网格 · 在岗 · 在办 0 件', '东风社区第1网格 · 在岗 · 在办 0 件', '洪桥街道派单员 · 在岗 · 在办 0 件']);
  });

  it('refuses a reason longer than the server accepts', () => {
    expect(buildCaseActionRequest('escalate', form({ text: '啊'.repeat(501) }), 1).error).toContain('500');
  });
});
