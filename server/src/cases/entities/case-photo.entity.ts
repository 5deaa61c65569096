import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { MediaFile } from '../../media/media-file.entity';
import { Case } from './case.entity';

export type CasePhotoKind = 'before' | 'after';

/** A photo of a case: the resident's (before) or the handler's when resolving (after), in display order. */
@Entity('case_photos')
@Unique('uq_case_photos_media_id', ['mediaId'])
export class CasePhoto {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  caseId: number;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 22 })
  mediaId: string;

  @ManyToOne(() => MediaFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'media_id' })
  media?: Relation<MediaFile>;

  @Column({ type: 'varchar', length: 8 })
  kind: CasePhotoKind;

  @Column({ type: 'int' })
  position: number;
}
