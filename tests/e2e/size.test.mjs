// The release build's transfer size, per file and in total. Size is
// deterministic, so it is checked here; timings are left to `make bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { WIDGET_FILES, CEILING_GZIP, ON_DEMAND, sizes } from '../../bench/sizes.mjs';

const dist = path.resolve(import.meta.dirname, '../../dist');

test('what a course page downloads stays under the size ceiling', () => {
  const { rows, total } = sizes(dist, WIDGET_FILES);
  const table = rows.map((r) => `${r.file}: ${r.gzip} B gzip`).join(', ');
  assert.ok(total.gzip <= CEILING_GZIP,
    `${total.gzip} B gzip in all is over the ceiling of ${CEILING_GZIP} B (${table}); see bench/sizes.mjs`);
});

test('the loader course pages link stays tiny, so it never delays the page', () => {
  const { rows } = sizes(dist, ['quiz-widget.js']);
  assert.ok(rows[0].gzip <= 1500, `quiz-widget.js is ${rows[0].gzip} B gzip`);
});

for (const part of ON_DEMAND) {
  test(`what ${part.name} add (fetched for them only) stays under its own ceiling`, () => {
    const { rows, total } = sizes(dist, part.files);
    const table = rows.map((r) => `${r.file}: ${r.gzip} B gzip`).join(', ');
    assert.ok(total.gzip <= part.ceiling,
      `${total.gzip} B gzip in all is over the ceiling of ${part.ceiling} B (${table}); see bench/sizes.mjs`);
  });
}
