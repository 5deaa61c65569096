import { volunteerExportFileName } from './export-file';

describe('volunteerExportFileName', () => {
  it('names the file for the person and the Shanghai day it was exported', () => {
    expect(volunteerExportFileName('pdf', '李淑俊', new Date('2026-11-23T17:00:00.000Z'))).toBe('志愿服务记录-李淑俊-2026-11-24.pdf');
  });

  it('drops characters a file system refuses and leaves out an empty subject', () => {
    expect(volunteerExportFileName('xlsx', '小北/社区 居委会', new Date('2026-11-23T01:00:00.000Z'))).toBe('志愿服务记录-小北社区居委会-2026-11-23.xlsx');
    expect(volunteerExportFileName('pdf', ' ', new Date('2026-11-23T01:00:00.000Z'))).toBe('志愿服务记录-2026-11-23.pdf');
  });
});
