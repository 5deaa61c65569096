import type { PartyMemberCheckInView } from '@linli/shared';
import { partyCheckInBlocked, splitPartyList, toPartyMemberCheckIn, toPartyOrganizationInput } from './party-forms';

const checkIn = (communityId: number, status: PartyMemberCheckInView['status']) => ({ id: communityId * 10, communityId, status }) as PartyMemberCheckInView;

describe('party check-in forms', () => {
  it('splits a typed list on lines and Chinese separators, dropping blanks and repeats', () => {
    expect(splitPartyList('法律咨询\n周末志愿者、 场地 ，法律咨询\n\n')).toEqual(['法律咨询', '周末志愿者', '场地']);
  });

  it('blocks a second check-in to the same community unless the first was rejected', () => {
    const mine = [checkIn(1, 'pending'), checkIn(2, 'confirmed'), checkIn(3, 'rejected')];
    expect(partyCheckInBlocked(mine, 1)).toBe('已提交报到，请等待社区党支部确认');
    expect(partyCheckInBlocked(mine, 2)).toBe('您已在该社区报到');
    expect(partyCheckInBlocked(mine, 3)).toBeNull();
    expect(partyCheckInBlocked(mine, null)).toBe('请选择报到社区');
  });

  it('needs a community and the party organisation name for a member check-in', () => {
    expect(toPartyMemberCheckIn(null, '市税务局第一党支部', null).error).toBe('请选择报到社区');
    expect(toPartyMemberCheckIn(4, ' ', null).error).toBe('请填写所在党组织名称');
    expect(toPartyMemberCheckIn(4, ' 市税务局第一党支部 ', 7).input).toEqual({ communityId: 4, partyOrganizationName: '市税务局第一党支部', partyOrganizationId: 7 });
  });

  it('turns an organisation form into resources and needs lists', () => {
    const form = { name: '越秀区律师协会党支部', contactName: '陈律师', contactPhone: '020-83001234', resources: '法律咨询\n普法讲座', needs: '' };
    expect(toPartyOrganizationInput(form).input).toEqual({ name: '越秀区律师协会党支部', contactName: '陈律师', contactPhone: '020-83001234', resources: ['法律咨询', '普法讲座'], needs: [] });
    expect(toPartyOrganizationInput({ ...form, resources: '' }).error).toBe('请至少填写一项资源或需求');
    expect(toPartyOrganizationInput({ ...form, contactPhone: 'abc' }).error).toBe('请填写正确的联系电话');
  });
});
