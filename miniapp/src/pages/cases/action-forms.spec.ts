import { actionNeedsForm, buildCaseActionRequest, EMPTY_CASE_ACTION_FORM, type CaseActionForm } from './action-forms';

const form = (patch: Partial<CaseActionForm>): CaseActionForm => ({ ...EMPTY_CASE_ACTION_FORM, ...patch });

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

  it('refuses a reason longer than the server accepts', () => {
    expect(buildCaseActionRequest('escalate', form({ text: '啊'.repeat(501) }), 1).error).toContain('500');
  });
});
