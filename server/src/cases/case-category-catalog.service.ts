import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemCategory } from '../departments/problem-category.entity';
import { CaseClassification, CaseClassifier } from './classification';

/**
 * The problem categories and a classifier built from them. The classifier is rebuilt when the categories
 * change (count, highest id or keywords), checked on each use with one small read.
 */
@Injectable()
export class CaseCategoryCatalog {
  private cached: { stamp: string; classifier: CaseClassifier } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(id: number): Promise<ProblemCategory | null> {
    return this.dataSource.getRepository(ProblemCategory).findOneBy({ id });
  }

  async classify(description: string): Promise<CaseClassification> {
    const categories = await this.dataSource.getRepository(ProblemCategory).find({ order: { id: 'ASC' } });
    const stamp = categories.map((c) => `${c.id}:${c.name}:${c.keywords.join(',')}`).join('|');
    if (this.cached?.stamp !== stamp) {
      const rules = categories.map((c) => ({ id: c.id, code: c.code, name: c.name, groupName: c.groupName, keywords: c.keywords }));
      this.cached = { stamp, classifier: new CaseClassifier(rules) };
    }
    return this.cached.classifier.classify(description);
  }
}
