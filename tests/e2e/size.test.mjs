// The release build's transfer size, per file and in total. Size is
// deterministic, so it is checked here; timings are left to `make bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { WIDGET_FILES, CEILING_GZIP, MARKDOWN_FILES, MARKDOWN_CEILING_GZIP, sizes } from '../../bench/sizes.mjs';

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

test('what a Markdown source adds (fetched for it only) stays under its own ceiling', () => {
  const { rows, total } = sizes(dist, MARKDOWN_FILES);
  const table = rows.map((r) => `${r.file}: ${r.gzip} B gzip`).join(', ');
  assert.ok(total.gzip <= MARKDOWN_CEILING_GZIP,
    `${total.gzip} B gzip in all is over the ceiling of ${MARKDOWN_CEILING_GZIP} B (${table}); see bench/sizes.mjs`);
});
