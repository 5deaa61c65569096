import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maskIdNumber, VolunteerProfileInput, VolunteerProfileView } from '@linli/shared';
import { DataSource, In } from 'typeorm';
import { User } from '../users/user.entity';
import { VolunteerProfile } from './entities/volunteer-profile.entity';

/** What certificates print about a person: the profile when filled in, otherwise the account's names. */
export interface VolunteerIdentity {
  name: string;
  idNumberMasked: string;
  organizationName: string | null;
}

@Injectable()
export class VolunteerProfilesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async save(userId: number, input: VolunteerProfileInput): Promise<VolunteerProfileView> {
    const repo = this.dataSource.getRepository(VolunteerProfile);
    await repo.save(
      repo.create({
        userId,
        realName: input.realName.trim(),
        idNumber: input.idNumber ? input.idNumber.replace(/\s+/g, '').toUpperCase() : null,
        organizationName: input.organizationName?.trim() || null,
      }),
    );
    const identity = (await this.identities([userId])).get(userId)!;
    return { realName: identity.name, idNumberMasked: identity.idNumberMasked, organizationName: identity.organizationName };
  }

  async identities(userIds: readonly number[]): Promise<Map<number, VolunteerIdentity>> {
    const ids = [...new Set(userIds)];
    const result = new Map<number, VolunteerIdentity>();
    if (ids.length === 0) return result;
    // Chunked so a community export with thousands of people stays within bound-parameter limits.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const [users, profiles] = await Promise.all([
        this.dataSource.getRepository(User).find({ where: { id: In(chunk) }, select: { id: true, name: true, realName: true } }),
        this.dataSource.getRepository(VolunteerProfile).findBy({ userId: In(chunk) }),
      ]);
      const profileOf = new Map(profiles.map((p) => [p.userId, p]));
      for (const user of users) {
        const profile = profileOf.get(user.id);
        result.set(user.id, {
          name: profile?.realName ?? user.realName ?? user.name,
          idNumberMasked: maskIdNumber(profile?.idNumber),
          organizationName: profile?.organizationName ?? null,
        });
      }
    }
    return result;
  }
}
