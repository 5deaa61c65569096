import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CategorySummary, DepartmentSummary } from '@linli/shared';
import { Repository } from 'typeorm';
import { Department } from './department.entity';
import { ProblemCategory } from './problem-category.entity';

/** Read side of departments and the problem categories routed to them. */
@Injectable()
export class DepartmentsService {
  constructor(
    @InjectRepository(Department) private readonly departmentRepo: Repository<Department>,
    @InjectRepository(ProblemCategory) private readonly categoryRepo: Repository<ProblemCategory>,
  ) {}

  async list(): Promise<DepartmentSummary[]> {
    const rows = await this.departmentRepo.find({ order: { code: 'ASC' } });
    return rows.map((d) => ({ id: d.id, code: d.code, name: d.name, phone: d.phone }));
  }

  /** In picker order: by sort order, which groups categories under their headings. */
  async categories(): Promise<CategorySummary[]> {
    const rows = await this.categoryRepo.find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    return rows.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      group: c.groupName,
      defaultDepartmentId: c.defaultDepartmentId,
      responseHours: c.responseHours,
      resolveHours: c.resolveHours,
      keywords: c.keywords,
    }));
  }
}
