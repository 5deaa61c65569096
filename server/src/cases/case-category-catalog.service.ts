import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemCategory } from '../departments/problem-category.entity';
import { CaseClassification, CaseClassifier } from './classification';

/**
 * How long a loaded copy of the categories is used before the table is read again. Intake reads the catalogue
 * on every report; categories change a few times a year, through the admin, and a change reaching intake a few
 * seconds late (or from another server process) is harmless. A category added since is never missed: an id
 * not in the copy is looked up in the table.
 */
export const CASE_CATALOG_FRESH_MS = 5_000;

interface Loaded {
  at: number;
  byId: Map<number, ProblemCategory>;
  stamp: string;
  classifier: CaseClassifier;
}

/** The problem categories and a classifier built from them, from a copy at most CASE_CATALOG_FRESH_MS old. */
@Injectable()
export class CaseCategoryCatalog {
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: number): Promise<ProblemCategory | null> {
    const known = (await this.current()).byId.get(id);
    if (known) return known;
    const row = await this.dataSource.getRepository(ProblemCategory).findOneBy({ id });
    // Added since the copy was made: the next use reloads, so the classifier learns its keywords too.
    if (row) this.loaded = null;
    return row;
  }

  async classify(description: string): Promise<CaseClassification> {
    return (await this.current()).classifier.classify(description);
  }

  /** Drops the copy; the next use reads the table. */
  invalidate(): void {
    this.loaded = null;
  }

  private async current(): Promise<Loaded> {
    if (this.loaded && Date.now() - this.loaded.at < CASE_CATALOG_FRESH_MS) return this.loaded;
    if (!this.loading) {
      this.loading = this.load(this.loaded).finally(() => (this.loading = null));
    }
    this.loaded = await this.loading;
    return this.loaded;
  }

  private async load(previous: Loaded | null): Promise<Loaded> {
    const categories = await this.dataSource.getRepository(ProblemCategory).find({ order: { id: 'ASC' } });
    const stamp = categories.map((c) => `${c.id}:${c.name}:${c.keywords.join(',')}`).join('|');
    // The classifier is rebuilt only when names or keywords changed.
    const classifier =
      previous?.stamp === stamp
        ? previous.classifier
        : new CaseClassifier(categories.map((c) => ({ id: c.id, code: c.code, name: c.name, groupName: c.groupName, keywords: c.keywords })));
    return { at: Date.now(), byId: new Map(categories.map((c) => [c.id, c])), stamp, classifier };
  }
}
