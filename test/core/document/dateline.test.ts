import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../../src/core/document/dateline.js';

describe('parseDateline', () => {
  it.each([
    // The interview's own bytes: a space and a no-break space between date and time.
    ['22.05.2020 \u00a008:02', '2020-05-22T08:02'],
    ['2020-05-22 08:02', '2020-05-22T08:02'],
    ['2020-05-22T08:02', '2020-05-22T08:02'],
    ['2020/5/22', '2020-05-22'],
    ['2020.05.22 08:02:09', '2020-05-22T08:02:09'],
    ['2020年5月22日 08:02', '2020-05-22T08:02'],
    ['2020年5月22日', '2020-05-22'],
    ['2020年5月22日8时2分', '2020-05-22T08:02'],
    ['２０２０年５月２２日　０８：０２', '2020-05-22T08:02'],
    ['1.5.2020 8:02', '2020-05-01T08:02'],
    ['29.02.2020', '2020-02-29'],
    ['2020-05-22 08:02 来源:重庆日报', '2020-05-22T08:02'],
    // A WeChat post's byline: names before the date, a time after it.
    ['原创 山城记 山城记事 2023-01-05 08:00 发表于重庆', '2023-01-05T08:00'],
    ['山城记事 2023-01-05 08:00', '2023-01-05T08:00'],
    // A page's label before its date, and its counts after.
    ['时间：2023-01-05 浏览次数：1234', '2023-01-05'],
    ['日期：2023年1月5日', '2023-01-05'],
    ['发布时间: 2023-01-05 08:30', '2023-01-05T08:30'],
  ])('reads %j as %s, keeping it as written', (line, iso) => {
    expect(parseDateline(line)).toEqual({ raw: line.trim(), iso });
  });

  it('trims the line it keeps', () => {
    expect(parseDateline('  2020-05-22\u3000')).toEqual({ raw: '2020-05-22', iso: '2020-05-22' });
  });

  it.each(['31.02.2020', '29.02.2019', '2020-13-01', '2020-05-22 25:00', '2020-05-22 08:61'])(
    'keeps %j as written without an ISO form when no such date exists',
    (line) => {
      expect(parseDateline(line)).toEqual({ raw: line });
    },
  );

  it.each([
    '',
    '重庆日报消息',
    '2020年5月22日,重庆日报记者采访了市经信委副主任刘忠。',
    '2020-05-22 08:02 会议召开,讨论了很多问题。',
    '5/22/2020',
    '时间：还早，2023-01-05 再说',
    '时间过得真快',
    '22.05.20',
    `2020-05-22 ${'很长的来源'.repeat(20)}`,
    // Names before a date without a time, or a sentence's words: no byline.
    '山城记事 2023-01-05',
    '他说，2023-01-05 08:00 见',
  ])('does not take %j for a dateline', (line) => {
    expect(parseDateline(line)).toBeUndefined();
  });
});
