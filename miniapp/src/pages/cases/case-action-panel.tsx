import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  CASE_ACTION_LABELS,
  CASE_REJECT_KIND_LABELS,
  type CaseAction,
  type CaseDetail,
  type CaseHandlerCandidate,
  type CaseRejectKind,
  type DepartmentSummary,
} from '@linli/shared';
import { ErrorNote } from '../../components/error-note';
import { errorMessage } from '../../services';
import { casesApi } from '../../services/cases-api';
import { PhotoPicker } from '../../components/photo-picker';
import { draftPhotosProblem, uploadedPhotoIds } from '../../services/photo-queue';
import { usePhotoQueue } from '../../components/use-photo-queue';
import { actionNeedsForm, buildCaseActionRequest, CASE_ACTION_FORMS, EMPTY_CASE_ACTION_FORM, handlerChoices, type CaseActionForm } from './action-forms';

const REJECT_KINDS: CaseRejectKind[] = ['invalid', 'duplicate'];
const STARS = [1, 2, 3, 4, 5];
const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

interface CaseActionPanelProps {
  detail: CaseDetail;
  onDone: (updated: CaseDetail) => void;
}

/** The buttons for what the person may do now (from the server, which applies the shared state machine), and each action's form. */
export function CaseActionPanel({ detail, onDone }: CaseActionPanelProps) {
  const [active, setActive] = useState<CaseAction | null>(null);
  const [form, setForm] = useState<CaseActionForm>(EMPTY_CASE_ACTION_FORM);
  const [departments, setDepartments] = useState<DepartmentSummary[]>([]);
  /** 转派 candidates, read afresh each time the form opens (duty and loads change); null while loading. */
  const [candidates, setCandidates] = useState<CaseHandlerCandidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const photos = usePhotoQueue();

  const buttons = detail.availableActions.filter((action) => action !== 'rate');
  const canRate = detail.availableActions.includes('rate');

  useEffect(() => {
    if (active === 'dispatch' && !departments.length) casesApi.departments().then(setDepartments, (err) => setError(errorMessage(err)));
  }, [active, departments.length]);

  useEffect(() => {
    if (active !== 'reassign') return;
    let current = true;
    setCandidates(null);
    casesApi.handlerCandidates(detail.id).then(
      (list) => {
        if (current) setCandidates(list);
      },
      (err) => {
        if (!current) return;
        setCandidates([]);
        setError(errorMessage(err));
      },
    );
    return () => {
      current = false;
    };
  }, [active, detail.id]);

  // A status change (live or by someone else) can take the open form's action away.
  useEffect(() => {
    if (active && active !== 'rate' && !detail.availableActions.includes(active)) setActive(null);
  }, [active, detail.availableActions]);

  const update = (patch: Partial<CaseActionForm>) => setForm((prev) => ({ ...prev, ...patch }));

  function open(action: CaseAction) {
    setError(null);
    setForm(EMPTY_CASE_ACTION_FORM);
    photos.reset();
    if (actionNeedsForm(action)) setActive(action);
    else send(action, EMPTY_CASE_ACTION_FORM);
  }

  async function send(action: CaseAction, filled: CaseActionForm) {
    if (busy) return;
    if (CASE_ACTION_FORMS[action].photos) {
      const problem = draftPhotosProblem(photos.photos);
      if (problem) return setError(problem);
    }
    const built = buildCaseActionRequest(action, { ...filled, photoIds: uploadedPhotoIds(photos.photos) }, detail.version);
    if (!built.body) return setError(built.error);
    setBusy(true);
    setError(null);
    try {
      const updated = await casesApi.act(detail.id, action, built.body);
      setActive(null);
      photos.reset();
      onDone(updated);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const formAction: CaseAction | null = canRate ? 'rate' : active;
  const spec = formAction ? CASE_ACTION_FORMS[formAction] : null;

  return (
    <View id='case-actions'>
      {buttons.length > 0 && !active && (
        <View className='card'>
          <Text className='card__title'>办理</Text>
          <View className='choices'>
            {buttons.map((action) => (
              <View key={action} id={`case-action-${action}`} className='choice' onClick={() => open(action)}>
                {CASE_ACTION_LABELS[action]}
              </View>
            ))}
          </View>
        </View>
      )}

      {formAction && spec && (
        <View id={formAction === 'rate' ? 'case-rate-form' : 'case-action-form'} className='card'>
          <Text className='card__title'>{formAction === 'rate' ? '评价办理结果' : CASE_ACTION_LABELS[formAction]}</Text>

          {spec.score && (
            <View className='field'>
              <View className='stars'>
                {STARS.map((n) => (
                  <Text key={n} id={`case-rate-star-${n}`} className={n <= form.score ? 'star star--on' : 'star'} onClick={() => update({ score: n })}>
                    ★
                  </Text>
                ))}
              </View>
              <Text className='muted'>{SCORE_WORDS[form.score] || '点星星打分，1 星最差，5 星最好'}</Text>
            </View>
          )}

          {spec.rejectKind && (
            <View className='choices'>
              {REJECT_KINDS.map((kind) => (
                <View
                  key={kind}
                  id={`case-reject-kind-${kind}`}
                  className={`choice${form.rejectKind === kind ? ' choice--on' : ''}`}
                  onClick={() => update({ rejectKind: kind })}
                >
                  {CASE_REJECT_KIND_LABELS[kind]}
                </View>
              ))}
            </View>
          )}
          {spec.rejectKind && form.rejectKind === 'duplicate' && (
            <View className='field'>
              <Text className='field__label'>与哪个案件重复（案件号数字，可不填）</Text>
              <Input id='case-duplicate-of' className='field__input' type='number' value={form.duplicateOfCaseId} onInput={(e) => update({ duplicateOfCaseId: e.detail.value })} />
            </View>
          )}

          {spec.department && (
            <View className='field'>
              <Text className='field__label'>承办部门</Text>
              <View className='choices'>
                <View id='case-department-default' className={`choice${form.departmentId === null ? ' choice--on' : ''}`} onClick={() => update({ departmentId: null })}>
                  按类别默认部门
                </View>
                {departments.map((department) => (
                  <View
                    key={department.id}
                    id={`case-department-${department.id}`}
                    className={`choice${form.departmentId === department.id ? ' choice--on' : ''}`}
                    onClick={() => update({ departmentId: department.id })}
                  >
                    {department.name}
                  </View>
                ))}
              </View>
            </View>
          )}

          {spec.handler && (
            <View className='field'>
              <Text className='field__label'>转派给</Text>
              {candidates === null && <Text className='muted'>正在读取可接手的人员…</Text>}
              {candidates !== null && candidates.length === 0 && <Text className='muted'>该区域暂无可接手的网格员或派单员</Text>}
              <View className='choices'>
                {handlerChoices(candidates ?? []).map((choice) => (
                  <View
                    key={choice.userId}
                    id={`case-handler-${choice.userId}`}
                    className={`choice${form.handlerUserId === choice.userId ? ' choice--on' : ''}${choice.selectable ? '' : ' btn--disabled'}`}
                    style={{ width: '100%', flexDirection: 'column', alignItems: 'flex-start', padding: '12px 24px' }}
                    onClick={() => choice.selectable && update({ handlerUserId: choice.userId })}
                  >
                    <Text>
                      {choice.name}
                      {choice.tag ? `（${choice.tag}）` : ''}
                    </Text>
                    <Text className='muted'>{choice.detail}</Text>
                  </View>
                ))}
              </View>
            </View>
          )}

          {spec.photos && (
            <View className='field'>
              <Text className='field__label'>办结后的现场照片</Text>
              <PhotoPicker id='case-after-photos' photos={photos.photos} max={photos.max} onPick={photos.pick} onRetry={photos.retry} onRemove={photos.remove} />
            </View>
          )}

          {spec.text && (
            <View className='field'>
              <Text className='field__label'>{spec.text.label}</Text>
              <Textarea
                id={formAction === 'rate' ? 'case-rate-comment' : 'case-action-text'}
                className='field__textarea'
                value={form.text}
                maxlength={spec.text.max}
                placeholder={spec.text.placeholder}
                onInput={(e) => update({ text: e.detail.value })}
              />
            </View>
          )}

          <ErrorNote id='case-action-error' message={error} />
          <View
            id={formAction === 'rate' ? 'case-rate-submit' : 'case-action-submit'}
            className={busy ? 'btn btn--disabled' : 'btn'}
            onClick={() => send(formAction, form)}
          >
            {busy ? '提交中…' : formAction === 'rate' ? '提交评价' : `确认${CASE_ACTION_LABELS[formAction]}`}
          </View>
          {formAction !== 'rate' && (
            <View id='case-action-cancel' className='btn btn--ghost' onClick={() => setActive(null)}>
              取消
            </View>
          )}
        </View>
      )}
      {!formAction && <ErrorNote id='case-action-error' message={error} />}
    </View>
  );
}
