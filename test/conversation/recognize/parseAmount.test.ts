// parseAmountMajor, parseCount, parsePick: every way a borrower writes a number.
import { describe, expect, it } from 'vitest';
import { parseAmountMajor, parseCount, parsePick } from '../../../src/conversation/recognize/parseAmount.js';

describe('parseAmountMajor', () => {
  it.each([
    ['500', 500],
    ['1,200', 1200],
    ['1200元', 1200],
    ['五百', 500],
    ['三千五', 3500],
    ['两千五', 2500],
    ['兩千五', 2500],
    ['一万二', 12000],
    ['1.2万', 12000],
    ['1.15万', 11500],
    ['3k', 3000],
    ['¥800', 800],
    ['￥800', 800],
    ['$350', 350],
    ['350 dollars', 350],
    ['500 a month', 500],
    ['每月500', 500],
    ['八百块', 800],
    ['一千零五十', 1050],
    ['二十', 20],
    ['十万', 100000],
    ['一百零五', 105],
    ['1万2', 12000],
    ['3千5', 3500],
    ['3w', 30000],
    ['¥1,200.50', 1200.5],
    ['１２００', 1200],
    ['RMB500', 500],
    ['我每个月能还一千五左右', 1500],
    ['一次性还清5000', 5000],
    ['3个月后每月还2000', 2000],
    ['I can pay 300 a month, maybe 400 later', 300],
    ['方案2，每月500', 500],
    ['0', 0],
    ['five hundred', 500],
    ['two thousand five hundred', 2500],
    ['twenty five hundred', 2500],
    ['fifteen hundred bucks', 1500],
    ['one hundred and fifty', 150],
    ['about two thousand five hundred a month', 2500],
    ['3 grand', 3000],
    ['2.5k', 2500],
    ['2.5 thousand', 2500],
    ['i earn 8000 a month', 8000],
  ])('%j → %d', (text, expected) => {
    expect(parseAmountMajor(text)).toBe(expected);
  });

  it.each([
    ['no amount here', 'no number'],
    ['我失业了', 'no number'],
    ['换一个', '一 as "one of"'],
    ['千万别这样', '千万 = "by all means"'],
    ['十分感谢', '十分 = "very"'],
    ['-500', 'negative'],
    ['负500', 'negative'],
    ['2000000000', 'above 1e9'],
    ['3 months', 'a count of months'],
    ['LN-2024-0001', 'an account reference'],
    ['', 'empty'],
    ['the first one', 'a pick, not an amount'],
    ['no one', '"one" alone stays a word'],
  ])('%j → undefined (%s)', (text) => {
    expect(parseAmountMajor(text)).toBeUndefined();
  });
});

describe('parseCount', () => {
  it.each([
    ['3', 3],
    ['3个月', 3],
    ['大概六个月', 6],
    ['两个', 2],
    ['two kids', 2],
    ['0', 0],
    ['12 months', 12],
  ])('%j → %d', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  it.each(['1.5', '半年', 'not sure'])('%j → undefined', (text) => {
    expect(parseCount(text)).toBeUndefined();
  });
});

describe('parsePick (of 3 offers)', () => {
  it.each([
    ['方案2', 2],
    ['方案二', 2],
    ['我选方案3', 3],
    ['第一个', 1],
    ['第2个方案', 2],
    ['2号', 2],
    ['option 2', 2],
    ['Plan #3', 3],
    ['the second one', 2],
    ['1st', 1],
    ['2', 2],
    ['最后一个', 3],
    ['the last one', 3],
  ])('%j → %d', (text, expected) => {
    expect(parsePick(text, 3)).toBe(expected);
  });

  it.each(['方案4', '换一个', '要两千', 'I want 500', '0'])('%j → undefined', (text) => {
    expect(parsePick(text, 3)).toBeUndefined();
  });
});
