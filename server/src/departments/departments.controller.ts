import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CategorySummary, DepartmentSummary } from '@linli/shared';
import { Permission } from '../auth/permission.decorator';
import { DepartmentsService } from './departments.service';

/** Public lists: which departments exist and what residents can report to them. */
@ApiTags('org')
@Controller('org')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get('departments')
  @Permission('org.read')
  @ApiOkResponse({ description: '职能部门列表' })
  list(): Promise<DepartmentSummary[]> {
    return this.departments.list();
  }

  @Get('categories')
  @Permission('org.read')
  @ApiOkResponse({ description: '问题分类及默认处置部门、时限和关键词' })
  categories(): Promise<CategorySummary[]> {
    return this.departments.categories();
  }
}
