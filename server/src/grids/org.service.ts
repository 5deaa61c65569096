import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CommunityDetail, CommunitySummary, DistrictTree, GridDetail, GridSummary } from '@linli/shared';
import { Repository } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { Community } from './community.entity';
import { District } from './district.entity';
import { Grid } from './grid.entity';
import { Street } from './street.entity';

/** Read side of the organisation tree: what the public map and pickers show. */
@Injectable()
export class OrgService {
  constructor(
    @InjectRepository(District) private readonly districtRepo: Repository<District>,
    @InjectRepository(Street) private readonly streetRepo: Repository<Street>,
    @InjectRepository(Community) private readonly communityRepo: Repository<Community>,
    @InjectRepository(Grid) private readonly gridRepo: Repository<Grid>,
  ) {}

  /** The platform serves one district; it is the first one created. */
  async district(): Promise<DistrictTree> {
    const [district] = await this.districtRepo.find({ order: { id: 'ASC' }, take: 1 });
    if (!district) throw new ApiException(HttpStatus.NOT_FOUND, 'not_found', '尚未配置行政区');
    const streets = await this.streetRepo.find({ where: { districtId: district.id }, order: { code: 'ASC' } });
    return {
      id: district.id,
      code: district.code,
      name: district.name,
      streets: streets.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    };
  }

  async communities(streetId?: number): Promise<CommunitySummary[]> {
    const rows = await this.communityRepo.find({
      where: streetId === undefined ? {} : { streetId },
      relations: { street: true },
      order: { code: 'ASC' },
    });
    return rows.map(toCommunitySummary);
  }

  async community(id: number): Promise<CommunityDetail> {
    const community = await this.communityRepo.findOne({ where: { id }, relations: { street: true } });
    if (!community) throw new ApiException(HttpStatus.NOT_FOUND, 'not_found', '社区不存在');
    const grids = await this.gridRepo.find({
      where: { communityId: id },
      select: { id: true, code: true, name: true, communityId: true },
      order: { code: 'ASC' },
    });
    return { ...toCommunitySummary(community), grids: grids.map(toGridSummary) };
  }

  async gridDetails(communityId?: number): Promise<GridDetail[]> {
    const rows = await this.gridRepo.find({ where: communityId === undefined ? {} : { communityId }, order: { code: 'ASC' } });
    return rows.map(toGridDetail);
  }

  async gridDetail(id: number): Promise<GridDetail> {
    const grid = await this.gridRepo.findOneBy({ id });
    if (!grid) throw new ApiException(HttpStatus.NOT_FOUND, 'not_found', '网格不存在');
    return toGridDetail(grid);
  }
}

function toCommunitySummary(c: Community): CommunitySummary {
  return { id: c.id, code: c.code, name: c.name, streetId: c.streetId, streetName: c.street?.name ?? '' };
}

function toGridSummary(g: Grid): GridSummary {
  return { id: g.id, code: g.code, name: g.name, communityId: g.communityId };
}

function toGridDetail(g: Grid): GridDetail {
  return {
    ...toGridSummary(g),
    polygon: JSON.parse(g.polygon) as GridDetail['polygon'],
    bbox: [g.minLng, g.minLat, g.maxLng, g.maxLat],
  };
}
