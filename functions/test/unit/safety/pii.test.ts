import assert from 'node:assert/strict';
import { aliasNames, stripPersonalDetails } from '../../../src/safety/pii';

describe('stripPersonalDetails', () => {
  it('replaces emails, phone numbers, URLs, bare domains and handles with placeholders', () => {
    const { text, counts } = stripPersonalDetails(
      'mail ravi.k@gmail.com or call +91 98765 43210; see https://insta.com/x?a=1, www.foo.in/abc and mysite.co.in. dm @ravi_99',
    );
    assert.equal(text, 'mail [email] or call [phone]; see [link], [link] and [link]. dm [handle]');
    assert.deepEqual(counts, { email: 1, link: 3, handle: 1, phone: 1, name: 0 });
  });

  it('strips Devanagari digit runs and long ID numbers too', () => {
    assert.equal(stripPersonalDetails('मेरा नंबर ९८७६५४३२१० है').text, 'मेरा नंबर [phone] है');
    assert.equal(stripPersonalDetails('aadhaar 1234 5678 9012 ok').text, 'aadhaar [phone] ok');
  });

  it('keeps the numbers triage needs: counts, times, short helplines, dates', () => {
    const input = 'I took 20 pills at 10:30 on 12/05/2024, that is 2024-05-12; should I call 14416?';
    assert.equal(stripPersonalDetails(input).text, input);
  });

  it('replaces known names as whole words, case-insensitively, longest first', () => {
    const { text, counts } = stripPersonalDetails('I am Calm Otter 42 and calm  otter is tired. I cannot calm down.', aliasNames('Calm Otter 42'));
    assert.equal(text, 'I am [name] and [name] is tired. I cannot calm down.');
    assert.equal(counts.name, 2);
  });

  it('does not take a typo without a space for a web address', () => {
    assert.equal(stripPersonalDetails('I am so tired.In the end i give up.me too').text, 'I am so tired.In the end i give up.me too');
  });

  it('ignores names shorter than three characters and escapes regex characters in names', () => {
    assert.equal(stripPersonalDetails('go to a.b (x) now', ['a', 'a.b (x)']).text, 'go to [name] now');
  });

  it('aliasNames gives the alias with and without its number', () => {
    assert.deepEqual(aliasNames('Calm Otter 42'), ['Calm Otter 42', 'Calm Otter']);
    assert.deepEqual(aliasNames('Solo'), ['Solo']);
  });
});
