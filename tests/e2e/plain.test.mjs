// Unit: `plain`, the Markdown-to-text of SCORM 2004 interaction
// descriptions and xAPI names, removes the markup and keeps every other
// character. No browser: `node --test tests/e2e/plain.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plain } from '../../js/quiz-xapi.js';

const check = (markdown, expected) => assert.equal(plain(markdown), expected, JSON.stringify(markdown));

test('characters that only look like markup stay', () => {
  check('Is 5 > 3?', 'Is 5 > 3?');
  check('snake_case and a__b__c', 'snake_case and a__b__c');
  check('`__init__.py`', '__init__.py');
  check('C# or F#?', 'C# or F#?');
  check('#hashtag, #1', '#hashtag, #1');
  check('2*3*4 = 24, and a * b', '2*3*4 = 24, and a * b');
  check('it`s #1 and <b>', 'it`s #1 and <b>');
  check('a_b_c', 'a_b_c');
  check('cost: $5 & ~10% off', 'cost: $5 & ~10% off');
});

test('markup goes', () => {
  check('# C# basics', 'C# basics');
  check('## Heading', 'Heading');
  check('> quoted\n> > nested', 'quoted nested');
  check('**bold**, *it*, _it_, __bold__, ***both***', 'bold, it, it, bold, both');
  check('**bold with _it_ inside**', 'bold with it inside');
  check('Call `snake_case(a*b*c)` now', 'Call snake_case(a*b*c) now');
  check('``a ` b``', 'a ` b');
  check('See [the docs](https://x.example/a_(b)) or ![a cat](cat.png)', 'See the docs) or a cat');
  check('<https://x.example/a_b_c>', '<https://x.example/a_b_c>');
  check('\\*not emphasis\\*', '\\*not emphasis\\*');
  check('```python\n# a comment, not a heading\nx = 5 > 3\n```\nThen?', '# a comment, not a heading x = 5 > 3 Then?');
  check('`x`> not a quote', 'x> not a quote');
  check('`x`\n> a quote', 'x a quote');
});

test('nothing in, nothing out', () => {
  check(undefined, '');
  check(null, '');
  check('  \n ', '');
});
