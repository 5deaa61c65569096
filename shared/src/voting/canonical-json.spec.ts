import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('writes the same text whatever order the keys were set in', () => {
    expect(canonicalJson({ seq: 3, pollId: 'p1', choice: ['b', 'a'] })).toBe('{"choice":["b","a"],"pollId":"p1","seq":3}');
    expect(canonicalJson({ choice: ['b', 'a'], seq: 3, pollId: 'p1' })).toBe(canonicalJson({ seq: 3, pollId: 'p1', choice: ['b', 'a'] }));
  });

  it('keeps array order, which carries meaning', () => {
    expect(canonicalJson(['a', 'b'])).not.toBe(canonicalJson(['b', 'a']));
  });

  it('leaves out undefined properties so an absent optional field and a missing one hash alike', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('escapes strings the way JSON does, including Chinese text untouched', () => {
    expect(canonicalJson({ note: '同意"增设"电梯\n' })).toBe('{"note":"同意\\"增设\\"电梯\\n"}');
  });

  it('sorts nested objects too', () => {
    expect(canonicalJson({ z: { b: true, a: null }, a: [] })).toBe('{"a":[],"z":{"a":null,"b":true}}');
  });

  it('refuses fractions and unsafe integers, whose text differs between implementations', () => {
    expect(() => canonicalJson({ x: 0.1 })).toThrow(RangeError);
    expect(() => canonicalJson(2 ** 60)).toThrow(RangeError);
  });
});
