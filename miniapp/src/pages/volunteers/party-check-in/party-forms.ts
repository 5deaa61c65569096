import type { PartyMemberCheckInInput, PartyMemberCheckInView, PartyOrganizationInput } from '@linli/shared';

/** A resources or needs list typed one item a line (or separated by 、，；), trimmed and without repeats. */
export function splitPartyList(text: string): string[] {
  return [...new Set(text.split(/[\n、，,；;]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Whether the member may submit a check-in to this community: not while one is pending or confirmed there. */
export function partyCheckInBlocked(mine: PartyMemberCheckInView[], communityId: number | null): string | null {
  if (communityId === null) return '请选择报到社区';
  const existing = mine.find((c) => c.communityId === communityId && c.status !== 'rejected');
  if (!existing) return null;
  return existing.status === 'pending' ? '已提交报到，请等待社区党支部确认' : '您已在该社区报到';
}

export function toPartyMemberCheckIn(communityId: number | null, organizationName: string, organizationId: number | null): { input?: PartyMemberCheckInInput; error?: string } {
  if (communityId === null) return { error: '请选择报到社区' };
  const name = organizationName.trim();
  if (Array.from(name).length < 2) return { error: '请填写所在党组织名称' };
  return { input: { communityId, partyOrganizationName: name, partyOrganizationId: organizationId } };
}

export interface PartyOrganizationFormState {
  name: string;
  contactName: string;
  contactPhone: string;
  resources: string;
  needs: string;
}

export function toPartyOrganizationInput(form: PartyOrganizationFormState): { input?: PartyOrganizationInput; error?: string } {
  const name = form.name.trim();
  if (Array.from(name).length < 2) return { error: '请填写党组织名称' };
  if (!form.contactName.trim()) return { error: '请填写联系人' };
  if (!/^[0-9+\-\s]{7,20}$/.test(form.contactPhone.trim())) return { error: '请填写正确的联系电话' };
  const resources = splitPartyList(form.resources);
  const needs = splitPartyList(form.needs);
  if (resources.length === 0 && needs.length === 0) return { error: '请至少填写一项资源或需求' };
  return { input: { name, contactName: form.contactName.trim(), contactPhone: form.contactPhone.trim(), resources, needs } };
}
