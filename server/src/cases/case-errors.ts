import { ApiException } from '../common/api-exception';
import { InputErrors } from '../common/input-errors';

/** The errors the case feature raises on purpose, so codes and wording stay consistent. */
export const CaseErrors = {
  notFound: () => new ApiException(404, 'not_found', '该反映不存在'),
  // A case the caller may not see is answered exactly as one that does not exist (404, same code and words), not
  // 403: a 403 would confirm to whoever tries ids one by one that a case is there.
  notVisible: () => new ApiException(404, 'not_found', '该反映不存在'),
  notYourMove: (message: string) => new ApiException(403, 'forbidden', message),
  wrongStatus: (message: string) => new ApiException(409, 'conflict', message),
  stale: () => new ApiException(409, 'conflict', '该反映刚刚已被他人处理，请刷新后再试'),
  unknownCategory: (categoryId: number) => new ApiException(422, 'unprocessable', '所选问题类别不存在，请重新选择', { categoryId }),
  unknownDepartments: (departmentIds: number[]) => new ApiException(422, 'unprocessable', '所选承办部门不存在', { departmentIds }),
  noDepartment: () => new ApiException(422, 'unprocessable', '请选择承办部门'),
  leadAlsoCo: () => new ApiException(422, 'unprocessable', '牵头部门不能同时作为协办部门'),
  badDuplicate: () => new ApiException(422, 'unprocessable', '请选择另一件正在办理的反映作为重复对象'),
  outsideServiceArea: InputErrors.outsideServiceArea,
  noHandlerChosen: () => new ApiException(422, 'unprocessable', '请选择转派给谁'),
  notAHandlerCandidate: (handlerUserId: number) =>
    new ApiException(422, 'unprocessable', '只能转派给负责该反映所在区域的网格员或派单员', { handlerUserId }),
  // 409, not 422: the request is well formed and names someone who may work the case; it only clashes with the
  // case as it stands now (it is already theirs), like a repeated tap or a page that missed a change. Refresh.
  alreadyHandler: (handlerUserId: number) => new ApiException(409, 'conflict', '该反映已由此人办理，请选择其他人', { handlerUserId }),
  followClosed: () => new ApiException(409, 'conflict', '该反映已办结，无需再跟进'),
};
