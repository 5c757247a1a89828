// The whole of OpenCC (the full package, Taiwan then Hong Kong forms to Simplified) as the reference our conversions must
// equal, and characters to build mixed-script texts from.
import * as OpenCC from 'opencc-js';

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
export const openCC = (text: string) => fromHongKong(fromTaiwan(text));

/**
 * Simplified and Traditional characters of borrowers' phrases, characters that only some phrases change, characters
 * whose conversion brings in another one a later stage converts again, and ASCII.
 */
export const MIXED_SCRIPT_CHARACTERS = [
  ...'你好我同意這個方案没有沒有失业失業暂时暫時的两兩千五还還款计計划劃后後天下周週五情况況变變了乾隆一干人头頭发髮',
  ...'想找真人转轉人工计算机機不再谈談了里裡面台臺湾灣收入月号號元块塊钱錢给給付付清利息罚罰金减減免着著衹只峯峰綫線',
  ...'0123456789 -LNabc',
];
