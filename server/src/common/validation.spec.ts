import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateNested } from 'class-validator';
import { ApiException } from './api-exception';
import { IdField, OptionalText, RequiredText } from './text-fields';
import { createValidationPipe, type FieldProblem } from './validation';

class PlaceDto {
  @RequiredText(8, { message: '请填写地点' })
  name: string;
}

class SampleDto {
  @RequiredText(10)
  title: string;

  @OptionalText(100, { multiline: true })
  body?: string;

  @IdField()
  communityId: number;

  @IsIn(['a', 'b'])
  kind: string;

  @IsObject()
  @ValidateNested()
  @Type(() => PlaceDto)
  place: PlaceDto;
}

const pipe = createValidationPipe();
const run = (value: unknown) => pipe.transform(value, { type: 'body', metatype: SampleDto });

async function problems(value: unknown): Promise<FieldProblem[]> {
  try {
    await run(value);
  } catch (error) {
    if (error instanceof ApiException) return error.details as FieldProblem[];
    throw error;
  }
  throw new Error('validation passed');
}

describe('the validation pipe', () => {
  it('cleans every string by its kind before validating: one-line text loses line breaks, multi-line keeps them', async () => {
    const out = await run({ title: ' 楼道\u0000灯\n坏了 ', body: '第一行\r\n\u202e第二行 ', communityId: 3, kind: 'a', place: { name: '\u200b东门 ' } });
    expect(out).toMatchObject({ title: '楼道灯 坏了', body: '第一行\n第二行', place: { name: '东门' } });
  });

  it('refuses required text that is blank once cleaned', async () => {
    expect(await problems({ title: '\u200b \u202e', communityId: 3, kind: 'a', place: { name: '\u3000' } })).toEqual([
      { field: 'title', constraints: ['isNotEmpty'], messages: ['请填写标题'] },
      { field: 'place.name', constraints: ['isNotEmpty'], messages: ['请填写地点'] },
    ]);
  });

  it('names each field in Chinese with the constraint’s arguments, and keeps a message the DTO gave', async () => {
    const found = await problems({ title: 'x'.repeat(11), communityId: 2 ** 31, kind: 'c', place: [{ name: 'x' }], extra: 1 });
    expect(found).toEqual(
      expect.arrayContaining([
        { field: 'title', constraints: ['maxLength'], messages: ['标题不能超过 10 个字'] },
        { field: 'communityId', constraints: ['max'], messages: ['社区不能大于 2147483647'] },
        { field: 'kind', constraints: ['isIn'], messages: ['类型应为以下之一：a、b'] },
        expect.objectContaining({ field: 'place', constraints: expect.arrayContaining(['isObject']) }),
        { field: 'extra', constraints: ['whitelistValidation'], messages: ['不支持的字段：extra'] },
      ]),
    );
  });

  it('summarises the fields by their Chinese names', async () => {
    await expect(run({ title: '', communityId: 1, kind: 'a', place: { name: '门' } })).rejects.toMatchObject({ message: '以下内容填写有误：标题' });
  });
});
