// parseBirthDate: the ways people type a date of birth, and the dates that must be refused.
import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../../../src/conversation/recognize/parseDate.js';

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
  ])('%j → %s', (text, expected) => {
    expect(parseBirthDate(text)).toBe(expected);
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
