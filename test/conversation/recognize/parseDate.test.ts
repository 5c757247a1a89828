// parseBirthDate: the ways people type a date of birth, and the dates that must be refused.
import { describe, expect, it } from 'vitest';
import { parseBirthDate, readBirthDate } from '../../../src/conversation/recognize/parseDate.js';

describe('parseBirthDate', () => {
  it.each([
    ['1985-03-12', '1985-03-12'],
    ['1985/3/12', '1985-03-12'],
    ['1985.3.12', '1985-03-12'],
    ['19850312', '1985-03-12'],
    ['1985年3月12日', '1985-03-12'],
    ['1985年03月12号', '1985-03-12'],
    ['我的生日是1990年5月20日', '1990-05-20'],
    ['一九八五年三月十二日', '1985-03-12'],
    ['一九八〇年十二月三十一日', '1980-12-31'],
    ['12 March 1985', '1985-03-12'],
    ['12th of March 1985', '1985-03-12'],
    ['March 12, 1985', '1985-03-12'],
    ['Mar 12 1985', '1985-03-12'],
    ['１９８５－０３－１２', '1985-03-12'],
    ['25/03/1985', '1985-03-25'],
    ['3/3/1985', '1985-03-03'],
    ['2000-02-29', '2000-02-29'],
    ['87年2月14日', '1987-02-14'],
    ['1987年2月14号', '1987-02-14'],
    ['1987.2.14', '1987-02-14'],
    ['19870214', '1987-02-14'],
    ['民國74年4月18日', '1985-04-18'],
    ['民国74年4月18号', '1985-04-18'],
    ['Feb 14 1987', '1987-02-14'],
    ['14/02/1987', '1987-02-14'],
    ['02/14/1987', '1987-02-14'],
  ])('%j → %s', (text, expected) => {
    expect(parseBirthDate(text)).toBe(expected);
  });

  it.each([
    ['74年4月18日', 'zh-TW', '1985-04-18'],
    ['074/4/18', 'zh-TW', undefined],
    ['87年2月14日', 'zh-CN', '1987-02-14'],
    ['87年2月14日', 'en', '1987-02-14'],
  ] as const)('%j in %s → %s (a bare two-digit year before 年 is a ROC year in Taiwan)', (text, locale, expected) => {
    expect(parseBirthDate(text, locale)).toBe(expected);
  });

  it.each(['03/04/1985', '02.03.1987', '1-2-1990'])('%j → ambiguous: asked again, not a wrong date', (text) => {
    expect(readBirthDate(text, 'en')).toEqual({ ambiguous: true });
  });

  it.each([
    ['1985-02-30', 'February 30'],
    ['1985年2月29日', 'not a leap year'],
    ['1985-13-01', 'month 13'],
    ['03/04/1985', 'day and month could be swapped'],
    ['12 Smarch 1985', 'no such month'],
    ['1850-01-01', 'before 1900'],
    ['85-3-12', 'two-digit year'],
    ['hello', 'no date'],
    ['', 'empty'],
  ])('%j → undefined (%s)', (text) => {
    expect(parseBirthDate(text)).toBeUndefined();
  });
});
